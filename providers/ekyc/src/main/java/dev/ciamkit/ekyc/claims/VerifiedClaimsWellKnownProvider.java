package dev.ciamkit.ekyc.claims;

import jakarta.ws.rs.NotFoundException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;

/**
 * Keycloak's own OpenID provider metadata with the Identity Assurance fields added: every stock field (and the
 * operator's {@code openid-configuration-override}) stays as it is, and a field the override already sets is not
 * replaced.
 */
final class VerifiedClaimsWellKnownProvider implements WellKnownProvider {

    private final KeycloakSession session;
    private final WellKnownProvider stock;

    VerifiedClaimsWellKnownProvider(KeycloakSession session, WellKnownProvider stock) {
        this.session = session;
        this.stock = stock;
    }

    @Override
    public Object getConfig() {
        if (stock == null) {
            // The stock provider is switched off: answer as Keycloak does for an alias nobody serves.
            throw new NotFoundException();
        }
        Object config = stock.getConfig();
        RealmModel realm = session.getContext().getRealm();
        if (config instanceof OIDCConfigurationRepresentation oidc && realm != null) {
            IdaMetadata.of(realm).forEach((name, value) -> {
                if (!oidc.getOtherClaims().containsKey(name)) {
                    oidc.setOtherClaims(name, value);
                }
            });
        }
        return config;
    }

    @Override
    public void close() {}
}
