<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
<!-- template: ciamkit-otp-link.ftl -->
    <#if section="header">
        ${msg("ciamkitOtpLinkTitle")}
    <#elseif section="form">
        <div id="ciamkit-link" data-state="${ciamkitLinkState}">
        <#if ciamkitLinkState == "confirm">
            <p>${msg("ciamkitOtpLinkConfirm")}</p>
            <form method="post" action="">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-link-confirm"
                        type="submit">${msg("ciamkitOtpLinkConfirmButton")}</button>
            </form>
        <#elseif ciamkitLinkState == "open">
            <p>${msg("ciamkitOtpLinkOpen")}</p>
            <p><a class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-link-open"
                  href="${ciamkitOtpAuthUri}">${msg("ciamkitOtpLinkOpenButton")}</a></p>
            <p>${msg("ciamkitOtpLinkKey")}</p>
            <p><code id="ciamkit-key" class="ciamkit-key">${ciamkitKey}</code></p>
            <p>${msg("ciamkitOtpLinkDone")}</p>
        <#else>
            <p id="ciamkit-link-expired">${msg("ciamkitOtpLinkExpired")}</p>
        </#if>
        </div>
    </#if>
</@layout.registrationLayout>
