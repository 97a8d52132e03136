<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!(messagesPerField.existsError('phone') || messagesPerField.existsError('code')); section>
<!-- template: ciamkit-phone-register.ftl -->
    <#if section="header">
        ${msg("ciamkitPhoneTitle")}
    <#elseif section="form">
        <div id="ciamkit-phone" data-stage="${ciamkitPhoneStage}">
        <#if ciamkitPhoneCurrent?has_content>
            <p id="ciamkit-phone-current">${msg("ciamkitPhoneCurrent", ciamkitPhoneCurrent)}</p>
        </#if>
        <#if ciamkitPhoneStage == "number">
            <form id="ciamkit-phone-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
                <input type="hidden" name="action" value="send">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="phone" class="${properties.kcLabelClass!}">${msg("ciamkitPhoneNumber")}</label>
                    <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('phone')>${properties.kcError!}</#if>">
                        <input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" autofocus maxlength="40"
                               aria-invalid="<#if messagesPerField.existsError('phone')>true<#else>false</#if>"
                               aria-describedby="ciamkit-phone-hint ciamkit-phone-error"/>
                    </span>
                    <div id="ciamkit-phone-hint" class="ciamkit-hint">${msg("ciamkitPhoneNumberHint")}</div>
                    <#if messagesPerField.existsError('phone')>
                        <div id="ciamkit-phone-error" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                            ${kcSanitize(messagesPerField.get('phone'))?no_esc}
                        </div>
                    </#if>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-phone-send"
                            type="submit">${msg("ciamkitPhoneSend")}</button>
                    <#if isAppInitiatedAction??>
                        <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-phone-cancel"
                                type="submit" name="cancel-aia" value="true" formnovalidate>${msg("doCancel")}</button>
                    </#if>
                </div>
            </form>
        <#else>
            <form id="ciamkit-phone-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
                <input type="hidden" name="action" value="verify">
                <p id="ciamkit-phone-pending">${msg("ciamkitPhonePending", ciamkitPhoneMasked)}</p>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="code" class="${properties.kcLabelClass!}">${msg("ciamkitPhoneCode")}</label>
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
                    <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-phone-verify"
                            type="submit">${msg("ciamkitPhoneVerify")}</button>
                </div>
            </form>
            <form id="ciamkit-phone-resend-form" action="${url.loginAction}" method="post" novalidate>
                <input type="hidden" name="action" value="resend">
                <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-phone-resend"
                        type="submit">${msg("ciamkitSmsResend")}</button>
            </form>
            <form id="ciamkit-phone-change-form" action="${url.loginAction}" method="post" novalidate>
                <input type="hidden" name="action" value="change">
                <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-phone-change"
                        type="submit">${msg("ciamkitPhoneChange")}</button>
            </form>
        </#if>
        </div>
    </#if>
</@layout.registrationLayout>
