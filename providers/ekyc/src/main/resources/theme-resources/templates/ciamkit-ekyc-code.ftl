<#import "template.ftl" as layout>
<#import "ciamkit-ekyc-macros.ftl" as ekyc>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
<!-- template: ciamkit-ekyc-code.ftl -->
    <#if section="header">
        ${msg("ciamkitEkycCodeTitle")}
    <#elseif section="form">
        <@ekyc.progress/>
        <p id="ciamkit-ekyc-intro">${msg("ciamkitEkycCodeIntro")}</p>
        <form id="ciamkit-ekyc-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <@ekyc.textField name="code" label="ciamkitEkycCode" autocomplete="one-time-code"/>
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-ekyc-submit"
                        type="submit">${msg("ciamkitEkycConfirmCode")}</button>
            </div>
        </form>
        <@ekyc.startAgain/>
    </#if>
</@layout.registrationLayout>
