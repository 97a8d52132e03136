<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('otp','label'); section>
<!-- template: ciamkit-otp-enrol.ftl -->
    <#if section="header">
        ${msg("ciamkitOtpEnrolTitle")}
    <#elseif section="form">
            <#if auth?has_content && auth.showUsername()>
                <#-- Keycloak's template shows the attempted username in an input without a label. -->
                <label for="kc-attempted-username" class="pf-v5-screen-reader">${msg("usernameOrEmail")}</label>
            </#if>
        <ol class="ciamkit-steps">
            <li>
                <p>${msg("ciamkitOtpEnrolStep1")}</p>
                <p class="ciamkit-apps" id="ciamkit-apps">
                    <#if ciamkitMicrosoftCompatible>${msg("ciamkitOtpEnrolAppsDefault")}<#else>${msg("ciamkitOtpEnrolAppsOther")}</#if>
                </p>
            </li>
            <li>
                <p>${msg("ciamkitOtpEnrolScan")}</p>
                <img id="ciamkit-qr" class="ciamkit-qr" src="${ciamkitQr}" alt="${msg("ciamkitOtpQrAlt")}" width="240" height="240">
                <p>${msg("ciamkitOtpEnrolKey")}</p>
                <p><code id="ciamkit-key" class="ciamkit-key">${ciamkitKey}</code></p>
                <p class="ciamkit-policy" id="ciamkit-policy">
                    <#if ciamkitPolicyType == "TOTP">
                        ${msg("ciamkitOtpEnrolPolicy", ciamkitPolicyAlgorithm, ciamkitPolicyDigits?c, ciamkitPolicyPeriod?c)}
                    <#else>
                        ${msg("ciamkitOtpEnrolPolicyHotp", ciamkitPolicyAlgorithm, ciamkitPolicyDigits?c)}
                    </#if>
                </p>
            </li>
            <li><p>${msg("ciamkitOtpEnrolCodeStep")}</p></li>
        </ol>

        <form id="ciamkit-otp-enrol-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <div class="${properties.kcFormGroupClass!}">
                <label for="otp" class="${properties.kcLabelClass!}">${msg("ciamkitOtpEnrolCode")}</label>
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
            <div class="${properties.kcFormGroupClass!}">
                <label for="label" class="${properties.kcLabelClass!}">
                    ${msg("ciamkitOtpEnrolLabel")}<#if !ciamkitLabelRequired> ${msg("ciamkitOptional")}</#if>
                </label>
                <span class="${properties.kcInputClass!}">
                    <input id="label" name="label" type="text" maxlength="64" autocomplete="off"/>
                </span>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-enrol-submit"
                        type="submit">${msg("ciamkitOtpEnrolSubmit")}</button>
            </div>
            <#if ciamkitSmsAvailable>
                <div class="${properties.kcFormGroupClass!} ciamkit-sms">
                    <p>${msg("ciamkitOtpSmsHint")}</p>
                    <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-send-link"
                            name="action" value="sms" type="submit" formnovalidate>${msg("ciamkitOtpSmsButton")}</button>
                </div>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
