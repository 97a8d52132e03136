package dev.ciamkit.risk.spi;

import dev.ciamkit.risk.profile.RiskProfile;
import java.time.Instant;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What every signal reads, gathered once per assessment.
 *
 * @param clientAddress the address Keycloak itself resolved ({@code ClientConnection}, honouring the server's
 *     {@code proxy-headers} and {@code proxy-trusted-addresses}); never parsed from headers by a signal
 * @param userAgent the request's {@code User-Agent}, already cut to {@link #MAX_USER_AGENT} characters; may be empty
 * @param deviceId the id from a device cookie whose signature checked out, or null
 * @param authSession the login's authentication session (its client notes hold what the client asked for), or null at
 *     a token refresh
 * @param profile what was learned from this user's earlier successful logins; empty for a first login, never null
 * @param config the evaluator's configuration (each signal reads its own keys, see its factory); never null
 */
public record RiskInput(
        KeycloakSession session,
        RealmModel realm,
        UserModel user,
        RiskPhase phase,
        String clientAddress,
        String userAgent,
        String deviceId,
        AuthenticationSessionModel authSession,
        RiskProfile profile,
        Map<String, String> config,
        Instant now) {

    /** Longer agents are cut before parsing: a parser's cost grows with the input (73 ms for 8 KB, measured). */
    public static final int MAX_USER_AGENT = 512;

    public RiskInput {
        userAgent = userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
        profile = profile == null ? RiskProfile.empty() : profile;
        config = config == null ? Map.of() : config;
    }
}
