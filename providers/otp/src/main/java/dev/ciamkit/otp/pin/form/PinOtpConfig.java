package dev.ciamkit.otp.pin.form;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.otp.form.MobileOtpConfig;
import dev.ciamkit.otp.pin.PinVerification;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * Null-safe, typed view of the PIN + OTP step's config: the PIN's lock count, and the mobile-OTP settings (window,
 * drift, device lock) read by {@link MobileOtpConfig} from the same config.
 */
public final class PinOtpConfig {

    public static final String PIN_MAX_FAILURES = "pin-max-failures";

    private final Map<String, String> values;
    private final MobileOtpConfig otp;

    private PinOtpConfig(AuthenticatorConfigModel model) {
        this.values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        this.otp = MobileOtpConfig.of(model);
    }

    public static PinOtpConfig of(AuthenticatorConfigModel model) {
        return new PinOtpConfig(model);
    }

    /** Consecutive wrong PINs that lock the PIN: 1 to 10, default 5. */
    public int pinMaxFailures() {
        return BoundedInt.read(
                values, PIN_MAX_FAILURES, PinVerification.DEFAULT_MAX_FAILURES, 1, PinVerification.MAX_MAX_FAILURES);
    }

    public MobileOtpConfig otp() {
        return otp;
    }
}
