package dev.ciamkit.audit.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.audit.review.ReviewReport.Check;
import dev.ciamkit.audit.review.ReviewReport.Kind;
import dev.ciamkit.audit.review.ReviewReport.Row;
import dev.ciamkit.audit.review.ReviewReport.Section;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReviewDownloadTest {

    private static final String HOSTILE = "<script>alert(1)</script>\"'&";

    private static ReviewReport report(String realm) {
        Row failure = new Row(
                1_764_000_000_000L,
                "=HYPERLINK(\"x\")",
                "app",
                "203.0.113.9",
                "LOGIN_ERROR",
                null,
                "invalid_user_credentials",
                null,
                3);
        Row action = new Row(
                1_764_000_000_000L,
                "admin-1",
                "admin-cli",
                "127.0.0.1",
                "CREATE:USER",
                "success",
                null,
                "users/" + HOSTILE,
                1);
        return new ReviewReport(
                realm,
                "2025-11",
                "Asia/Seoul",
                1_764_000_000_000L,
                List.of(
                        new Section(Kind.AUTH_FAILURES, 3, List.of(failure)),
                        new Section(Kind.ADMIN_ACTIONS, 1, List.of(action)),
                        new Section(Kind.ANOMALIES, 0, List.of())),
                new Check(true, 12, 5, 16, null, 0, null, 0, 0));
    }

    private static ReviewMessages english() {
        Properties p = new Properties();
        p.setProperty("ciamkitAuditReviewTitle", "Access record review");
        return new ReviewMessages(Locale.ENGLISH, p, p);
    }

    @Test
    void csv_is_one_table_with_formulas_defused() {
        String csv = ReviewCsv.write(report("bank"));
        assertThat(csv).startsWith("section,time,user,client,address,type,outcome,error,detail,count\r\n");
        assertThat(csv)
                .contains("AUTH_FAILURES,2025-11-25T01:00:00+09:00,\"'=HYPERLINK(\"\"x\"\")\",app,203.0.113.9,"
                        + "LOGIN_ERROR,,invalid_user_credentials,,3\r\n");
        assertThat(csv).contains("CHECK,,,,,INTACT,,,\"records 5-16, unlinked 0, quarantined 0\",12");
    }

    @Test
    void html_escapes_every_value_and_loads_nothing() {
        String html = ReviewHtml.write(report("<b>bank</b>"), english());
        assertThat(html).doesNotContain("<script", "<b>bank", "src=", "href=", "@import", "url(");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&apos;&amp;");
        assertThat(html).contains("<h1>Access record review</h1>").contains("@media print");
    }

    @Test
    void the_file_name_keeps_safe_characters_and_the_policy_allows_only_the_page_style() {
        assertThat(ReviewDownload.HTML.fileName(report("my realm/../x")))
                .isEqualTo("ciamkit-audit-review-my_realm_.._x-2025-11.html");
        assertThat(ReviewHtml.CONTENT_SECURITY_POLICY)
                .startsWith("default-src 'none'; style-src 'sha256-")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
    }

    @Test
    void a_month_is_read_in_the_realm_zone_and_nothing_else_is_one() {
        ReviewMonth month =
                ReviewMonth.parse("2025-11", ZoneId.of("Asia/Seoul")).orElseThrow();
        assertThat(month.fromMillis()).isEqualTo(1_761_922_800_000L); // 2025-10-31T15:00Z
        for (String bad : new String[] {null, "", "2025-13", "2025-1", "25-11", "2025-11-01", "1999-12", "２０２５-11"}) {
            assertThat(ReviewMonth.parse(bad, ZoneId.of("UTC"))).as(bad).isEmpty();
        }
        assertThat(ReviewDownload.of("pdf")).isEmpty();
        assertThat(ReviewDownload.of("HTML")).contains(ReviewDownload.HTML);
    }
}
