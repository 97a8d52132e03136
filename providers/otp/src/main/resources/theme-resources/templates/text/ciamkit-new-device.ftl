<#ftl output_format="plainText">
${msg("ciamkitNewDeviceBody", deviceLabel, date, ipAddress)}
