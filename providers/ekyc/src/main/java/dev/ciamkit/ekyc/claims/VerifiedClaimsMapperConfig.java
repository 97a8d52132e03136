package dev.ciamkit.ekyc.claims;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.models.ProtocolMapperModel;

/** A null-safe reader of the {@code ciamkit-verified-claims} mapper's config. */
final class VerifiedClaimsMapperConfig {

    static final String TRUST_FRAMEWORK = "ciamkit.trust.framework";

    /**
     * Not in the eKYC-IDA working group's list of predefined values (which has no Korean framework yet): named as
     * that list names national frameworks ({@code jp_aml}, {@code de_aml}). The specification asks a party that
     * defines an identifier to make it collision-resistant, e.g. a URI under its own domain; set one in the mapper.
     */
    static final String DEFAULT_TRUST_FRAMEWORK = "kr_remote_id";

    /** Printable ASCII without spaces, so the value is one token an RP can compare and a URI fits. */
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private VerifiedClaimsMapperConfig() {}

    static String trustFramework(ProtocolMapperModel model) {
        Map<String, String> config = model == null ? null : model.getConfig();
        return validTrustFramework(config == null ? null : config.get(TRUST_FRAMEWORK))
                .orElse(DEFAULT_TRUST_FRAMEWORK);
    }

    /** The trimmed value when it is a valid identifier; empty for a missing, blank or invalid one. */
    static Optional<String> validTrustFramework(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        return VALID.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
    }
}
