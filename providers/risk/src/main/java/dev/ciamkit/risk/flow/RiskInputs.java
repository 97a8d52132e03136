package dev.ciamkit.risk.flow;

import dev.ciamkit.risk.profile.RiskProfileStore;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import java.time.Instant;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Builds the input of an assessment from the request, the way every caller must: the address Keycloak resolved. */
public final class RiskInputs {

    private RiskInputs() {}

    public static RiskInput of(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            RiskPhase phase,
            String deviceId,
            AuthenticationSessionModel authSession,
            Map<String, String> config) {
        String address = session.getContext().getConnection() == null
                ? null
                : session.getContext().getConnection().getRemoteAddr();
        String agent = session.getContext().getRequestHeaders() == null
                ? null
                : session.getContext().getRequestHeaders().getHeaderString("User-Agent");
        return new RiskInput(
                session,
                realm,
                user,
                phase,
                address,
                agent,
                deviceId,
                authSession,
                new RiskProfileStore(session).read(user),
                config,
                // Keycloak's clock, so a test may move time with the admin API's time offset.
                Instant.ofEpochMilli(Time.currentTimeMillis()));
    }
}
