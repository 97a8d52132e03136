package dev.ciamkit.ekyc.step;

import dev.ciamkit.common.config.BoundedInt;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Step-up authenticator {@code ciamkit-ekyc}. Owns the threads the vendor calls run on (server option
 * {@code --spi-authenticator--ciamkit-ekyc--max-threads}, default 64), shared with the required action.
 */
public final class EkycAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "ciamkit-ekyc";

    /** The credential type the step's verifications appear under in the account console. */
    public static final String REFERENCE_CATEGORY = "ciamkit-ekyc";

    private EkycOrchestrator orchestrator;

    @Override
    public void init(Config.Scope config) {
        orchestrator = new EkycOrchestrator(BoundedInt.read(config, "max-threads", 64, 2, 1024));
    }

    /** The server's orchestrator, which the required action shares. */
    static EkycOrchestrator orchestrator(KeycloakSession session) {
        return ((EkycAuthenticatorFactory)
                        session.getKeycloakSessionFactory().getProviderFactory(Authenticator.class, ID))
                .orchestrator;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new EkycAuthenticator(orchestrator);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "CIAM Kit eKYC identity verification";
    }

    @Override
    public String getHelpText() {
        return "Remote identity verification (ID document with authenticity check, face match, 1-won account"
                + " transfer) through the eKYC gateway; put it in the level-3 subflow of a step-up flow.";
    }

    @Override
    public String getReferenceCategory() {
        return REFERENCE_CATEGORY;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return EkycStepConfigProperties.PROPERTIES;
    }

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
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {
        if (orchestrator != null) {
            orchestrator.close();
        }
    }
}
