<#import "template.ftl" as layout>
<@layout.emailLayout>
<#--
  kcSanitize decodes HTML entities before it sanitizes, and keeps <a href>: a user-controlled argument escaped before
  formatting would come out as live markup. So the message is sanitized with neutral tokens in place of those
  arguments, and the arguments, escaped in NewDeviceNotice, go in afterwards.
-->
${kcSanitize(msg("ciamkitNewDeviceBodyHtml", "CIAMKIT_DEVICE_LABEL", date, "CIAMKIT_IP_ADDRESS"))?replace("CIAMKIT_DEVICE_LABEL", deviceLabelHtml)?replace("CIAMKIT_IP_ADDRESS", ipAddressHtml)?no_esc}
</@layout.emailLayout>
