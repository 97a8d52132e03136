<#import "template.ftl" as layout>
<#import "ciamkit-ekyc-macros.ftl" as ekyc>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('familyName','givenName','birthDate','idNumber','issueDate','selfie'); section>
<!-- template: ciamkit-ekyc-confirm.ftl -->
    <#if section="header">
        <#if ciamkitEkycPersonChecked>${msg("ciamkitEkycSelfieTitle")}<#else>${msg("ciamkitEkycConfirmTitle")}</#if>
    <#elseif section="form">
        <@ekyc.progress/>
        <form id="ciamkit-ekyc-confirm-form" class="${properties.kcFormClass!}" action="${ciamkitEkycUploadUrl}" method="post"
              enctype="multipart/form-data" novalidate>
            <input type="hidden" name="ekycToken" value="${ciamkitEkycToken}">
            <#if !ciamkitEkycPersonChecked>
                <fieldset class="ciamkit-ekyc-fields">
                    <legend class="${properties.kcFormLabelClass!} ciamkit-legend">${msg("ciamkitEkycConfirmIntro")}</legend>
                    <p id="ciamkit-ekyc-document">${msg("ciamkitEkycDocument-" + ciamkitEkycPerson.type)}</p>
                    <@ekyc.textField name="familyName" label="ciamkitEkycFamilyName" value=ciamkitEkycPerson.familyName autocomplete="family-name"/>
                    <@ekyc.textField name="givenName" label="ciamkitEkycGivenName" value=ciamkitEkycPerson.givenName autocomplete="given-name"/>
                    <@ekyc.textField name="birthDate" label="ciamkitEkycBirthDate" value=ciamkitEkycPerson.birthDate type="date" autocomplete="bday"/>
                    <@ekyc.textField name="idNumber" label="ciamkitEkycIdNumber" hint=msg("ciamkitEkycIdNumberHint", ciamkitEkycPerson.idNumberMasked)/>
                    <#if ciamkitEkycPerson.issueDate?has_content>
                        <@ekyc.textField name="issueDate" label="ciamkitEkycIssueDate" value=ciamkitEkycPerson.issueDate type="date"/>
                    </#if>
                </fieldset>
            </#if>
            <#if ciamkitEkycFace>
                <p id="ciamkit-ekyc-selfie-intro">${msg("ciamkitEkycSelfieIntro")}</p>
                <@ekyc.imageField name="selfie" label="ciamkitEkycSelfie" facing="user"/>
            </#if>
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-ekyc-submit"
                        type="submit">${msg("ciamkitEkycVerify")}</button>
                <#if ciamkitEkycFace && ciamkitEkycAccount>
                    <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" name="useAccount" value="1"
                            id="ciamkit-ekyc-use-account" type="submit" formnovalidate>${msg("ciamkitEkycUseAccountInstead")}</button>
                </#if>
            </div>
        </form>
        <@ekyc.startAgain/>
        <script src="${url.resourcesPath}/js/ciamkit-ekyc.js" defer></script>
    </#if>
</@layout.registrationLayout>
