package dev.ciamkit.audit.sink.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ciamkit.audit.sink.spi.ExportRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A batch as JSON lines ({@code application/x-ndjson}): one object per record, each followed by {@code \n}, with
 * {@code seq, realm, realmName, time, kind, type, outcome, user, client, ip, error, hash, mac} and {@code record}, the
 * canonical body as a JSON string (parse it again to read it; its exact text is what the chain hashes). Written by
 * Jackson with every non-ASCII character escaped, so no byte of a value can end a line for any reader.
 */
final class NdjsonBatch {

    static final String MEDIA_TYPE = "application/x-ndjson";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private NdjsonBatch() {}

    static byte[] write(List<ExportRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(records.size() * 1024);
        try {
            for (ExportRecord record : records) {
                try (JsonGenerator json = JSON.createGenerator(out)) {
                    json.writeStartObject();
                    json.writeNumberField("seq", record.sequence());
                    json.writeStringField("realm", record.realmId());
                    json.writeStringField("realmName", record.realmName());
                    json.writeNumberField("time", record.time());
                    json.writeStringField("kind", record.kind());
                    json.writeStringField("type", record.type());
                    json.writeStringField("outcome", record.outcome());
                    json.writeStringField("user", record.userId());
                    json.writeStringField("client", record.clientId());
                    json.writeStringField("ip", record.ipAddress());
                    json.writeStringField("error", record.error());
                    json.writeStringField("hash", record.hash());
                    json.writeStringField("mac", record.mac());
                    json.writeStringField("record", record.body());
                    json.writeEndObject();
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
