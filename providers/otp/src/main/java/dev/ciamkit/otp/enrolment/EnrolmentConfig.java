package dev.ciamkit.otp.enrolment;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.otp.engine.OtpAlgorithm;
import dev.ciamkit.otp.engine.OtpPolicy;
import dev.ciamkit.otp.engine.OtpType;
import dev.ciamkit.sms.spi.SmsSenders;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/** Typed view of the enrolment required action's config (Authentication &gt; Required actions &gt; configure). */
public final class EnrolmentConfig {

    public static final String TYPE = "otp-type";
    public static final String ALGORITHM = "otp-algorithm";
    public static final String DIGITS = "otp-digits";
    public static final String PERIOD = "otp-period";
    public static final String ISSUER = "otp-issuer";
    public static final String LINK_MINUTES = "sms-link-minutes";
    public static final String SMS_COOLDOWN_SECONDS = "sms-resend-cooldown-seconds";
    public static final String SMS_MAX_PER_USER = "sms-max-per-user";
    public static final String SMS_MAX_PER_ADDRESS = "sms-max-per-address";
    public static final String SMS_CAP_WINDOW_SECONDS = "sms-cap-window-seconds";

    static final int DEFAULT_LINK_MINUTES = 5;
    static final int DEFAULT_SMS_COOLDOWN_SECONDS = 60;
    static final int DEFAULT_SMS_MAX_PER_USER = 5;
    static final int DEFAULT_SMS_MAX_PER_ADDRESS = 20;
    static final int DEFAULT_SMS_CAP_WINDOW_SECONDS = 3600;

    private static final Logger LOG = Logger.getLogger(EnrolmentConfig.class);

    private final Map<String, String> values;

    public EnrolmentConfig(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** The policy new devices get; an invalid combination falls back to the default that every app supports. */
    public OtpPolicy policy() {
        try {
            OtpType type = OtpType.valueOf(get(TYPE, "TOTP").toUpperCase(Locale.ROOT));
            return new OtpPolicy(
                    type,
                    OtpAlgorithm.parse(get(ALGORITHM, "SHA1")),
                    Integer.parseInt(get(DIGITS, "6")),
                    type == OtpType.TOTP ? Integer.parseInt(get(PERIOD, "30")) : 0);
        } catch (IllegalArgumentException e) {
            LOG.warnf("CIAM Kit OTP enrolment policy is invalid (%s); using TOTP SHA1 6 digits 30 s", e.getMessage());
            return OtpPolicy.DEFAULT;
        }
    }

    public String issuer(String fallback) {
        return get(ISSUER, fallback);
    }

    public int linkMinutes() {
        return BoundedInt.read(values, LINK_MINUTES, DEFAULT_LINK_MINUTES, 1, 30);
    }

    /** Seconds before the same user may be sent another link; 0 turns the cooldown off (the caps still hold). */
    public int smsCooldownSeconds() {
        return BoundedInt.read(values, SMS_COOLDOWN_SECONDS, DEFAULT_SMS_COOLDOWN_SECONDS, 0, 3600);
    }

    /** Links one user may be sent per {@link #smsCapWindowSeconds()}. */
    public int smsMaxPerUser() {
        return BoundedInt.read(values, SMS_MAX_PER_USER, DEFAULT_SMS_MAX_PER_USER, 1, 100);
    }

    /** Links requests from one client address may cause per {@link #smsCapWindowSeconds()}, over all users. */
    public int smsMaxPerAddress() {
        return BoundedInt.read(values, SMS_MAX_PER_ADDRESS, DEFAULT_SMS_MAX_PER_ADDRESS, 1, 10000);
    }

    public int smsCapWindowSeconds() {
        return BoundedInt.read(values, SMS_CAP_WINDOW_SECONDS, DEFAULT_SMS_CAP_WINDOW_SECONDS, 1, 86400);
    }

    /** The chosen SMS sender's id, or null when SMS enrolment is off. */
    public String smsSender() {
        String sender = values.get(SmsSenders.SENDER);
        return sender == null || sender.isBlank() || "none".equals(sender) ? null : sender;
    }

    public Map<String, String> smsSenderConfig() {
        return SmsSenders.senderConfig(smsSender(), values);
    }

    private String get(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
