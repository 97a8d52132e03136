<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('otp'); section>
<!-- template: ciamkit-otp-form.ftl -->
    <#if section="header">
        ${msg("ciamkitOtpTitle")}
    <#elseif section="form">
            <#if auth?has_content && auth.showUsername()>
                <#-- Keycloak's template shows the attempted username in an input without a label. -->
                <label for="kc-attempted-username" class="pf-v5-screen-reader">${msg("usernameOrEmail")}</label>
            </#if>
        <form id="ciamkit-otp-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <#if ciamkitDevices?size gt 1>
                <fieldset class="${properties.kcFormGroupClass!} ciamkit-devices">
                    <legend class="${properties.kcFormLabelClass!} ciamkit-legend">${msg("ciamkitOtpChooseDevice")}</legend>
                    <#list ciamkitDevices as device>
                        <div class="pf-v5-c-radio ciamkit-device">
                            <input class="pf-v5-c-radio__input" type="radio" id="ciamkit-device-${device?index}" name="deviceId"
                                   value="${device.id}" <#if device.id == ciamkitSelectedDevice>checked</#if>>
                            <label class="pf-v5-c-radio__label" for="ciamkit-device-${device?index}">${device.label}</label>
                        </div>
                    </#list>
                </fieldset>
            <#else>
                <input type="hidden" name="deviceId" value="${ciamkitSelectedDevice}">
            </#if>

            <div class="${properties.kcFormGroupClass!}">
                <label for="otp" class="${properties.kcLabelClass!}">${msg("ciamkitOtpCode")}</label>
                <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('otp')>${properties.kcError!}</#if>">
                    <input id="otp" name="otp" type="text" inputmode="numeric" autocomplete="one-time-code" autofocus
                           aria-invalid="<#if messagesPerField.existsError('otp')>true<#else>false</#if>"
                           aria-describedby="ciamkit-otp-error"/>
                </span>
                <#if messagesPerField.existsError('otp')>
                    <div id="ciamkit-otp-error" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                        ${kcSanitize(messagesPerField.get('otp'))?no_esc}
                    </div>
                </#if>
            </div>

            <#if ciamkitHotp>
                <details class="${properties.kcFormGroupClass!} ciamkit-resync">
                    <summary>${msg("ciamkitOtpResyncHint")}</summary>
                    <label for="otpNext" class="${properties.kcLabelClass!}">${msg("ciamkitOtpNextCode")}</label>
                    <span class="${properties.kcInputClass!}">
                        <input id="otpNext" name="otpNext" type="text" inputmode="numeric" autocomplete="off"/>
                    </span>
                </details>
            </#if>

            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" name="login" id="kc-login"
                        type="submit">${msg("doLogIn")}</button>
            </div>
        </form>
        <#if ciamkitSmsFallback!false>
            <form id="ciamkit-otp-fallback-form" action="${url.loginAction}" method="post" novalidate>
                <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" name="ciamkitFallback"
                        value="sms" id="ciamkit-otp-fallback" type="submit">${msg("ciamkitOtpFallback")}</button>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
