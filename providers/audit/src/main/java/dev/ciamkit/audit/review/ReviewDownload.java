package dev.ciamkit.audit.review;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The report as a download: a CSV file or a printable HTML page, never cached, never rendered as anything else. */
public enum ReviewDownload {
    CSV("text/csv; charset=utf-8", "csv"),
    HTML("text/html; charset=utf-8", "html");

    private final String mediaType;
    private final String extension;

    ReviewDownload(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public static Optional<ReviewDownload> of(String format) {
        for (ReviewDownload d : values()) {
            if (d.extension.equals(format == null ? "csv" : format.toLowerCase(Locale.ROOT))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public Response response(ReviewReport report, ReviewMessages messages) {
        String body = this == CSV ? ReviewCsv.write(report) : ReviewHtml.write(report, messages);
        Response.ResponseBuilder answer = Response.ok(body.getBytes(StandardCharsets.UTF_8))
                .type(mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(report) + "\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        if (this == HTML) {
            // the complete set: the resource asks Keycloak to skip its own (its CSP would replace this one)
            answer.header("Content-Security-Policy", ReviewHtml.CONTENT_SECURITY_POLICY)
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Robots-Tag", "none")
                    // Keycloak's default, which the skipped filter would have sent
                    .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return answer.build();
    }

    /** {@code ciamkit-audit-review-<realm>-<YYYY-MM>.<ext>}, the realm name reduced to safe characters. */
    String fileName(ReviewReport report) {
        return "ciamkit-audit-review-" + report.realm().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + report.month() + "."
                + extension;
    }
}
