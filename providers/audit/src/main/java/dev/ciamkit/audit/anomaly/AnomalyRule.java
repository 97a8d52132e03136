package dev.ciamkit.audit.anomaly;

import java.util.Locale;

/**
 * The anomaly rules. Each reads three realm settings named after its {@link #key}: the threshold ({@code <key>}), the
 * window ({@code <key>WindowSeconds}) and the actions ({@code <key>Actions}). A threshold of 0 turns the rule off.
 */
public enum AnomalyRule {
    /** Failed logins of one user within the window, from any address. */
    USER_FAILURES("anomalyUserFailures", 10, 300, Subject.USER),
    /** Failed logins from one client address within the window, whoever they named. */
    ADDRESS_FAILURES("anomalyAddressFailures", 30, 300, Subject.ADDRESS),
    /** Different users tried from one client address within the window (credential stuffing). */
    ADDRESS_USERS("anomalyAddressUsers", 20, 300, Subject.ADDRESS),
    /** A successful login within the realm's quiet hours; the window is how long one user stays alerted. */
    QUIET_HOURS("anomalyQuietHours", 0, 3600, Subject.USER),
    /** Records one admin read through our reports and record views within the window (a bulk lookup). */
    BULK_READS("anomalyBulkReads", 1000, 60, Subject.USER);

    /** Whom a finding is about: the user (or admin) id, or the client address. */
    public enum Subject {
        USER,
        ADDRESS
    }

    private final String key;
    private final int defaultThreshold;
    private final int defaultWindowSeconds;
    private final Subject subject;

    AnomalyRule(String key, int defaultThreshold, int defaultWindowSeconds, Subject subject) {
        this.key = key;
        this.defaultThreshold = defaultThreshold;
        this.defaultWindowSeconds = defaultWindowSeconds;
        this.subject = subject;
    }

    public String key() {
        return key;
    }

    public String windowKey() {
        return key + "WindowSeconds";
    }

    public String actionsKey() {
        return key + "Actions";
    }

    public int defaultThreshold() {
        return defaultThreshold;
    }

    public int defaultWindowSeconds() {
        return defaultWindowSeconds;
    }

    public Subject subject() {
        return subject;
    }

    /** The rule's name in records, webhooks, mails and the metric's {@code rule} label: {@code user_failures}... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The event type of the rule's records in the trail. */
    public String eventType() {
        return "ANOMALY_" + name();
    }
}
