package dev.ciamkit.otp.enrolment;

import dev.ciamkit.otp.credential.MobileOtpCredentialProvider;
import dev.ciamkit.sms.spi.SmsSenders;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public final class MobileOtpEnrolmentActionFactory implements RequiredActionFactory {

    public static final String ID = MobileOtpCredentialProvider.ENROLMENT_ACTION;

    private final MobileOtpEnrolmentAction action = new MobileOtpEnrolmentAction();
    private List<ProviderConfigProperty> properties = List.of();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return action;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        List<ProviderConfigProperty> all = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property()
                .name(EnrolmentConfig.TYPE)
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("TOTP", "HOTP")
                .defaultValue("TOTP")
                .label("ciamkitOtpPolicyType")
                .helpText("ciamkitOtpPolicyTypeHelp")
                .add()
                .property()
                .name(EnrolmentConfig.ALGORITHM)
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("SHA1", "SHA256", "SHA512")
                .defaultValue("SHA1")
                .label("ciamkitOtpPolicyAlgorithm")
                .helpText("ciamkitOtpPolicyAlgorithmHelp")
                .add()
                .property()
                .name(EnrolmentConfig.DIGITS)
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("6", "8")
                .defaultValue("6")
                .label("ciamkitOtpPolicyDigits")
                .helpText("ciamkitOtpPolicyDigitsHelp")
                .add()
                .property()
                .name(EnrolmentConfig.PERIOD)
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("30", "60")
                .defaultValue("30")
                .label("ciamkitOtpPolicyPeriod")
                .helpText("ciamkitOtpPolicyPeriodHelp")
                .add()
                .property()
                .name(EnrolmentConfig.ISSUER)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("ciamkitOtpIssuer")
                .helpText("ciamkitOtpIssuerHelp")
                .add()
                .property()
                .name(EnrolmentConfig.LINK_MINUTES)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(EnrolmentConfig.DEFAULT_LINK_MINUTES))
                .label("ciamkitOtpLinkMinutes")
                .helpText("ciamkitOtpLinkMinutesHelp")
                .add()
                .property()
                .name(EnrolmentConfig.SMS_COOLDOWN_SECONDS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(EnrolmentConfig.DEFAULT_SMS_COOLDOWN_SECONDS))
                .label("ciamkitOtpSmsCooldown")
                .helpText("ciamkitOtpSmsCooldownHelp")
                .add()
                .property()
                .name(EnrolmentConfig.SMS_MAX_PER_USER)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(EnrolmentConfig.DEFAULT_SMS_MAX_PER_USER))
                .label("ciamkitOtpSmsMaxPerUser")
                .helpText("ciamkitOtpSmsMaxPerUserHelp")
                .add()
                .property()
                .name(EnrolmentConfig.SMS_MAX_PER_ADDRESS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(EnrolmentConfig.DEFAULT_SMS_MAX_PER_ADDRESS))
                .label("ciamkitOtpSmsMaxPerAddress")
                .helpText("ciamkitOtpSmsMaxPerAddressHelp")
                .add()
                .property()
                .name(EnrolmentConfig.SMS_CAP_WINDOW_SECONDS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(EnrolmentConfig.DEFAULT_SMS_CAP_WINDOW_SECONDS))
                .label("ciamkitOtpSmsCapWindow")
                .helpText("ciamkitOtpSmsCapWindowHelp")
                .add()
                .build());
        all.addAll(SmsSenders.configProperties(factory));
        all.addAll(MAX_AUTH_AGE_CONFIG_PROPERTIES);
        properties = List.copyOf(all);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return properties;
    }

    @Override
    public String getDisplayText() {
        return "CIAM Kit: register mobile OTP device";
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void close() {}
}
