package dev.ciamkit.otp.credential;

import dev.ciamkit.common.crypto.CryptoException;
import dev.ciamkit.common.crypto.Envelope;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.common.metrics.FactorMetrics;
import dev.ciamkit.otp.engine.OtpType;
import dev.ciamkit.otp.engine.OtpVerifier;
import dev.ciamkit.otp.engine.ReplayKeys;
import dev.ciamkit.otp.engine.Verification;
import dev.ciamkit.otp.engine.VerifierSettings;
import dev.ciamkit.otp.store.DeviceStateMigration;
import dev.ciamkit.otp.store.DeviceStates;
import dev.ciamkit.otp.store.OtpDeviceStateEntity;
import java.util.Arrays;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Verifies a code for one of a user's devices: lock check, seed opened from the envelope, engine, replay guard across
 * the cluster, and the device's new state written to its own row.
 *
 * <p>The decision is atomic: the device's row is read under a row lock ({@code SELECT ... FOR UPDATE}) and written in
 * the same short transaction, so parallel requests for one device, on one node or several, queue on the row instead
 * of overwriting each other (every failure counts; the HOTP counter never steps back). That transaction is our own,
 * so the lock is held for the check only, not for the rest of the request. The credential itself is never written
 * here (no user-cache invalidation at each login).
 */
public final class DeviceVerification {

    public enum Outcome {
        ACCEPTED,
        INVALID,
        REPLAYED,
        LOCKED,
        /** Not one of the user's devices. Callers must answer exactly as for INVALID. */
        UNKNOWN_DEVICE,
        /** The stored seed does not open (key not in the ring, altered value): no code was checked. */
        UNREADABLE
    }

    private static final Logger LOG = Logger.getLogger(DeviceVerification.class);

    private final KeycloakSession session;
    private final VerifierSettings settings;
    private final LockPolicy lockPolicy;

    public DeviceVerification(KeycloakSession session, VerifierSettings settings, LockPolicy lockPolicy) {
        this.session = session;
        this.settings = settings;
        this.lockPolicy = lockPolicy;
    }

    public Outcome verify(UserModel user, String credentialId, String code) {
        return measured(
                user,
                credentialId,
                (verifier, seed, data) -> verifier.verify(seed, data.policy(), data.state(), code, Time.currentTime()));
    }

    /** HOTP resynchronisation with two consecutive codes. */
    public Outcome resync(UserModel user, String credentialId, String first, String second) {
        return measured(
                user,
                credentialId,
                (verifier, seed, data) -> verifier.resync(seed, data.policy(), data.state(), first, second));
    }

    /** Every verification, whichever step asked for it (form, direct grant, PIN + OTP), counted and timed once. */
    private Outcome measured(UserModel user, String credentialId, Check check) {
        long start = FactorMetrics.start();
        Outcome outcome = check(user, credentialId, check);
        FactorMetrics.global().record(FactorMetrics.Factor.MOBILE_OTP, metricOutcome(outcome), session, start);
        return outcome;
    }

    static FactorMetrics.Outcome metricOutcome(Outcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> FactorMetrics.Outcome.SUCCESS;
            // a device that is not the user's is a wrong code to whoever sent it
            case INVALID, UNKNOWN_DEVICE -> FactorMetrics.Outcome.INVALID;
            case REPLAYED -> FactorMetrics.Outcome.REPLAYED;
            case LOCKED -> FactorMetrics.Outcome.LOCKED;
            case UNREADABLE -> FactorMetrics.Outcome.ERROR;
        };
    }

    private Outcome check(UserModel user, String credentialId, Check check) {
        CredentialModel stored = find(user, credentialId);
        if (stored == null) {
            return Outcome.UNKNOWN_DEVICE;
        }
        MobileOtpCredentialModel device = MobileOtpCredentialModel.read(stored).orElse(null);
        if (device == null) {
            LOG.warnf("CIAM Kit: device credential %s has unreadable public data", stored.getId());
            return Outcome.UNREADABLE;
        }
        Outcome outcome = KeycloakModelUtils.runJobInTransactionWithResult(
                session.getKeycloakSessionFactory(), tx -> decide(tx, user, device, check));
        if (outcome != null) {
            return outcome;
        }
        DeviceStateMigration.ensureRow(session.getKeycloakSessionFactory(), user.getId(), device);
        outcome = KeycloakModelUtils.runJobInTransactionWithResult(
                session.getKeycloakSessionFactory(), tx -> decide(tx, user, device, check));
        // still none: the credential was removed meanwhile
        return outcome == null ? Outcome.UNKNOWN_DEVICE : outcome;
    }

    /** Null when the device has no state row yet. */
    private Outcome decide(KeycloakSession tx, UserModel user, MobileOtpCredentialModel device, Check check) {
        OtpDeviceStateEntity row = new DeviceStates(tx).lock(device.getId());
        if (row == null) {
            return null;
        }
        DeviceData data = DeviceStates.current(device.data(), row);
        long now = Time.currentTime();
        if (data.lockedAt(now)) {
            return Outcome.LOCKED;
        }
        Verification result = run(check, user, device, data);
        if (result == null) {
            return Outcome.UNREADABLE;
        }
        if (result instanceof Verification.Accepted accepted) {
            // TOTP: the key stops a code being used twice on two nodes within its step even before our row is read;
            // HOTP needs none: the counter, moved forward under the lock, refuses the code for ever.
            if (data.type() == OtpType.TOTP
                    && !session.singleUseObjects()
                            .putIfAbsent(
                                    ReplayKeys.of(device.getId(), data.type(), accepted.position()),
                                    ReplayKeys.lifespanSeconds(data.policy(), settings))) {
                return Outcome.REPLAYED;
            }
            DeviceStates.write(row, data.accepted(accepted.next(), now));
            return Outcome.ACCEPTED;
        }
        if (result instanceof Verification.Replayed) {
            return Outcome.REPLAYED;
        }
        DeviceData failed = data.failed(lockPolicy.maxFailures(), lockPolicy.lockSeconds(), now);
        DeviceStates.write(row, failed);
        return failed.lockedAt(now) ? Outcome.LOCKED : Outcome.INVALID;
    }

    /** Null when the seed cannot be opened: a handled, logged failure, never an exception for the user. */
    private Verification run(Check check, UserModel user, MobileOtpCredentialModel device, DeviceData data) {
        byte[] seed = openSeed(user, device, data);
        if (seed == null) {
            return null;
        }
        try {
            return check.run(new OtpVerifier(settings), seed, data);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private byte[] openSeed(UserModel user, MobileOtpCredentialModel device, DeviceData data) {
        String sealed = null;
        try {
            sealed = device.sealedSeed();
            return session.getProvider(EnvelopeProvider.class)
                    .open(sealed, MobileOtpCredentialModel.seedContext(user.getId(), data.deviceId()));
        } catch (CryptoException | IllegalStateException e) {
            LOG.warnf(
                    "CIAM Kit: the seed of device credential %s cannot be opened (key id %s)",
                    device.getId(), Envelope.keyIdForLog(sealed));
            return null;
        }
    }

    private static CredentialModel find(UserModel user, String credentialId) {
        if (credentialId == null || credentialId.isBlank()) {
            return null;
        }
        CredentialModel stored = user.credentialManager().getStoredCredentialById(credentialId);
        return stored == null || !MobileOtpCredentialModel.TYPE.equals(stored.getType()) ? null : stored;
    }

    @FunctionalInterface
    private interface Check {
        Verification run(OtpVerifier verifier, byte[] seed, DeviceData data);
    }
}
