package dev.ciamkit.otp.admin;

import dev.ciamkit.common.report.Csv;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The registration CSV, written while it is read: keyset pages of {@value #PAGE} devices in credential-id order (our
 * table's primary key, so every page is an index range however deep; the list, not the export, is in username order),
 * each read in a short
 * transaction of its own (the response is written after the request's own transaction), so memory stays flat however
 * many devices the realm has. The caller's permission is checked before this is created.
 */
final class CsvExport implements StreamingOutput {

    static final int PAGE = 1000;

    private final KeycloakSessionFactory factory;
    private final RegistrationQuery query;
    private final List<String> header;

    CsvExport(KeycloakSessionFactory factory, RegistrationQuery query, List<String> header) {
        this.factory = factory;
        this.query = query;
        this.header = header;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        out.write(Csv.line(header));
        String after = "";
        List<DeviceRow> page;
        do {
            String from = after;
            page = KeycloakModelUtils.runJobInTransactionWithResult(
                    factory, tx -> query.exportPage(RegistrationQuery.em(tx), from, PAGE));
            for (DeviceRow r : page) {
                out.write(Csv.line(List.of(
                        r.username(),
                        r.userId(),
                        r.credentialId(),
                        nullToEmpty(r.label()),
                        r.type(),
                        r.algorithm(),
                        r.digits(),
                        r.period(),
                        nullToEmpty(r.created()),
                        nullToEmpty(r.lastUsed()),
                        r.state(),
                        nullToEmpty(r.lockedUntil()),
                        r.failures())));
            }
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).credentialId();
            }
        } while (page.size() == PAGE);
        out.flush();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
