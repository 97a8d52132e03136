package dev.ciamkit.risk.report;

import dev.ciamkit.common.report.Csv;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The assessments as CSV, written while read: keyset pages of {@value #PAGE} rows newest first, each read in a short
 * transaction of its own, so memory stays flat however long the period. The permission is checked before this exists.
 */
final class AssessmentCsv implements StreamingOutput {

    static final int PAGE = 1000;

    private final KeycloakSessionFactory factory;
    private final AssessmentQuery query;

    AssessmentCsv(KeycloakSessionFactory factory, AssessmentQuery query) {
        this.factory = factory;
        this.query = query;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        out.write(Csv.line(RiskAdminResource.CSV_HEADER));
        long at = Long.MAX_VALUE;
        String id = "~";
        List<AssessmentQuery.Row> page;
        do {
            long fromAt = at;
            String fromId = id;
            page = KeycloakModelUtils.runJobInTransactionWithResult(
                    factory, s -> query.after(RiskAssessmentLog.em(s), fromAt, fromId, PAGE));
            for (AssessmentQuery.Row r : page) {
                out.write(Csv.line(List.of(
                        r.at(),
                        r.username(),
                        r.userId(),
                        r.phase(),
                        r.level(),
                        r.score(),
                        String.join(" ", r.reasons()),
                        r.client() == null ? "" : r.client(),
                        r.id())));
            }
            if (!page.isEmpty()) {
                AssessmentQuery.Row last = page.get(page.size() - 1);
                at = Instant.parse(last.at()).toEpochMilli();
                id = last.id();
            }
        } while (page.size() == PAGE);
        out.flush();
    }
}
