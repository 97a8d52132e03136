package dev.ciamkit.audit.review;

import dev.ciamkit.audit.review.ReviewReport.Check;
import dev.ciamkit.audit.review.ReviewReport.Row;
import dev.ciamkit.audit.review.ReviewReport.Section;
import dev.ciamkit.common.report.Csv;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The report as one CSV table for spreadsheets and scripts (common {@link Csv}: RFC 4180, formula cells defused):
 * {@code section,time,user,client,address,type,outcome,error,detail,count}. A {@code REPORT} line names realm, month
 * and zone; each section's lines follow a {@code TOTAL} line (its event count); the {@code CHECK} line holds the chain
 * check of the month. Times are ISO-8601 in the realm's zone; column names stay English, for scripts.
 */
final class ReviewCsv {

    static final List<String> HEADER =
            List.of("section", "time", "user", "client", "address", "type", "outcome", "error", "detail", "count");

    private ReviewCsv() {}

    static String write(ReviewReport report) {
        ZoneId zone = ZoneId.of(report.zone());
        StringBuilder out = new StringBuilder(Csv.line(HEADER));
        out.append(line(
                "REPORT",
                time(report.generatedAt(), zone),
                null,
                null,
                null,
                "MONTH",
                null,
                null,
                "realm=" + report.realm() + "; month=" + report.month() + "; zone=" + report.zone(),
                null));
        for (Section section : report.sections()) {
            out.append(line(section.kind().name(), null, null, null, null, "TOTAL", null, null, null, section.total()));
            for (Row r : section.rows()) {
                out.append(line(
                        section.kind().name(),
                        time(r.time(), zone),
                        r.user(),
                        r.client(),
                        r.address(),
                        r.type(),
                        r.outcome(),
                        r.error(),
                        r.detail(),
                        r.count()));
            }
        }
        Check c = report.check();
        out.append(line(
                "CHECK",
                null,
                null,
                null,
                null,
                c.intact() ? "INTACT" : "BROKEN",
                c.problem(),
                null,
                summary(c),
                c.checked()));
        return out.toString();
    }

    static String summary(Check c) {
        StringBuilder s = new StringBuilder("records ")
                .append(c.firstSeq())
                .append('-')
                .append(c.lastSeq())
                .append(", unlinked ")
                .append(c.unlinked())
                .append(", quarantined ")
                .append(c.quarantined());
        if (c.problem() != null) {
            s.append("; ").append(c.problem()).append(" at record ").append(c.firstBroken());
            if (c.detail() != null) {
                s.append(" (").append(c.detail()).append(')');
            }
        }
        return s.toString();
    }

    static String time(long millis, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                Instant.ofEpochMilli(millis).atZone(zone).withNano(0));
    }

    private static String line(Object... cells) {
        return Csv.line(Arrays.asList(cells));
    }
}
