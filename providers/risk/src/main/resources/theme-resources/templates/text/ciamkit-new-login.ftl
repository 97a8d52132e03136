<#ftl output_format="plainText">
${msg("ciamkitNewLoginBody", date, place!msg("ciamkitNewLoginUnknownPlace"), browser, accountUrl, msg(reasonKey))}
