package dev.ciamkit.otp.pin;

import dev.ciamkit.common.metrics.FactorMetrics;
import dev.ciamkit.otp.store.PinStateEntity;
import dev.ciamkit.otp.store.PinStates;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Checks a typed PIN and counts consecutive wrong ones, atomically: the PIN's state row is locked
 * ({@code SELECT ... FOR UPDATE}) in a short transaction of our own, the lock checked, the hash verified and a failure
 * written before the lock is released, so parallel requests on one node or several queue on the row and no more than
 * {@code maxFailures} wrong PINs are ever checked before the PIN locks. A lock lasts until an admin lifts it; a locked
 * PIN refuses even the right PIN, without checking it.
 */
public final class PinVerification {

    public enum Outcome {
        ACCEPTED,
        INVALID,
        /** Locked before this attempt, or by this attempt's failure. */
        LOCKED,
        /** The user has no PIN (the same work was spent as for a check). */
        NOT_SET,
        /** The stored PIN cannot be checked (pepper not in the ring, data that does not parse): not the user's fault. */
        UNREADABLE,
        /** Not compared (the code beside it was wrong); the same Argon2 work was spent. */
        UNCHECKED
    }

    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final int MAX_MAX_FAILURES = 10;

    private static final Logger LOG = Logger.getLogger(PinVerification.class);

    private final KeycloakSession session;
    private final int maxFailures;

    public PinVerification(KeycloakSession session, int maxFailures) {
        if (maxFailures < 1 || maxFailures > MAX_MAX_FAILURES) {
            throw new IllegalArgumentException("maxFailures must be from 1 to 10, not " + maxFailures);
        }
        this.session = session;
        this.maxFailures = maxFailures;
    }

    /** The user's PIN credential as stored, if any. */
    public static Optional<CredentialModel> stored(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(PinCredentialModel.TYPE)
                .findFirst();
    }

    /**
     * Checks the PIN; a wrong one counts. A right one does not clear the count yet: the caller calls {@link #passed}
     * once everything the step asks for has passed, so a right PIN with a wrong code neither counts nor clears.
     */
    public Outcome check(UserModel user, String typed) {
        long start = FactorMetrics.start();
        Outcome outcome = compare(user, typed);
        FactorMetrics.global().record(FactorMetrics.Factor.PIN, metricOutcome(outcome), session, start);
        return outcome;
    }

    static FactorMetrics.Outcome metricOutcome(Outcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> FactorMetrics.Outcome.SUCCESS;
            case INVALID, UNCHECKED -> FactorMetrics.Outcome.INVALID;
            case LOCKED -> FactorMetrics.Outcome.LOCKED;
            case NOT_SET -> FactorMetrics.Outcome.NOT_SET;
            case UNREADABLE -> FactorMetrics.Outcome.ERROR;
        };
    }

    private Outcome compare(UserModel user, String typed) {
        PinHasher hasher = new PinHasher(session);
        CredentialModel stored = stored(user).orElse(null);
        if (stored == null) {
            hasher.spend(user.getId(), typed);
            return Outcome.NOT_SET;
        }
        PinCredentialModel pin = PinCredentialModel.read(stored).orElse(null);
        if (pin == null) {
            LOG.warnf("CIAM Kit: PIN credential %s has unreadable data", stored.getId());
            hasher.spend(user.getId(), typed);
            return Outcome.UNREADABLE;
        }
        Outcome outcome = decide(user, pin, hasher, typed);
        if (outcome == null) {
            PinStates.ensureRow(
                    session.getKeycloakSessionFactory(),
                    session.getContext().getRealm().getId(),
                    user.getId(),
                    pin.getId());
            outcome = decide(user, pin, hasher, typed);
        }
        // still no row: the PIN was removed meanwhile
        return outcome == null ? Outcome.NOT_SET : outcome;
    }

    private Outcome decide(UserModel user, PinCredentialModel pin, PinHasher hasher, String typed) {
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), tx -> {
            PinStateEntity row = new PinStates(tx).lock(pin.getId());
            if (row == null) {
                return null;
            }
            if (row.isLocked()) {
                // the same Argon2 cost as a checked PIN: the time of the answer never tells which lock fired
                hasher.spend(user.getId(), typed);
                return Outcome.LOCKED;
            }
            boolean matches;
            try {
                matches = hasher.matches(user.getId(), pin, typed);
            } catch (IllegalStateException e) {
                LOG.warnf("CIAM Kit: PIN credential %s cannot be checked: %s", pin.getId(), e.getMessage());
                return Outcome.UNREADABLE;
            }
            if (matches) {
                return Outcome.ACCEPTED;
            }
            row.setFailures(row.getFailures() + 1);
            if (row.getFailures() >= maxFailures) {
                row.setLockedAt(Time.currentTime());
                return Outcome.LOCKED;
            }
            return Outcome.INVALID;
        });
    }

    /**
     * The same Argon2 work as {@link #check}, without comparing and without any lock: for a submission whose code was
     * wrong, so the time of the answer does not tell whether the PIN was checked. A PIN is never compared (and never
     * counted) beside a wrong code: without the code nothing reveals it, and a username alone cannot lock it.
     */
    public Outcome skip(UserModel user, String typed) {
        new PinHasher(session).spend(user.getId(), typed);
        if (stored(user).isEmpty()) {
            return Outcome.NOT_SET;
        }
        return locked(session, user) ? Outcome.LOCKED : Outcome.UNCHECKED;
    }

    /** The whole step passed: the PIN's consecutive failures start again from zero (a lock set meanwhile stays). */
    public void passed(UserModel user) {
        stored(user)
                .ifPresent(pin -> KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), tx -> {
                    PinStateEntity row = new PinStates(tx).lock(pin.getId());
                    if (row != null && !row.isLocked()) {
                        row.setFailures(0);
                    }
                }));
    }

    /** Whether the user's PIN is locked now (false without a PIN). */
    public static boolean locked(KeycloakSession session, UserModel user) {
        return stored(user)
                .map(pin -> new PinStates(session).find(pin.getId()))
                .map(PinStateEntity::isLocked)
                .orElse(false);
    }
}
