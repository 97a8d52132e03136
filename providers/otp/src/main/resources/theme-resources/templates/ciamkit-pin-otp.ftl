<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('pin'); section>
<!-- template: ciamkit-pin-otp.ftl -->
    <#if section="header">
        ${msg("ciamkitPinOtpTitle")}
    <#elseif section="form">
            <#if auth?has_content && auth.showUsername()>
                <#-- Keycloak's template shows the attempted username in an input without a label. -->
                <label for="kc-attempted-username" class="pf-v5-screen-reader">${msg("usernameOrEmail")}</label>
            </#if>
        <form id="ciamkit-pin-otp-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <div class="${properties.kcFormGroupClass!}">
                <label for="pin" class="${properties.kcLabelClass!}">${msg("ciamkitPinLabel")}</label>
                <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('pin')>${properties.kcError!}</#if>">
                    <input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" autofocus maxlength="32"
                           aria-invalid="<#if messagesPerField.existsError('pin')>true<#else>false</#if>"
                           aria-describedby="ciamkit-pin-otp-error"/>
                </span>
            </div>
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
                <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('pin')>${properties.kcError!}</#if>">
                    <input id="otp" name="otp" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="32"
                           aria-invalid="<#if messagesPerField.existsError('pin')>true<#else>false</#if>"
                           aria-describedby="ciamkit-pin-otp-error"/>
                </span>
                <#if messagesPerField.existsError('pin')>
                    <div id="ciamkit-pin-otp-error" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                        ${kcSanitize(messagesPerField.get('pin'))?no_esc}
                    </div>
                </#if>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" name="login" id="kc-login"
                        type="submit">${msg("doLogIn")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
