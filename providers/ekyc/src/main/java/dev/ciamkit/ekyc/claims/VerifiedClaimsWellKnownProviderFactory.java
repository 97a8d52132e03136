package dev.ciamkit.ekyc.claims;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.OIDCWellKnownProviderFactory;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

/**
 * Serves {@code /realms/{realm}/.well-known/openid-configuration} in place of the stock factory. Keycloak (26.x,
 * {@code WellKnownProviderUtil.resolveFromAlias}) picks, among the factories whose alias is the path's name, the one
 * with the lowest priority: the stock one has 100, this one less. It wraps the stock provider (looked up by its id, so
 * its server options still apply) and adds the Identity Assurance fields.
 */
public final class VerifiedClaimsWellKnownProviderFactory implements WellKnownProviderFactory {

    public static final String PROVIDER_ID = "ciamkit-openid-configuration";

    /** Below the stock factory's 100; above 1 so that an operator's own override factory at 1 still wins. */
    static final int PRIORITY = 50;

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        WellKnownProvider stock =
                session.getProvider(WellKnownProvider.class, OIDCWellKnownProviderFactory.PROVIDER_ID);
        return new VerifiedClaimsWellKnownProvider(session, stock);
    }

    @Override
    public String getAlias() {
        return OIDCWellKnownProviderFactory.PROVIDER_ID;
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
