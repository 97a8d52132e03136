package dev.ciamkit.audit.review;

import dev.ciamkit.audit.review.ReviewReport.Check;
import dev.ciamkit.audit.review.ReviewReport.Row;
import dev.ciamkit.audit.review.ReviewReport.Section;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.keycloak.common.util.HtmlUtils;

/**
 * The report as one printable HTML page: headings in the admin's language, every value escaped, no script, no link,
 * no external resource; its only style is inline, allowed by hash in the {@link #CONTENT_SECURITY_POLICY}.
 */
final class ReviewHtml {

    static final String STYLE = "body{font:10pt/1.35 sans-serif;margin:1.5em;color:#000}"
            + "h1{font-size:15pt;margin:0 0 .3em}h2{font-size:12pt;margin:1.4em 0 .3em}"
            + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:2px 4px;"
            + "text-align:left;vertical-align:top;word-break:break-all}th{background:#eee}"
            + ".meta td{border:none;padding:0 1em 0 0}.broken{color:#b00;font-weight:bold}"
            + ".intact{color:#060;font-weight:bold}"
            + "@page{size:A4 landscape;margin:12mm}"
            + "@media print{body{margin:0}thead{display:table-header-group}tr{break-inside:avoid}"
            + "h2{break-after:avoid}}";

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + styleHash()
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final List<String> COLUMNS =
            List.of("Time", "User", "Client", "Address", "Type", "Outcome", "Error", "Detail", "Count");

    private ReviewHtml() {}

    static String write(ReviewReport report, ReviewMessages m) {
        ZoneId zone = ZoneId.of(report.zone());
        StringBuilder out = new StringBuilder(16_384)
                .append("<!DOCTYPE html><html lang=\"")
                .append(esc(m.locale().getLanguage()))
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(m.get("Title") + " " + report.realm() + " " + report.month()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body><h1>")
                .append(esc(m.get("Title")))
                .append("</h1><table class=\"meta\"><tbody>");
        meta(out, m.get("Realm"), report.realm());
        meta(out, m.get("Month"), report.month());
        meta(out, m.get("Zone"), report.zone());
        meta(out, m.get("Generated"), ReviewCsv.time(report.generatedAt(), zone));
        out.append("</tbody></table>");
        check(out, report.check(), m);
        for (Section section : report.sections()) {
            section(out, section, zone, m);
        }
        return out.append("</body></html>").toString();
    }

    private static void meta(StringBuilder out, String label, String value) {
        out.append("<tr><td>")
                .append(esc(label))
                .append("</td><td>")
                .append(esc(value))
                .append("</td></tr>");
    }

    private static void check(StringBuilder out, Check c, ReviewMessages m) {
        out.append("<h2>")
                .append(esc(m.get("CHECK")))
                .append("</h2><p class=\"")
                .append(c.intact() ? "intact" : "broken")
                .append("\">")
                .append(esc(m.get(c.intact() ? "Intact" : "Broken")))
                .append("</p><p>")
                .append(esc(ReviewCsv.summary(c)))
                .append("</p>");
    }

    private static void section(StringBuilder out, Section s, ZoneId zone, ReviewMessages m) {
        out.append("<h2 id=\"")
                .append(esc(s.kind().name()))
                .append("\">")
                .append(esc(m.get(s.kind().name())))
                .append("</h2><p>")
                .append(esc(m.get("Total")))
                .append(": ")
                .append(s.total());
        if (s.rows().size() >= ReviewReport.MAX_ROWS) {
            out.append(" — ").append(esc(m.get("Cut"))).append(' ').append(ReviewReport.MAX_ROWS);
        }
        out.append("</p>");
        if (s.rows().isEmpty()) {
            out.append("<p>").append(esc(m.get("None"))).append("</p>");
            return;
        }
        out.append("<table><thead><tr>");
        for (String column : COLUMNS) {
            out.append("<th>").append(esc(m.get("Col" + column))).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (Row r : s.rows()) {
            out.append("<tr>");
            for (Object cell : new Object[] {
                ReviewCsv.time(r.time(), zone),
                r.user(),
                r.client(),
                r.address(),
                r.type(),
                r.outcome(),
                r.error(),
                r.detail(),
                r.count()
            }) {
                out.append("<td>")
                        .append(esc(cell == null ? "" : cell.toString()))
                        .append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.escapeAttribute(text);
    }

    private static String styleHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
