package dev.ciamkit.sms.otp;

import dev.ciamkit.sms.code.SmsCodeConfigProperties;
import dev.ciamkit.sms.phone.PhoneCredentials;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers the authenticator {@value #ID}: a one-time code by SMS to the user's bound phone. */
public final class SmsOtpAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "ciamkit-sms-otp";

    private final SmsOtpAuthenticator authenticator = new SmsOtpAuthenticator();
    private List<ProviderConfigProperty> properties = List.of();

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        properties = List.copyOf(SmsCodeConfigProperties.all(factory));
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "CIAM Kit SMS OTP";
    }

    @Override
    public String getHelpText() {
        return "One-time code by SMS to the user's bound phone (single use, cooldown, hourly caps per phone and address).";
    }

    @Override
    public String getReferenceCategory() {
        return PhoneCredentials.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return properties;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.ALTERNATIVE,
            AuthenticationExecutionModel.Requirement.DISABLED
        };
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void close() {}
}
