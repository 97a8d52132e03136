package dev.ciamkit.otp.form;

import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public final class MobileOtpFormAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "ciamkit-mobile-otp-form";
    private final MobileOtpFormAuthenticator authenticator = new MobileOtpFormAuthenticator();
    private List<ProviderConfigProperty> properties = MobileOtpConfigProperties.PROPERTIES;

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "CIAM Kit mobile OTP form";
    }

    @Override
    public String getHelpText() {
        return "One-time code from the user's phone (TOTP or HOTP, several devices, replay-safe, per-device lock).";
    }

    @Override
    public String getReferenceCategory() {
        return MobileOtpCredentialModel.TYPE;
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
        return true;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        properties = MobileOtpConfigProperties.withSmsFallback(factory);
    }

    @Override
    public void close() {}
}
