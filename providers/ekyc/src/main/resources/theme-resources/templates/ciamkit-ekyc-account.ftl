<#import "template.ftl" as layout>
<#import "ciamkit-ekyc-macros.ftl" as ekyc>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('bank','accountNumber'); section>
<!-- template: ciamkit-ekyc-account.ftl -->
    <#if section="header">
        ${msg("ciamkitEkycAccountTitle")}
    <#elseif section="form">
        <@ekyc.progress/>
        <p id="ciamkit-ekyc-intro">${msg("ciamkitEkycAccountIntro")}</p>
        <form id="ciamkit-ekyc-account-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <div class="${properties.kcFormGroupClass!}">
                <label for="bank" class="${properties.kcLabelClass!}">${msg("ciamkitEkycBank")}</label>
                <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('bank')>${properties.kcError!}</#if>">
                    <select id="bank" name="bank" aria-describedby="ciamkit-ekyc-bank-error"
                            aria-invalid="<#if messagesPerField.existsError('bank')>true<#else>false</#if>">
                        <option value="">${msg("ciamkitEkycBankChoose")}</option>
                        <#list ciamkitEkycBanks as bank>
                            <option value="${bank}">${msg("ciamkitEkycBank-" + bank)}</option>
                        </#list>
                    </select>
                </span>
                <@ekyc.fieldError name="bank"/>
            </div>
            <@ekyc.textField name="accountNumber" label="ciamkitEkycAccountNumber" inputmode="numeric" hint=msg("ciamkitEkycAccountHint")/>
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" id="ciamkit-ekyc-submit"
                        type="submit">${msg("ciamkitEkycSendTransfer")}</button>
                <#if ciamkitEkycFace>
                    <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" name="useFace" value="1"
                            id="ciamkit-ekyc-use-face" type="submit">${msg("ciamkitEkycUseFaceInstead")}</button>
                </#if>
            </div>
        </form>
        <@ekyc.startAgain/>
    </#if>
</@layout.registrationLayout>
