<#import "template.ftl" as layout>
<@layout.emailLayout>
<#--
  kcSanitize decodes HTML entities before it sanitizes, and keeps <a href>: an argument from the request (place,
  browser, the link's host) escaped before formatting would come out as live markup. So the message is sanitized with
  neutral tokens in place of those arguments, and the arguments, escaped in NewLoginNotice, go in afterwards. The
  unknown-place text and the reason are our own messages and go in directly.
-->
<#assign placeArg = (placeHtml??)?then("CIAMKIT_PLACE", msg("ciamkitNewLoginUnknownPlace"))>
${kcSanitize(msg("ciamkitNewLoginBodyHtml", date, placeArg, "CIAMKIT_BROWSER", "https://ciamkit-account-link.invalid/", msg(reasonKey)))?replace("https://ciamkit-account-link.invalid/", accountUrlHtml)?replace("CIAMKIT_PLACE", placeHtml!"")?replace("CIAMKIT_BROWSER", browserHtml)?no_esc}
</@layout.emailLayout>
