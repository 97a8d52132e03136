package dev.ciamkit.audit.anomaly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ciamkit.audit.trail.AuditEntries;
import dev.ciamkit.audit.trail.AuditEntry;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a finding leaves: a record of kind {@value #KIND} in the trail (canonical JSON like every record, so it is chained,
 * exported to the SIEM and in the review report) and the alert the webhook and the mail carry. Both hold what a
 * security contact needs and nothing more: rule, counts, times, the user id, the first character of the username, the
 * address.
 */
public final class AnomalyAlert {

    public static final String KIND = "ANOMALY";
    /** The alert's {@code type} in webhook bodies. */
    public static final String TYPE = "ciamkit.anomaly";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, false);

    private AnomalyAlert() {}

    /** The finding's record; its details name the actions taken. */
    static AuditEntry record(
            String id, String realmId, String realmName, long now, Finding f, Set<AnomalyAction> actions) {
        Map<String, Object> body = new TreeMap<>();
        body.put("v", AuditEntries.VERSION);
        body.put("id", id);
        body.put("realm", realmId);
        put(body, "realmName", realmName);
        body.put("time", now);
        body.put("kind", KIND);
        body.put("type", f.rule().eventType());
        body.put("outcome", "failure");
        put(body, "user", f.userId());
        put(body, "ip", f.address());
        Map<String, Object> details = new TreeMap<>();
        details.put("rule", f.rule().id());
        details.put("count", Long.toString(f.count()));
        details.put("threshold", Integer.toString(f.threshold()));
        details.put("windowSeconds", Integer.toString(f.windowSeconds()));
        details.put("lastAt", Long.toString(f.lastAt()));
        details.put("actions", actionIds(actions));
        body.put("details", details);
        return new AuditEntry(
                id,
                realmId,
                now,
                KIND,
                f.rule().eventType(),
                "failure",
                f.userId(),
                null,
                f.address(),
                null,
                write(body));
    }

    /** The alert the webhook POSTs and the mail tells (the outbox payload). */
    static String payload(
            String recordId, String realmId, String realmName, long now, Finding f, String maskedUsername) {
        Map<String, Object> alert = new TreeMap<>();
        alert.put("type", TYPE);
        alert.put("rule", f.rule().id());
        alert.put("realmId", realmId);
        put(alert, "realm", realmName);
        alert.put("recordId", recordId);
        alert.put("time", now);
        put(alert, "user", f.userId());
        put(alert, "username", maskedUsername);
        put(alert, "address", f.address());
        alert.put("count", f.count());
        alert.put("threshold", f.threshold());
        alert.put("windowSeconds", f.windowSeconds());
        alert.put("lastAt", f.lastAt());
        return write(alert);
    }

    static String actionIds(Set<AnomalyAction> actions) {
        return actions.stream().map(AnomalyAction::id).sorted().collect(Collectors.joining(","));
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value.length() > AuditEntries.MAX_VALUE ? value.substring(0, AuditEntries.MAX_VALUE) : value);
        }
    }

    private static String write(Map<String, Object> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An anomaly alert of strings and numbers could not be written", e);
        }
    }
}
