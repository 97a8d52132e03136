package dev.ciamkit.risk.recheck;

import dev.ciamkit.risk.engine.RiskAssessment;
import dev.ciamkit.risk.engine.RiskEngine;
import dev.ciamkit.risk.engine.RiskLevel;
import dev.ciamkit.risk.engine.RiskMetrics;
import dev.ciamkit.risk.flow.RiskConfigLocator;
import dev.ciamkit.risk.flow.RiskInputs;
import dev.ciamkit.risk.flow.RiskNotes;
import dev.ciamkit.risk.report.RiskAssessmentLog;
import dev.ciamkit.risk.spi.RiskPhase;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.RefreshToken;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.TokenRefreshContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.util.TokenUtil;

/**
 * At each token refresh, assesses the session's risk again with the signals that mean something there (address,
 * location, recent failures: a refresh has no device cookie, and a confidential client refreshes from its server).
 * When the level rises above the one the session's login passed with on a decisive finding, the session is revoked in a transaction of its
 * own (the refused request's transaction is rolled back), the event says why, and the refresh fails as
 * {@code invalid_grant}. Sessions whose login had no risk evaluator are left alone.
 */
final class RiskRecheckExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    static final String ERROR_DETAIL = "ciamkit_risk_session_revoked";
    private static final Logger LOG = Logger.getLogger(RiskRecheckExecutor.class);

    private final KeycloakSession session;

    RiskRecheckExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return RiskRecheckExecutorFactory.ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.TOKEN_REFRESH
                || !(context instanceof TokenRefreshContext refresh)) {
            return;
        }
        RealmModel realm = session.getContext().getRealm();
        Optional<Refreshing> refreshing =
                refreshing(realm, refresh.getClient(), refresh.getParams().getFirst("refresh_token"));
        if (refreshing.isEmpty()) {
            return; // Keycloak's own checks answer an invalid, foreign or expired token, or a gone session
        }
        UserSessionModel us = refreshing.get().userSession();
        Optional<RiskLevel> passed = RiskLevel.parse(us.getNote(RiskNotes.LEVEL));
        Optional<Map<String, String>> config = RiskConfigLocator.find(realm);
        if (passed.isEmpty() || config.isEmpty()) {
            return;
        }
        RiskAssessment now = RiskEngine.assess(
                RiskInputs.of(session, realm, us.getUser(), RiskPhase.REFRESH, null, null, config.get()));
        RiskMetrics.global().decided(RiskPhase.REFRESH, realm, now.level());
        // Only a decisive finding (the session's address is now on a denied or known-bad network, or impossible travel)
        // ends a session: strangers failing logins from a shared address must not end everyone's sessions there.
        if (now.level().compareTo(passed.get()) <= 0 || !now.decisive()) {
            return;
        }
        try {
            revoke(realm, us, refreshing.get().offline(), passed.get(), now);
            // the refused request's transaction rolls back: the report row is written now, in one of its own
            RiskAssessmentLog.recordNow(
                    session,
                    realm.getId(),
                    us.getUser().getId(),
                    RiskPhase.REFRESH,
                    refresh.getClient().getClientId(),
                    now);
        } catch (RuntimeException e) {
            // The refresh is refused all the same; the session ends at its own expiry or by an admin.
            LOG.warnf(
                    "CIAM Kit: session %s could not be revoked at refresh (%s); the refresh is refused",
                    us.getId(), e.getClass().getSimpleName());
        }
        // The caller learns no more than from any ended session; the LOGOUT event holds the levels and reasons.
        throw new ClientPolicyException("invalid_grant", "Session not active");
    }

    /** The session a refresh would continue, and whether it is an offline one. */
    private record Refreshing(UserSessionModel userSession, boolean offline) {}

    /**
     * The session of a refresh token that Keycloak's own checks would accept as far as we can tell before they run:
     * signed by the realm, of type Refresh or Offline (never an access or ID token posted in its place), issued to the
     * client that presents it, not expired. Anything else is left to Keycloak, which refuses it, and revokes nothing.
     */
    private Optional<Refreshing> refreshing(RealmModel realm, ClientModel client, String token) {
        if (realm == null || client == null || token == null || token.length() > 16_384) {
            return Optional.empty();
        }
        try {
            RefreshToken refreshToken = session.tokens().decode(token, RefreshToken.class);
            if (refreshToken == null
                    || refreshToken.getSessionId() == null
                    || !client.getClientId().equals(refreshToken.getIssuedFor())
                    || refreshToken.isExpired()) {
                return Optional.empty();
            }
            boolean offline = TokenUtil.TOKEN_TYPE_OFFLINE.equals(refreshToken.getType());
            if (!offline && !TokenUtil.TOKEN_TYPE_REFRESH.equals(refreshToken.getType())) {
                return Optional.empty();
            }
            UserSessionModel us = offline
                    ? session.sessions().getOfflineUserSession(realm, refreshToken.getSessionId())
                    : session.sessions().getUserSession(realm, refreshToken.getSessionId());
            return us == null ? Optional.empty() : Optional.of(new Refreshing(us, offline));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void revoke(RealmModel realm, UserSessionModel us, boolean offline, RiskLevel passed, RiskAssessment now) {
        String realmId = realm.getId();
        String sessionId = us.getId();
        String userId = us.getUser().getId();
        var connection = session.getContext().getConnection();
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
            RealmModel r = s.realms().getRealm(realmId);
            s.getContext().setRealm(r);
            // An offline session shares its id with the online one it came from: both end.
            UserSessionModel online = s.sessions().getUserSession(r, sessionId);
            if (online != null) {
                s.sessions().removeUserSession(r, online);
            }
            UserSessionModel offlineSession = s.sessions().getOfflineUserSession(r, sessionId);
            if (offlineSession != null) {
                s.sessions().removeOfflineUserSession(r, offlineSession);
            }
            new EventBuilder(r, s, connection)
                    .event(EventType.LOGOUT)
                    .user(userId)
                    .session(sessionId)
                    .detail("reason", ERROR_DETAIL)
                    .detail(RiskNotes.DETAIL_LEVEL, now.level().name())
                    .detail("ciamkit_risk_login_level", passed.name())
                    .detail("ciamkit_offline", Boolean.toString(offline))
                    .detail(RiskNotes.DETAIL_SCORE, Integer.toString(now.score()))
                    .detail(RiskNotes.DETAIL_REASONS, now.reasons())
                    .success();
        });
        LOG.debugf("CIAM Kit: session %s revoked at refresh, risk %s above %s", sessionId, now.level(), passed);
    }
}
