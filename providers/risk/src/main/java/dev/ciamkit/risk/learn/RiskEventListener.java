package dev.ciamkit.risk.learn;

import dev.ciamkit.risk.device.DeviceCookie;
import dev.ciamkit.risk.flow.RiskConfigLocator;
import dev.ciamkit.risk.flow.RiskNotes;
import dev.ciamkit.risk.signal.velocity.AddressFailures;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Learns after a successful login, and only then (a failed attacker never trains the profile): on a LOGIN event whose
 * user session carries the evaluator's sealed note. Counts failed logins per address for the velocity signal, in
 * realms that have a risk evaluator. Never throws: a listener's exception would be swallowed by Keycloak but could
 * leave the transaction rollback-only.
 */
final class RiskEventListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(RiskEventListener.class);
    /**
     * Only guesses count for an address: a wrong password or code, an unknown user. Not an expired page, not our own
     * refusal (a post back to the deny page would count again and again).
     */
    private static final java.util.Set<String> CREDENTIAL_ERRORS = java.util.Set.of(
            org.keycloak.events.Errors.INVALID_USER_CREDENTIALS,
            org.keycloak.events.Errors.USER_NOT_FOUND,
            "ciamkit_otp_replayed",
            "ciamkit_otp_missing",
            "ciamkit_sms_code_invalid",
            "ciamkit_sms_code_replayed",
            "ciamkit_pin_invalid",
            "ciamkit_pin_missing");

    private final KeycloakSession session;

    RiskEventListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        try {
            if (event.getType() == EventType.LOGIN) {
                learn(event);
            } else if (event.getType() == EventType.LOGIN_ERROR
                    && event.getIpAddress() != null
                    && CREDENTIAL_ERRORS.contains(event.getError())) {
                RealmModel realm = session.realms().getRealm(event.getRealmId());
                Optional<Map<String, String>> config = realm == null ? Optional.empty() : RiskConfigLocator.find(realm);
                config.ifPresent(c -> AddressFailures.record(session, realm, event.getIpAddress(), c));
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "CIAM Kit: risk listener skipped a %s event (%s)",
                    event.getType(), e.getClass().getSimpleName());
        }
    }

    private void learn(Event event) {
        if (event.getSessionId() == null || event.getUserId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        UserSessionModel userSession = session.sessions().getUserSession(realm, event.getSessionId());
        if (userSession == null || userSession.getNote(RiskNotes.LEARN) == null) {
            return;
        }
        String sealed = userSession.getNote(RiskNotes.LEARN);
        userSession.removeNote(RiskNotes.LEARN);
        // The login succeeded: this response gives the browser a new device id, and the learner moves the browser's
        // remembered entry to it. A login abandoned or refused before here changes neither.
        String freshDeviceId = DeviceCookie.issueFresh(session, realm);
        Map<String, String> config = RiskConfigLocator.find(realm).orElse(Map.of());
        String realmId = realm.getId();
        String userId = event.getUserId();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        // After the login commits and in a transaction of its own: a conflict on a known device's row (two logins of
        // one browser at once) or any other failure here costs the lesson, never the login.
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, s -> {
                        RealmModel r = s.realms().getRealm(realmId);
                        if (r == null) {
                            return;
                        }
                        s.getContext().setRealm(r);
                        UserModel user = s.users().getUserById(r, userId);
                        if (user != null) {
                            new RiskLearner(s, r, user).learn(sealed, config, freshDeviceId);
                        }
                    });
                } catch (RuntimeException e) {
                    // The class and where it arose, never the message (it may quote what was being written).
                    LOG.warnf(
                            "CIAM Kit: risk profile of user %s not updated after login (%s at %s)",
                            userId,
                            e.getClass().getSimpleName(),
                            e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
                }
            }

            @Override
            protected void rollbackImpl() {}
        });
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {}

    @Override
    public void close() {}
}
