package dev.ciamkit.audit.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.audit.trail.AuditEntries;
import dev.ciamkit.common.blocklist.AddressBlocklist;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates a realm's rules over its newly linked records: each record a rule looks at names a subject (a user, an
 * admin, an address), and the rule counts that subject's records in the window that ends at the subject's newest new
 * record. A record seen late (the detector was behind, or down) is still evaluated: its window ends at its own time,
 * and its finding is reported without a lock or block (see AnomalyActions). One finding per rule and subject per call; the detector drops those already
 * reported within their window.
 */
public final class AnomalyRules {

    static final String LOGIN = "LOGIN";
    static final String LOGIN_ERROR = "LOGIN_ERROR";
    static final String ROWS_DETAIL = "ciamkit_rows";

    /**
     * Login errors that are refusals, not guesses: a locked, disabled or rate-limited user, a factor not set up, a
     * text not sent. Counting them would let the victim's own retries (or anyone's, with the victim's name) renew a
     * lock; Keycloak's and our factors' codes.
     */
    static final List<String> REFUSALS = List.of(
            "user_temporarily_disabled",
            "user_disabled",
            "ciamkit_otp_device_locked",
            "ciamkit_pin_locked",
            "ciamkit_sms_user_locked",
            "ciamkit_sms_rate_limited",
            "ciamkit_otp_sms_rate_limited",
            "ciamkit_limit",
            "ciamkit_otp_sms_not_sent",
            "ciamkit_pin_unreadable",
            "ciamkit_otp_device_unreadable",
            "ciamkit_pin_not_set",
            "ciamkit_otp_no_device",
            "ciamkit_sms_status",
            "ciamkit_pin_needs_sign_in",
            "ciamkit_phone_needs_sign_in",
            "ciamkit_otp_missing",
            "ciamkit_phone_invalid");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnomalyRules() {}

    public static List<Finding> evaluate(AnomalyConfig config, List<TrailRecord> records, Windows windows, long now) {
        List<Finding> findings = new ArrayList<>();
        for (AnomalyRule rule : AnomalyRule.values()) {
            if (config.enabled(rule)) {
                findings.addAll(evaluate(rule, config, records, windows, now));
            }
        }
        return findings;
    }

    private static List<Finding> evaluate(
            AnomalyRule rule, AnomalyConfig config, List<TrailRecord> records, Windows windows, long now) {
        int threshold = config.threshold(rule);
        int window = config.windowSeconds(rule);
        Map<String, TrailRecord> newest = new LinkedHashMap<>();
        Function<TrailRecord, String> subject =
                rule.subject() == AnomalyRule.Subject.USER ? TrailRecord::userId : r -> addressSubject(r.ipAddress());
        for (TrailRecord record : records) {
            if (looksAt(rule, record, config) && subject.apply(record) != null) {
                newest.merge(subject.apply(record), record, (a, b) -> b.time() >= a.time() ? b : a);
            }
        }
        List<Finding> findings = new ArrayList<>();
        newest.forEach((id, last) -> {
            long to = last.time();
            long from = to - window * 1000L;
            long count = switch (rule) {
                case USER_FAILURES -> windows.userFailures(id, from, to);
                case ADDRESS_FAILURES -> windows.addressFailures(id, from, to);
                case ADDRESS_USERS -> windows.addressUsers(id, from, to);
                case QUIET_HOURS -> 1;
                case BULK_READS -> windows.rowsRead(id, from, to);
            };
            boolean fires = rule == AnomalyRule.BULK_READS ? count > threshold : count >= threshold;
            if (fires) {
                findings.add(new Finding(rule, last.userId(), last.ipAddress(), count, threshold, window, to));
            }
        });
        return findings;
    }

    /**
     * What an address rule counts by: a global unicast IPv6 address's /64 (a subscriber rotates through its 2^64
     * addresses at will; {@link AddressBlocklist#network}), anything else as the record wrote it.
     */
    static String addressSubject(String address) {
        String network = AddressBlocklist.network(address);
        // anything but a /64 stays as the record wrote it, which is what the window's queries match
        return AddressBlocklist.isNetwork(network) ? network : address;
    }

    /** Whether the rule counts this record at all. */
    static boolean looksAt(AnomalyRule rule, TrailRecord record, AnomalyConfig config) {
        return switch (rule) {
            case USER_FAILURES, ADDRESS_FAILURES -> isLoginFailure(record);
            case ADDRESS_USERS -> isLoginFailure(record);
            case QUIET_HOURS ->
                isLoginSuccess(record)
                        && config.quietHours()
                                .map(h -> h.contains(record.time(), config.zone()))
                                .orElse(false);
            case BULK_READS -> rowsRead(record) > 0;
        };
    }

    static boolean isLoginFailure(TrailRecord r) {
        return AuditEntries.USER.equals(r.kind()) && LOGIN_ERROR.equals(r.type());
    }

    static boolean isLoginAttempt(TrailRecord r) {
        return AuditEntries.USER.equals(r.kind()) && (LOGIN.equals(r.type()) || LOGIN_ERROR.equals(r.type()));
    }

    static boolean isLoginSuccess(TrailRecord r) {
        return AuditEntries.USER.equals(r.kind()) && LOGIN.equals(r.type()) && "success".equals(r.outcome());
    }

    /** The rows an admin event of our read endpoints reports ({@code details.ciamkit_rows}); 0 for anything else. */
    public static long rowsRead(TrailRecord r) {
        if (!AuditEntries.ADMIN.equals(r.kind())
                || r.body() == null
                || !r.body().contains(ROWS_DETAIL)) {
            return 0;
        }
        try {
            JsonNode rows = JSON.readTree(r.body()).path("details").path(ROWS_DETAIL);
            return Math.max(0, Long.parseLong(rows.asText("0")));
        } catch (Exception e) {
            return 0;
        }
    }

    /** What the record keeps of the name typed for an unknown user ({@code k***}), or null. */
    public static String typedName(String body) {
        try {
            JsonNode name = JSON.readTree(body).path("details").path("username");
            return name.isTextual() ? name.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
