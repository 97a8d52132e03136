package dev.ciamkit.risk.profile;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * Keeps a user's {@link RiskProfile} in one user attribute, sealed with the envelope (the last login's place is
 * personal data), bound to the user. Not in the user profile, so with Keycloak's default (unmanaged attributes off)
 * neither the account console nor the user can read or change it. A value that does not open or parse reads as an
 * empty profile: the next login is simply not LOW, and its success writes a fresh one.
 */
public final class RiskProfileStore {

    public static final String ATTRIBUTE = "ciamkit.risk.profile";
    private static final Logger LOG = Logger.getLogger(RiskProfileStore.class);

    private final KeycloakSession session;

    public RiskProfileStore(KeycloakSession session) {
        this.session = session;
    }

    public RiskProfile read(UserModel user) {
        if (user == null) {
            return RiskProfile.empty();
        }
        String sealed = user.getFirstAttribute(ATTRIBUTE);
        if (sealed == null || sealed.isBlank()) {
            return RiskProfile.empty();
        }
        try {
            byte[] json = envelope().open(sealed, context(user));
            RiskProfile profile = JsonSerialization.readValue(json, RiskProfile.class);
            return profile == null ? RiskProfile.empty() : profile;
        } catch (Exception e) {
            LOG.warnf(
                    "CIAM Kit: risk profile of user %s does not open or parse (%s); read as empty",
                    user.getId(), e.getClass().getSimpleName());
            return RiskProfile.empty();
        }
    }

    public void write(UserModel user, RiskProfile profile) {
        try {
            byte[] json = JsonSerialization.writeValueAsBytes(profile);
            user.setSingleAttribute(ATTRIBUTE, envelope().seal(json, context(user)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String context(UserModel user) {
        return "ciamkit-risk-profile:" + user.getId();
    }

    private EnvelopeProvider envelope() {
        return session.getProvider(EnvelopeProvider.class);
    }
}
