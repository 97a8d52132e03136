<#import "template.ftl" as layout>
<#import "ciamkit-ekyc-macros.ftl" as ekyc>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('familyName','givenName','selfie'); section>
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
                    <dl class="ciamkit-ekyc-read">
                        <dt>${msg("ciamkitEkycBirthDate")}</dt><dd id="ciamkit-ekyc-birth-date">${ciamkitEkycPerson.birthDate}</dd>
                        <dt>${msg("ciamkitEkycIdNumber")}</dt><dd id="ciamkit-ekyc-id-number">${ciamkitEkycPerson.idNumberMasked}</dd>
                        <#if ciamkitEkycPerson.issueDate?has_content>
                            <dt>${msg("ciamkitEkycIssueDate")}</dt><dd id="ciamkit-ekyc-issue-date">${ciamkitEkycPerson.issueDate}</dd>
                        </#if>
                    </dl>
                    <p id="ciamkit-ekyc-read-hint" class="ciamkit-hint">${msg("ciamkitEkycReadOnlyHint")}</p>
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
