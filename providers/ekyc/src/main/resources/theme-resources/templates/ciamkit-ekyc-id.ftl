<#import "template.ftl" as layout>
<#import "ciamkit-ekyc-macros.ftl" as ekyc>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('idImage'); section>
<!-- template: ciamkit-ekyc-id.ftl -->
    <#if section="header">
        ${msg("ciamkitEkycIdTitle")}
    <#elseif section="form">
        <p id="ciamkit-ekyc-intro">${msg("ciamkitEkycIdIntro")}</p>
        <form id="ciamkit-ekyc-id-form" class="${properties.kcFormClass!}" action="${ciamkitEkycUploadUrl}" method="post"
              enctype="multipart/form-data" novalidate>
            <input type="hidden" name="ekycToken" value="${ciamkitEkycToken}">
            <@ekyc.imageField name="idImage" label="ciamkitEkycIdImage" facing="environment"/>
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-ekyc-submit"
                        type="submit">${msg("ciamkitEkycContinue")}</button>
            </div>
        </form>
        <script src="${url.resourcesPath}/js/ciamkit-ekyc.js" defer></script>
    </#if>
</@layout.registrationLayout>
