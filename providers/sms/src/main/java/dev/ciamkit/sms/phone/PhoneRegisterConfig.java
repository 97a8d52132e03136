package dev.ciamkit.sms.phone;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.sms.code.SmsCodeConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.RequiredActionConfigModel;

/** Typed view of the phone registration action's config: the default region plus the SMS code settings. */
final class PhoneRegisterConfig {

    static final String DEFAULT_REGION = "phone-default-region";
    static final String DEFAULT_REGION_VALUE = "KR";
    /** Regions whose numbers may be bound; empty means the default region only (no texts abroad: toll fraud). */
    static final String ALLOWED_REGIONS = "phone-allowed-regions";

    static final String MAX_AUTH_AGE = "max_auth_age";
    static final int DEFAULT_MAX_AUTH_AGE_SECONDS = 300;

    private final SmsCodeConfig codes;

    PhoneRegisterConfig(Map<String, String> values) {
        this.codes = new SmsCodeConfig(values);
    }

    static PhoneRegisterConfig of(RequiredActionContext context) {
        return new PhoneRegisterConfig(Optional.ofNullable(context.getConfig())
                .map(RequiredActionConfigModel::getConfig)
                .orElse(Map.of()));
    }

    /** ISO 3166 region for numbers typed without {@code +country}; KR unless configured. */
    String defaultRegion() {
        return PhoneNumbers.region(codes.get(DEFAULT_REGION, DEFAULT_REGION_VALUE));
    }

    /** Whether a number from {@link PhoneNumbers#toE164} is in one of the allowed regions. */
    boolean allows(String e164) {
        String region = PhoneNumbers.regionOf(e164);
        return allowedRegions().contains(region);
    }

    Set<String> allowedRegions() {
        Set<String> regions = new TreeSet<>();
        for (String region : codes.get(ALLOWED_REGIONS, "").split("[,\\s#]+")) {
            if (!region.isBlank()) {
                regions.add(PhoneNumbers.region(region));
            }
        }
        if (regions.isEmpty()) {
            regions.add(defaultRegion());
        }
        return regions;
    }

    /** How old a login may be to change a bound number (seconds; Keycloak's own default 300). */
    int maxAuthAgeSeconds() {
        return BoundedInt.read(codes.values(), MAX_AUTH_AGE, DEFAULT_MAX_AUTH_AGE_SECONDS, 0, Integer.MAX_VALUE);
    }

    SmsCodeConfig codes() {
        return codes;
    }
}
