package dev.ciamkit.otp.pin.register;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.otp.pin.PinPolicy;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.RequiredActionConfigModel;

/** Typed view of the PIN required action's config (Authentication &gt; Required actions &gt; configure). */
public final class PinRegisterConfig {

    public static final String LENGTH = "pin-length";
    public static final String BIRTH_DATE_ATTRIBUTE = "pin-birthdate-attribute";
    /** Keycloak's own key, shared with its re-authentication of application-initiated actions. */
    public static final String MAX_AUTH_AGE = "max_auth_age";

    static final String DEFAULT_BIRTH_DATE_ATTRIBUTE = "birthdate";
    /** Keycloak's default for a required action without max_auth_age. */
    static final int DEFAULT_MAX_AUTH_AGE_SECONDS = 300;

    private final Map<String, String> values;

    PinRegisterConfig(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    static PinRegisterConfig of(RequiredActionConfigModel model) {
        return new PinRegisterConfig(model == null ? null : model.getConfig());
    }

    public int length() {
        return BoundedInt.read(values, LENGTH, PinPolicy.DEFAULT_LENGTH, PinPolicy.MIN_LENGTH, PinPolicy.MAX_LENGTH);
    }

    public String birthDateAttribute() {
        String value = values.get(BIRTH_DATE_ATTRIBUTE);
        return value == null || value.isBlank() ? DEFAULT_BIRTH_DATE_ATTRIBUTE : value.trim();
    }

    /** How old the login may be (seconds) when a PIN is changed; 0 asks for a login right before. */
    public int maxAuthAgeSeconds() {
        return BoundedInt.read(values, MAX_AUTH_AGE, DEFAULT_MAX_AUTH_AGE_SECONDS, 0, Integer.MAX_VALUE);
    }

    public PinPolicy policy(Set<String> blocklist) {
        return new PinPolicy(length(), blocklist);
    }
}
