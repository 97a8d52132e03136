package dev.ciamkit.otp.credential;

import dev.ciamkit.common.crypto.CryptoException;
import dev.ciamkit.common.crypto.Envelope;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.otp.engine.OtpVerifier;
import dev.ciamkit.otp.engine.ReplayKeys;
import dev.ciamkit.otp.engine.Verification;
import dev.ciamkit.otp.engine.VerifierSettings;
import java.util.Arrays;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Verifies a code for one of a user's devices: lock check, seed opened from the envelope, engine, replay guard across
 * the cluster (SingleUseObjectProvider), and a credential write only when the device's state changed.
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
        return check(
                user,
                credentialId,
                (verifier, seed, device) -> verifier.verify(
                        seed, device.data().policy(), device.data().state(), code, Time.currentTime()));
    }

    /** HOTP resynchronisation with two consecutive codes. */
    public Outcome resync(UserModel user, String credentialId, String first, String second) {
        return check(
                user,
                credentialId,
                (verifier, seed, device) -> verifier.resync(
                        seed, device.data().policy(), device.data().state(), first, second));
    }

    private Outcome check(UserModel user, String credentialId, Check check) {
        MobileOtpCredentialModel device = find(user, credentialId);
        if (device == null) {
            return Outcome.UNKNOWN_DEVICE;
        }
        long now = Time.currentTime();
        if (device.data().lockedAt(now)) {
            return Outcome.LOCKED;
        }
        byte[] seed = openSeed(user, device);
        if (seed == null) {
            return Outcome.UNREADABLE;
        }
        Verification result;
        try {
            result = check.run(new OtpVerifier(settings), seed, device);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
        if (result instanceof Verification.Accepted accepted) {
            String key = ReplayKeys.of(device.getId(), device.data().type(), accepted.position());
            if (!session.singleUseObjects()
                    .putIfAbsent(key, ReplayKeys.lifespanSeconds(device.data().policy(), settings))) {
                return Outcome.REPLAYED;
            }
            save(user, device.with(device.data().accepted(accepted.next(), now)));
            return Outcome.ACCEPTED;
        }
        if (result instanceof Verification.Replayed) {
            return Outcome.REPLAYED;
        }
        DeviceData failed = device.data().failed(lockPolicy.maxFailures(), lockPolicy.lockSeconds(), now);
        save(user, device.with(failed));
        return failed.lockedAt(now) ? Outcome.LOCKED : Outcome.INVALID;
    }

    private byte[] openSeed(UserModel user, MobileOtpCredentialModel device) {
        String sealed = null;
        try {
            sealed = device.sealedSeed();
            return session.getProvider(EnvelopeProvider.class)
                    .open(
                            sealed,
                            MobileOtpCredentialModel.seedContext(
                                    user.getId(), device.data().deviceId()));
        } catch (CryptoException | IllegalStateException e) {
            LOG.warnf(
                    "CIAM Kit: the seed of device credential %s cannot be opened (key id %s)",
                    device.getId(), Envelope.keyIdForLog(sealed));
            return null;
        }
    }

    private static MobileOtpCredentialModel find(UserModel user, String credentialId) {
        if (credentialId == null || credentialId.isBlank()) {
            return null;
        }
        CredentialModel stored = user.credentialManager().getStoredCredentialById(credentialId);
        return stored == null || !MobileOtpCredentialModel.TYPE.equals(stored.getType())
                ? null
                : MobileOtpCredentialModel.from(stored);
    }

    private static void save(UserModel user, MobileOtpCredentialModel device) {
        user.credentialManager().updateStoredCredential(device);
    }

    @FunctionalInterface
    private interface Check {
        Verification run(OtpVerifier verifier, byte[] seed, MobileOtpCredentialModel device);
    }
}
