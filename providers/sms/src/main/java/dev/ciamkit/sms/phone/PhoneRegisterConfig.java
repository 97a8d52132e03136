package dev.ciamkit.sms.phone;

import dev.ciamkit.sms.code.SmsCodeConfig;
import java.util.Map;
import java.util.Optional;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.RequiredActionConfigModel;

/** Typed view of the phone registration action's config: the default region plus the SMS code settings. */
final class PhoneRegisterConfig {

    static final String DEFAULT_REGION = "phone-default-region";
    static final String DEFAULT_REGION_VALUE = "KR";

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

    SmsCodeConfig codes() {
        return codes;
    }
}
