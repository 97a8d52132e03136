package dev.ciamkit.audit.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ciamkit.audit.chain.PurgeAnchor;
import dev.ciamkit.audit.trail.AuditEntries;
import dev.ciamkit.audit.trail.AuditEntry;
import java.util.Map;
import java.util.TreeMap;

/** The purge's own record: kind {@value PurgeAnchor#KIND}, canonical JSON like every record, its anchor in the body. */
final class PurgeRecords {

    static final String TYPE = "RETENTION_PURGE";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, false);

    private PurgeRecords() {}

    static AuditEntry entry(
            String id, String realmId, long time, PurgeAnchor anchor, int retentionDays, long dayMillis) {
        Map<String, Object> body = new TreeMap<>();
        body.put("v", AuditEntries.VERSION);
        body.put("id", id);
        body.put("realm", realmId);
        body.put("time", time);
        body.put("kind", PurgeAnchor.KIND);
        body.put("type", TYPE);
        body.put("outcome", "success");
        body.put(PurgeAnchor.THROUGH_SEQ, anchor.throughSeq());
        body.put(PurgeAnchor.THROUGH_HASH, anchor.throughHash());
        body.put(PurgeAnchor.COUNT, anchor.count());
        body.put(PurgeAnchor.CUTOFF, anchor.cutoff());
        body.put("retentionDays", retentionDays);
        // the length of a day the purge counted with: anything but 86400000 says a test-only option was on
        body.put("dayMillis", dayMillis);
        try {
            return new AuditEntry(
                    id,
                    realmId,
                    time,
                    PurgeAnchor.KIND,
                    TYPE,
                    "success",
                    null,
                    null,
                    null,
                    null,
                    JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a purge record could not be written as JSON", e);
        }
    }
}
