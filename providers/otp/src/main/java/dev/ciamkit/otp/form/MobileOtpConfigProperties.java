package dev.ciamkit.otp.form;

import dev.ciamkit.otp.credential.LockPolicy;
import dev.ciamkit.otp.engine.VerifierSettings;
import dev.ciamkit.sms.code.SmsCodeConfigProperties;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * What the admin console shows for the mobile-OTP steps (form and direct grant); labels and help texts are message
 * keys (en/ko/ja).
 */
public final class MobileOtpConfigProperties {

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(MobileOtpConfig.WINDOW)
            .type(ProviderConfigProperty.STRING_TYPE)
            .label("ciamkitOtpWindow")
            .helpText("ciamkitOtpWindowHelp")
            .defaultValue(String.valueOf(VerifierSettings.DEFAULT.window()))
            .add()
            .property()
            .name(MobileOtpConfig.MAX_DRIFT)
            .type(ProviderConfigProperty.STRING_TYPE)
            .label("ciamkitOtpMaxDrift")
            .helpText("ciamkitOtpMaxDriftHelp")
            .defaultValue(String.valueOf(VerifierSettings.DEFAULT.maxDrift()))
            .add()
            .property()
            .name(MobileOtpConfig.HOTP_LOOK_AHEAD)
            .type(ProviderConfigProperty.STRING_TYPE)
            .label("ciamkitOtpHotpLookAhead")
            .helpText("ciamkitOtpHotpLookAheadHelp")
            .defaultValue(String.valueOf(VerifierSettings.DEFAULT.hotpLookAhead()))
            .add()
            .property()
            .name(MobileOtpConfig.HOTP_RESYNC_WINDOW)
            .type(ProviderConfigProperty.STRING_TYPE)
            .label("ciamkitOtpHotpResyncWindow")
            .helpText("ciamkitOtpHotpResyncWindowHelp")
            .defaultValue(String.valueOf(VerifierSettings.DEFAULT.hotpResyncWindow()))
            .add()
            .property()
            .name(MobileOtpConfig.MAX_FAILURES)
            .type(ProviderConfigProperty.STRING_TYPE)
            .label("ciamkitOtpDeviceMaxFailures")
            .helpText("ciamkitOtpDeviceMaxFailuresHelp")
            .defaultValue(String.valueOf(LockPolicy.DEFAULT.maxFailures()))
            .add()
            .property()
            .name(MobileOtpConfig.LOCK_MINUTES)
            .type(ProviderConfigProperty.STRING_TYPE)
            .label("ciamkitOtpDeviceLockMinutes")
            .helpText("ciamkitOtpDeviceLockMinutesHelp")
            .defaultValue(String.valueOf(MobileOtpConfig.DEFAULT_LOCK_MINUTES))
            .add()
            .build();

    private MobileOtpConfigProperties() {}

    /** The form step's list: the verification settings, the SMS fallback switch, and the fallback's code settings. */
    public static List<ProviderConfigProperty> withSmsFallback(KeycloakSessionFactory factory) {
        List<ProviderConfigProperty> all = new ArrayList<>(PROPERTIES);
        all.addAll(ProviderConfigurationBuilder.create()
                .property()
                .name(MobileOtpConfig.SMS_FALLBACK)
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("ciamkitOtpSmsFallback")
                .helpText("ciamkitOtpSmsFallbackHelp")
                .defaultValue("true")
                .add()
                .build());
        all.addAll(SmsCodeConfigProperties.all(factory));
        return List.copyOf(all);
    }
}
