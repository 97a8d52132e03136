<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
<!-- template: ciamkit-sms-otp.ftl -->
    <#if section="header">
        ${msg("ciamkitSmsOtpTitle")}
    <#elseif section="form">
            <#if auth?has_content && auth.showUsername()>
                <#-- Keycloak's template shows the attempted username in an input without a label. -->
                <label for="kc-attempted-username" class="pf-v5-screen-reader">${msg("usernameOrEmail")}</label>
            </#if>
        <form id="ciamkit-sms-otp-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <div class="${properties.kcFormGroupClass!}">
                <label for="code" class="${properties.kcLabelClass!}">${msg("ciamkitSmsCode", ciamkitSmsDigits)}</label>
                <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('code')>${properties.kcError!}</#if>">
                    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" autofocus
                           maxlength="16"
                           aria-invalid="<#if messagesPerField.existsError('code')>true<#else>false</#if>"
                           aria-describedby="ciamkit-code-error"/>
                </span>
                <#if messagesPerField.existsError('code')>
                    <div id="ciamkit-code-error" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                        ${kcSanitize(messagesPerField.get('code'))?no_esc}
                    </div>
                </#if>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" name="login" id="kc-login"
                        type="submit">${msg("doLogIn")}</button>
            </div>
        </form>
        <form id="ciamkit-sms-resend-form" action="${url.loginAction}" method="post" novalidate>
            <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" name="resend" value="true"
                    id="ciamkit-sms-resend" type="submit">${msg("ciamkitSmsResend")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
