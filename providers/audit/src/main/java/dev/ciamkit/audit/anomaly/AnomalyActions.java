package dev.ciamkit.audit.anomaly;

import dev.ciamkit.audit.trail.AuditTrail;
import dev.ciamkit.audit.trail.Masking;
import dev.ciamkit.common.blocklist.AddressBlocklist;
import dev.ciamkit.common.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Carries out a finding, all in the detector's transaction: the record in the trail and the metric always, then the
 * rule's actions. The webhook and the mail go into the persistent outbox (delivered after commit, retried, never lost);
 * the lock goes into Keycloak's login-failure store, the block into the realm's block list.
 */
final class AnomalyActions {

    static final String TOPIC_PREFIX = AnomalyNotifierFactory.ID + ":";
    static final String WEBHOOK_TOPIC = TOPIC_PREFIX + "webhook";
    static final String EMAIL_TOPIC = TOPIC_PREFIX + "email";
    private static final Logger LOG = Logger.getLogger(AnomalyActions.class);

    private AnomalyActions() {}

    static void report(KeycloakSession session, RealmModel realm, AnomalyConfig config, Finding f) {
        long now = Time.currentTimeMillis();
        Set<AnomalyAction> taken = EnumSet.noneOf(AnomalyAction.class);
        Set<AnomalyAction> wanted = config.actions(f.rule());
        UserModel user = f.userId() == null ? null : session.users().getUserById(realm, f.userId());
        if (wanted.contains(AnomalyAction.LOCK_USER) && user != null && lock(session, realm, user, config)) {
            taken.add(AnomalyAction.LOCK_USER);
        }
        if (wanted.contains(AnomalyAction.BLOCK_ADDRESS)
                && f.address() != null
                && AddressBlocklist.block(
                        session,
                        realm.getId(),
                        f.address(),
                        now + config.blockSeconds() * 1000L,
                        f.rule().id())) {
            taken.add(AnomalyAction.BLOCK_ADDRESS);
        }
        String recordId = KeycloakModelUtils.generateId();
        String payload = AnomalyAlert.payload(
                recordId,
                realm.getId(),
                realm.getName(),
                now,
                f,
                user == null ? null : Masking.initial(user.getUsername()));
        if (wanted.contains(AnomalyAction.WEBHOOK) && config.webhookUrl().isPresent()) {
            Outbox.enqueue(session, realm.getId(), WEBHOOK_TOPIC, now, payload);
            taken.add(AnomalyAction.WEBHOOK);
        }
        if (wanted.contains(AnomalyAction.EMAIL) && config.securityEmail().isPresent()) {
            Outbox.enqueue(session, realm.getId(), EMAIL_TOPIC, now, payload);
            taken.add(AnomalyAction.EMAIL);
        }
        AuditTrail.insert(session, AnomalyAlert.record(recordId, realm.getId(), realm.getName(), now, f, taken));
        Counter.builder("ciamkit.audit.anomalies")
                .description("Anomaly rules that fired")
                .tag("rule", f.rule().id())
                .register(Metrics.globalRegistry)
                .increment();
        LOG.warnf(
                "CIAM Kit audit: anomaly %s in realm %s (count %d, threshold %d, %d s); actions: %s; record %s",
                f.rule().id(),
                realm.getName(),
                f.count(),
                f.threshold(),
                f.windowSeconds(),
                taken.isEmpty() ? "alert only" : AnomalyAlert.actionIds(taken),
                recordId);
    }

    /**
     * A temporary lock as Keycloak's brute-force protection sets one ({@code failedLoginNotBefore}), so its admin API
     * shows it and its unlock lifts it. Keycloak only honours it where the realm's brute-force detection is on.
     */
    private static boolean lock(KeycloakSession session, RealmModel realm, UserModel user, AnomalyConfig config) {
        UserLoginFailureModel failures = session.loginFailures().getUserLoginFailure(realm, user.getId());
        if (failures == null) {
            failures = session.loginFailures().addUserLoginFailure(realm, user.getId());
        }
        int until = Time.currentTime() + config.lockSeconds();
        if (failures.getFailedLoginNotBefore() < until) {
            failures.setFailedLoginNotBefore(until);
        }
        failures.setLastFailure(Time.currentTimeMillis());
        return true;
    }
}
