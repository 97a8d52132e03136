package dev.ciamkit.risk.recheck;

import dev.ciamkit.risk.engine.RiskAssessment;
import dev.ciamkit.risk.engine.RiskEngine;
import dev.ciamkit.risk.engine.RiskLevel;
import dev.ciamkit.risk.flow.RiskConfigLocator;
import dev.ciamkit.risk.flow.RiskInputs;
import dev.ciamkit.risk.flow.RiskNotes;
import dev.ciamkit.risk.spi.RiskPhase;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
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

/**
 * At each token refresh, assesses the session's risk again with the signals that mean something there (address,
 * location, recent failures: a refresh has no device cookie, and a confidential client refreshes from its server).
 * When the level rises above the one the session's login passed with, the session is revoked in a transaction of its
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
        Optional<UserSessionModel> userSession =
                userSession(realm, refresh.getParams().getFirst("refresh_token"));
        if (userSession.isEmpty()) {
            return; // Keycloak's own checks answer an invalid token or a gone session
        }
        UserSessionModel us = userSession.get();
        Optional<RiskLevel> passed = RiskLevel.parse(us.getNote(RiskNotes.LEVEL));
        Optional<Map<String, String>> config = RiskConfigLocator.find(realm);
        if (passed.isEmpty() || config.isEmpty()) {
            return;
        }
        RiskAssessment now =
                RiskEngine.assess(RiskInputs.of(session, realm, us.getUser(), RiskPhase.REFRESH, null, config.get()));
        if (now.level().compareTo(passed.get()) <= 0) {
            return;
        }
        try {
            revoke(realm, us, passed.get(), now);
        } catch (RuntimeException e) {
            // The refresh is refused all the same; the session ends at its own expiry or by an admin.
            LOG.warnf(
                    "CIAM Kit: session %s could not be revoked at refresh (%s); the refresh is refused",
                    us.getId(), e.getClass().getSimpleName());
        }
        throw new ClientPolicyException(
                "invalid_grant", ERROR_DETAIL + ": risk " + now.level() + " above " + passed.get());
    }

    private Optional<UserSessionModel> userSession(RealmModel realm, String token) {
        if (realm == null || token == null || token.length() > 16_384) {
            return Optional.empty();
        }
        try {
            RefreshToken refreshToken = session.tokens().decode(token, RefreshToken.class);
            if (refreshToken == null || refreshToken.getSessionId() == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(session.sessions().getUserSession(realm, refreshToken.getSessionId()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void revoke(RealmModel realm, UserSessionModel us, RiskLevel passed, RiskAssessment now) {
        String realmId = realm.getId();
        String sessionId = us.getId();
        String userId = us.getUser().getId();
        var connection = session.getContext().getConnection();
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
            RealmModel r = s.realms().getRealm(realmId);
            s.getContext().setRealm(r);
            UserSessionModel gone = s.sessions().getUserSession(r, sessionId);
            if (gone != null) {
                s.sessions().removeUserSession(r, gone);
            }
            new EventBuilder(r, s, connection)
                    .event(EventType.LOGOUT)
                    .user(userId)
                    .session(sessionId)
                    .detail("reason", ERROR_DETAIL)
                    .detail(RiskNotes.DETAIL_LEVEL, now.level().name())
                    .detail("ciamkit_risk_login_level", passed.name())
                    .detail(RiskNotes.DETAIL_SCORE, Integer.toString(now.score()))
                    .detail(RiskNotes.DETAIL_REASONS, now.reasons())
                    .success();
        });
        LOG.debugf("CIAM Kit: session %s revoked at refresh, risk %s above %s", sessionId, now.level(), passed);
    }
}
