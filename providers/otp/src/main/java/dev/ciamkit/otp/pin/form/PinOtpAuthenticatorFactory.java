package dev.ciamkit.otp.pin.form;

import dev.ciamkit.otp.pin.PinCredentialModel;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public final class PinOtpAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "ciamkit-pin-otp";
    private final PinOtpAuthenticator authenticator = new PinOtpAuthenticator();

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
        return "CIAM Kit PIN + mobile OTP form";
    }

    @Override
    public String getHelpText() {
        return "PIN and a mobile one-time code on one page, after a username step; one answer and one failure per try.";
    }

    @Override
    public String getReferenceCategory() {
        return PinCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PinOtpConfigProperties.PROPERTIES;
    }

    /** REQUIRED or off: as an alternative, "try another way" could step around it. */
    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED
        };
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
