package dev.ciamkit.sms.code;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.sms.spi.SmsSenders;
import java.util.Map;

/**
 * Typed view of the SMS code settings shared by the SMS OTP authenticator and the phone registration action: code
 * length, time to live, tries per code, resend cooldown, the hourly caps and the sender. Every window is in seconds so
 * tests need not wait minutes.
 */
public final class SmsCodeConfig {

    public static final String DIGITS = "sms-code-digits";
    public static final String TTL_SECONDS = "sms-code-ttl-seconds";
    public static final String MAX_TRIES = "sms-code-max-tries";
    public static final String COOLDOWN_SECONDS = "sms-resend-cooldown-seconds";
    public static final String MAX_PER_PHONE = "sms-max-per-phone";
    public static final String MAX_PER_USER = "sms-max-per-user";
    public static final String MAX_PER_ADDRESS = "sms-max-per-address";
    public static final String CAP_WINDOW_SECONDS = "sms-cap-window-seconds";

    static final int DEFAULT_DIGITS = 6;
    static final int DEFAULT_TTL_SECONDS = 300;
    static final int MAX_TTL_SECONDS = 600;
    static final int DEFAULT_MAX_TRIES = 3;
    static final int DEFAULT_COOLDOWN_SECONDS = 30;
    static final int DEFAULT_MAX_PER_PHONE = 5;
    static final int DEFAULT_MAX_PER_USER = 10;
    static final int DEFAULT_MAX_PER_ADDRESS = 20;
    static final int DEFAULT_CAP_WINDOW_SECONDS = 3600;

    private final Map<String, String> values;

    public SmsCodeConfig(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    public int digits() {
        return BoundedInt.read(values, DIGITS, DEFAULT_DIGITS, SmsCodes.MIN_DIGITS, SmsCodes.MAX_DIGITS);
    }

    /** How long a code is accepted: at most 10 minutes, since a code is only worth anything while the user waits. */
    public int ttlSeconds() {
        return BoundedInt.read(values, TTL_SECONDS, DEFAULT_TTL_SECONDS, 1, MAX_TTL_SECONDS);
    }

    /** Submissions one code takes (right or wrong) before it is dead and a new one must be sent. */
    public int maxTries() {
        return BoundedInt.read(values, MAX_TRIES, DEFAULT_MAX_TRIES, 1, 10);
    }

    /** Seconds before the same user may be sent another code; 0 turns the cooldown off (the caps still hold). */
    public int cooldownSeconds() {
        return BoundedInt.read(values, COOLDOWN_SECONDS, DEFAULT_COOLDOWN_SECONDS, 0, 3600);
    }

    /** Codes one phone number may be sent per {@link #capWindowSeconds()}, over all users and purposes. */
    public int maxPerPhone() {
        return BoundedInt.read(values, MAX_PER_PHONE, DEFAULT_MAX_PER_PHONE, 1, 100);
    }

    /** Codes one user may be sent per {@link #capWindowSeconds()}, over all numbers and purposes. */
    public int maxPerUser() {
        return BoundedInt.read(values, MAX_PER_USER, DEFAULT_MAX_PER_USER, 1, 100);
    }

    /** Codes requests from one client address may cause per {@link #capWindowSeconds()}, over all users. */
    public int maxPerAddress() {
        return BoundedInt.read(values, MAX_PER_ADDRESS, DEFAULT_MAX_PER_ADDRESS, 1, 10000);
    }

    public int capWindowSeconds() {
        return BoundedInt.read(values, CAP_WINDOW_SECONDS, DEFAULT_CAP_WINDOW_SECONDS, 1, 86400);
    }

    /** The chosen sender's id, or null when none is chosen (nothing can be sent). */
    public String sender() {
        String sender = values.get(SmsSenders.SENDER);
        return sender == null || sender.isBlank() || SmsSenders.NONE.equals(sender) ? null : sender.trim();
    }

    public Map<String, String> senderConfig() {
        String sender = sender();
        return sender == null ? Map.of() : SmsSenders.senderConfig(sender, values);
    }

    /** A raw value, for settings of the action or authenticator that reads this config. */
    public String get(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public Map<String, String> values() {
        return values;
    }
}
