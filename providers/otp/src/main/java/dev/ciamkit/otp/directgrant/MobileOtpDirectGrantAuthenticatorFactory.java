package dev.ciamkit.otp.directgrant;

import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import dev.ciamkit.otp.form.MobileOtpConfigProperties;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The direct-grant (password grant) step that requires a mobile-OTP code; it reads the form step's config keys. */
public final class MobileOtpDirectGrantAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "ciamkit-mobile-otp-direct-grant";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED
    };

    private final MobileOtpDirectGrantAuthenticator authenticator = new MobileOtpDirectGrantAuthenticator();

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
        return "CIAM Kit mobile OTP (direct grant)";
    }

    @Override
    public String getHelpText() {
        return "Password grant: requires a valid mobile-OTP code in the 'otp' parameter ('device_id' when the user has"
                + " several devices); refuses users without a device.";
    }

    /**
     * Our own category, not Keycloak's "otp": Keycloak's own brute-force call then ignores this step and
     * {@code FactorAttempts} counts each failure exactly once.
     */
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
        return MobileOtpConfigProperties.PROPERTIES;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }

    /** Never: a password grant must not lead to enrolling a device. */
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
