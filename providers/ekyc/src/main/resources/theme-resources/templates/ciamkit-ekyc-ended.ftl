<#import "template.ftl" as layout>
<#import "ciamkit-ekyc-macros.ftl" as ekyc>
<@layout.registrationLayout; section>
<!-- template: ciamkit-ekyc-ended.ftl -->
    <#if section="header">
        ${msg("ciamkitEkycEndedTitle")}
    <#elseif section="form">
        <p id="ciamkit-ekyc-intro">${msg("ciamkitEkycEndedIntro")}</p>
        <@ekyc.startAgain/>
    </#if>
</@layout.registrationLayout>
