package dev.ciamkit.otp.pin.form;

import dev.ciamkit.otp.form.MobileOtpConfigProperties;
import dev.ciamkit.otp.pin.PinVerification;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** What the admin console shows for the PIN + OTP step: the PIN's lock count, then the mobile-OTP settings. */
public final class PinOtpConfigProperties {

    public static final List<ProviderConfigProperty> PROPERTIES;

    static {
        List<ProviderConfigProperty> all = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property()
                .name(PinOtpConfig.PIN_MAX_FAILURES)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitPinMaxFailures")
                .helpText("ciamkitPinMaxFailuresHelp")
                .defaultValue(String.valueOf(PinVerification.DEFAULT_MAX_FAILURES))
                .add()
                .build());
        all.addAll(MobileOtpConfigProperties.PROPERTIES);
        PROPERTIES = List.copyOf(all);
    }

    private PinOtpConfigProperties() {}
}
