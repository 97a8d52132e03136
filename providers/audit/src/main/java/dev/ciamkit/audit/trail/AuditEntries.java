package dev.ciamkit.audit.trail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;

/**
 * Builds records from Keycloak's events. The body is canonical JSON: an object of strings and numbers only, keys
 * sorted, no whitespace, UTF-8, Jackson's escaping (the same bytes for the same record on every node and in the
 * command-line verifier). Secrets never enter it, personal identifiers enter it masked ({@link Masking}), every text
 * is cut to {@value #MAX_VALUE} characters and the body to {@value #MAX_BODY} (details dropped first, marked
 * {@code truncated}). Admin events carry the resource path and operation, never the representation (it may hold
 * secrets and personal data).
 */
public final class AuditEntries {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";
    public static final int MAX_VALUE = 256;
    public static final int MAX_BODY = 4000;
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, false);

    private AuditEntries() {}

    public static AuditEntry of(String id, Event event) {
        boolean failed = event.getError() != null;
        String type = event.getType() == null ? "UNKNOWN" : event.getType().name();
        Map<String, Object> body = base(id, event.getRealmId(), event.getTime(), USER, type, failed);
        put(body, "realmName", event.getRealmName());
        put(body, "user", event.getUserId());
        put(body, "session", event.getSessionId());
        put(body, "client", event.getClientId());
        put(body, "ip", event.getIpAddress());
        put(body, "error", event.getError());
        Map<String, Object> details = details(event.getDetails());
        if (event.getUserId() == null && details.get("username") instanceof String typed) {
            // no such user: what was typed may be anything, a password in the wrong field too
            details.put("username", Masking.initial(typed));
        }
        return entry(
                id,
                event.getRealmId(),
                event.getTime(),
                USER,
                type,
                failed,
                event.getUserId(),
                event.getClientId(),
                event.getIpAddress(),
                event.getError(),
                body,
                details);
    }

    public static AuditEntry of(String id, AdminEvent event) {
        boolean failed = event.getError() != null;
        String type = (event.getOperationType() == null
                        ? "UNKNOWN"
                        : event.getOperationType().name())
                + ':'
                + (event.getResourceTypeAsString() == null ? "UNKNOWN" : event.getResourceTypeAsString());
        Map<String, Object> body = base(id, event.getRealmId(), event.getTime(), ADMIN, type, failed);
        put(body, "realmName", event.getRealmName());
        AuthDetails auth = event.getAuthDetails();
        String user = auth == null ? null : auth.getUserId();
        String client = auth == null ? null : auth.getClientId();
        String ip = auth == null ? null : auth.getIpAddress();
        if (auth != null) {
            put(body, "authRealm", auth.getRealmId());
            put(body, "user", user);
            put(body, "client", client);
            put(body, "ip", ip);
        }
        put(body, "resourcePath", event.getResourcePath());
        put(body, "error", event.getError());
        Map<String, Object> details = details(event.getDetails());
        return entry(
                id,
                event.getRealmId(),
                event.getTime(),
                ADMIN,
                type,
                failed,
                user,
                client,
                ip,
                event.getError(),
                body,
                details);
    }

    private static Map<String, Object> base(String id, String realmId, long time, String kind, String type, boolean f) {
        Map<String, Object> body = new TreeMap<>();
        body.put("v", VERSION);
        body.put("id", id);
        put(body, "realm", realmId);
        body.put("time", time);
        body.put("kind", kind);
        body.put("type", cut(type, 64));
        body.put("outcome", f ? "failure" : "success");
        return body;
    }

    private static AuditEntry entry(
            String id,
            String realmId,
            long time,
            String kind,
            String type,
            boolean failed,
            String userId,
            String clientId,
            String ip,
            String error,
            Map<String, Object> body,
            Map<String, Object> details) {
        if (!details.isEmpty()) {
            body.put("details", details);
        }
        String json = write(body);
        if (json.length() > MAX_BODY) {
            body.remove("details");
            body.put("truncated", "details");
            json = write(body);
        }
        if (json.length() > MAX_BODY) {
            // fields full of characters JSON escapes 6-fold: each cut further, so the row always fits its column
            body.replaceAll((k, v) -> v instanceof String text ? cut(text, 64) : v);
            body.put("truncated", "fields");
            json = write(body);
        }
        return new AuditEntry(
                id,
                realmId,
                time,
                kind,
                cut(type, 64),
                failed ? "failure" : "success",
                column(userId, 255),
                column(clientId, 255),
                column(ip, 64),
                column(error, 64),
                json);
    }

    private static Map<String, Object> details(Map<String, String> raw) {
        Map<String, Object> details = new TreeMap<>();
        if (raw == null) {
            return details;
        }
        raw.forEach((key, value) -> {
            if (key == null || details.size() >= 64) {
                return;
            }
            String name = cut(key, 64);
            String personal = value == null ? null : Masking.personal(name, value);
            if (Masking.isSecretName(name)) {
                details.put(name, "[removed]");
            } else if (personal != null) {
                details.put(name, personal);
            } else if (value != null) {
                String v = name.toLowerCase(java.util.Locale.ROOT).endsWith("uri") ? withoutQuery(value) : value;
                details.put(name, cut(Masking.mask(v), MAX_VALUE));
            }
        });
        return details;
    }

    /**
     * A URI's query and fragment may carry codes and tokens, its user info a password: the record keeps scheme, host
     * and path.
     */
    private static String withoutQuery(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme >= 0) {
            int hostEnd = uri.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int i = uri.indexOf(c, scheme + 3);
                if (i >= 0 && i < hostEnd) {
                    hostEnd = i;
                }
            }
            int at = uri.lastIndexOf('@', hostEnd - 1);
            if (at > scheme) {
                uri = uri.substring(0, scheme + 3) + uri.substring(at + 1);
            }
        }
        int cut = uri.length();
        int q = uri.indexOf('?');
        int h = uri.indexOf('#');
        if (q >= 0) {
            cut = q;
        }
        if (h >= 0 && h < cut) {
            cut = h;
        }
        return uri.substring(0, cut);
    }

    /** Ids, addresses and codes Keycloak sets: kept as they are (cut), personal data never comes in them. */
    private static void put(Map<String, Object> body, String key, String value) {
        if (value != null) {
            body.put(key, column(value, MAX_VALUE));
        }
    }

    /**
     * A value as an indexed column (and a top-level field) holds it: cut, control characters as {@code ?} (a client id
     * or address a request sent may hold NUL, which PostgreSQL refuses in text).
     */
    static String column(String value, int max) {
        return value == null ? null : cut(value, max).replaceAll("\\p{Cntrl}", "?");
    }

    static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    private static String write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit body of strings and numbers could not be written", e);
        }
    }
}
