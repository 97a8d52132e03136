package dev.ciamkit.otp.form;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.otp.credential.LockPolicy;
import dev.ciamkit.otp.engine.VerifierSettings;
import dev.ciamkit.sms.code.SmsCodeConfig;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;

/** Null-safe, typed view of the mobile-OTP form's config; bad values fall back to defaults. */
public final class MobileOtpConfig {

    public static final String WINDOW = "otp-window";
    public static final String MAX_DRIFT = "otp-max-drift";
    public static final String HOTP_LOOK_AHEAD = "otp-hotp-look-ahead";
    public static final String HOTP_RESYNC_WINDOW = "otp-hotp-resync-window";
    public static final String MAX_FAILURES = "otp-device-max-failures";
    public static final String LOCK_MINUTES = "otp-device-lock-minutes";

    /** Whether the step offers a code by SMS to the bound phone when no device can be used (default on). */
    public static final String SMS_FALLBACK = "otp-sms-fallback";

    static final int DEFAULT_LOCK_MINUTES = 15;

    private final Map<String, String> values;

    MobileOtpConfig(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    public static MobileOtpConfig of(AuthenticatorConfigModel model) {
        return new MobileOtpConfig(model == null ? null : model.getConfig());
    }

    public VerifierSettings verifierSettings() {
        VerifierSettings d = VerifierSettings.DEFAULT;
        return new VerifierSettings(
                BoundedInt.read(values, WINDOW, d.window(), 0, 10),
                BoundedInt.read(values, MAX_DRIFT, d.maxDrift(), 0, 60),
                BoundedInt.read(values, HOTP_LOOK_AHEAD, d.hotpLookAhead(), 0, 100),
                BoundedInt.read(values, HOTP_RESYNC_WINDOW, d.hotpResyncWindow(), 1, 1000));
    }

    public LockPolicy lockPolicy() {
        return new LockPolicy(
                BoundedInt.read(values, MAX_FAILURES, LockPolicy.DEFAULT.maxFailures(), 1, 100),
                60L * BoundedInt.read(values, LOCK_MINUTES, DEFAULT_LOCK_MINUTES, 1, 1440));
    }

    public boolean smsFallback() {
        return !"false"
                .equalsIgnoreCase(values.getOrDefault(SMS_FALLBACK, "true").trim());
    }

    /** The fallback's code settings and sender, read from the same config (the keys of {@link SmsCodeConfig}). */
    public SmsCodeConfig smsCodes() {
        return new SmsCodeConfig(values);
    }
}
