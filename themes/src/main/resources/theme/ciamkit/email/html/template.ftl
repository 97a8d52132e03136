<#macro emailLayout>
<!DOCTYPE html>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${realmName!""}</title>
</head>
<body style="margin:0;padding:0;background:#f2f4f8;font-family:'Apple SD Gothic Neo','Malgun Gothic','Noto Sans KR','Hiragino Sans','Yu Gothic','Noto Sans JP',Arial,sans-serif;color:#1b1d21;overflow-wrap:anywhere;<#if locale.language == "ko">word-break:keep-all;overflow-wrap:break-word;</#if>">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f2f4f8;padding:24px 0;">
    <tr>
        <td align="center">
            <table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;width:100%;background:#ffffff;border-radius:8px;overflow:hidden;">
                <tr>
                    <td id="ciamkit-email-header" style="background:#0b1f4d;padding:20px 28px;color:#ffffff;font-size:20px;font-weight:700;border-bottom:4px solid #0f8f80;">
                        ${realmName!"CIAM Kit"}
                    </td>
                </tr>
                <tr>
                    <td id="ciamkit-email-body" style="padding:28px;font-size:15px;line-height:1.7;">
                        <#nested>
                    </td>
                </tr>
                <tr>
                    <td id="ciamkit-email-footer" style="padding:16px 28px;background:#f7f8fa;color:#5a6270;font-size:12px;line-height:1.6;">
                        ${msg("ciamkitEmailFooter")}
                    </td>
                </tr>
            </table>
        </td>
    </tr>
</table>
</body>
</html>
</#macro>
