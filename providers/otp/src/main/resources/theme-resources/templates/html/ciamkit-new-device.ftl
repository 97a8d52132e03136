<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("ciamkitNewDeviceBodyHtml", deviceLabel, date, ipAddress))?no_esc}
</@layout.emailLayout>
