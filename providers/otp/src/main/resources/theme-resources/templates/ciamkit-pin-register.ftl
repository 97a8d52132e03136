<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('pin','pinConfirm'); section>
<!-- template: ciamkit-pin-register.ftl -->
    <#if section="header">
        <#if ciamkitPinChange>${msg("ciamkitPinChangeTitle")}<#else>${msg("ciamkitPinRegisterTitle")}</#if>
    <#elseif section="form">
            <#if auth?has_content && auth.showUsername()>
                <#-- Keycloak's template shows the attempted username in an input without a label. -->
                <label for="kc-attempted-username" class="pf-v5-screen-reader">${msg("usernameOrEmail")}</label>
            </#if>
        <p id="ciamkit-pin-hint">${msg("ciamkitPinRegisterHint", ciamkitPinLength?c)}</p>
        <form id="ciamkit-pin-register-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <div class="${properties.kcFormGroupClass!}">
                <label for="pin" class="${properties.kcLabelClass!}">${msg("ciamkitPinNew")}</label>
                <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('pin')>${properties.kcError!}</#if>">
                    <input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="new-password" autofocus
                           maxlength="32" aria-invalid="<#if messagesPerField.existsError('pin')>true<#else>false</#if>"
                           aria-describedby="ciamkit-pin-hint ciamkit-pin-error"/>
                </span>
                <#if messagesPerField.existsError('pin')>
                    <div id="ciamkit-pin-error" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                        ${kcSanitize(messagesPerField.get('pin'))?no_esc}
                    </div>
                </#if>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="pinConfirm" class="${properties.kcLabelClass!}">${msg("ciamkitPinConfirm")}</label>
                <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('pinConfirm')>${properties.kcError!}</#if>">
                    <input id="pinConfirm" name="pinConfirm" type="password" inputmode="numeric" autocomplete="new-password"
                           maxlength="32" aria-invalid="<#if messagesPerField.existsError('pinConfirm')>true<#else>false</#if>"
                           aria-describedby="ciamkit-pin-confirm-error"/>
                </span>
                <#if messagesPerField.existsError('pinConfirm')>
                    <div id="ciamkit-pin-confirm-error" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                        ${kcSanitize(messagesPerField.get('pinConfirm'))?no_esc}
                    </div>
                </#if>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-pin-submit"
                        type="submit">${msg("ciamkitPinSubmit")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
