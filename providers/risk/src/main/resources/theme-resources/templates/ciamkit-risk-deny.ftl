<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=false; section>
<!-- template: ciamkit-risk-deny.ftl -->
    <#if section="header">
        ${msg("ciamkitRiskDenyTitle")}
    <#elseif section="form">
        <div id="ciamkit-risk-deny">
            <p>${msg("ciamkitRiskDenyText")}</p>
            <p>${msg("ciamkitRiskDenyReference")} <code id="ciamkit-support-reference" class="ciamkit-key">${ciamkitSupportReference}</code></p>
            <p>${msg("ciamkitRiskDenyContact")}</p>
        </div>
    </#if>
</@layout.registrationLayout>
