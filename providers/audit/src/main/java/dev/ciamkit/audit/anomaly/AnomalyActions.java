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

    /**
     * @param capped the rule already fired its most findings with actions in this window: this one is recorded and
     *     counted, nothing more (no storm of mails, webhooks, locks or blocks from a flood of subjects)
     */
    static void report(KeycloakSession session, RealmModel realm, AnomalyConfig config, Finding f, boolean capped) {
        long now = Time.currentTimeMillis();
        Set<AnomalyAction> taken = EnumSet.noneOf(AnomalyAction.class);
        Set<AnomalyAction> wanted = capped ? EnumSet.noneOf(AnomalyAction.class) : config.actions(f.rule());
        if (f.lastAt() <= now - f.windowSeconds() * 1000L) {
            // seen late (the detector was behind): reported, but nobody is locked or blocked for what is over
            wanted.remove(AnomalyAction.LOCK_USER);
            wanted.remove(AnomalyAction.BLOCK_ADDRESS);
        }
        UserModel user = null;
        if (f.userId() != null) {
            try {
                user = session.users().getUserById(realm, f.userId());
            } catch (RuntimeException e) {
                // a user store that cannot answer (LDAP down) costs the lock, never the finding
                LOG.warnf(
                        "CIAM Kit audit: the user of an anomaly could not be read (%s)",
                        e.getClass().getName());
            }
        }
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
        if (wanted.contains(AnomalyAction.WEBHOOK)
                && config.webhookUrl().isPresent()
                && AnomalyNotifierFactory.of(session)
                        .map(n -> n.allows(config.webhookUrl().get()))
                        .orElse(false)) {
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
                taken.isEmpty() ? (capped ? "alert only (capped)" : "alert only") : AnomalyAlert.actionIds(taken),
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
        // never longer than the realm's own brute-force protection would lock (its maximum wait)
        int seconds = Math.min(config.lockSeconds(), Math.max(60, realm.getMaxFailureWaitSeconds()));
        int until = Time.currentTime() + seconds;
        if (failures.getFailedLoginNotBefore() < until) {
            failures.setFailedLoginNotBefore(until);
        }
        failures.setLastFailure(Time.currentTimeMillis());
        return true;
    }
}
