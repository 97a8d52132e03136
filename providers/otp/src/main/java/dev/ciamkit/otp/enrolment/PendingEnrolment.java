package dev.ciamkit.otp.enrolment;

import dev.ciamkit.common.crypto.CryptoException;
import dev.ciamkit.common.crypto.Envelope;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.otp.engine.OtpAlgorithm;
import dev.ciamkit.otp.engine.OtpPolicy;
import dev.ciamkit.otp.engine.OtpType;
import java.security.SecureRandom;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A seed offered to the user but not yet confirmed with a code. It lives in the authentication session, sealed, with
 * the policy it was made for, so it never reaches a form field and a policy change mid-way cannot break it. A seed that
 * no longer opens (its key left the ring) is replaced by a fresh one, and {@link #restarted} tells the page to say so.
 */
final class PendingEnrolment {

    private static final String SEED_NOTE = "ciamkit.otp.pending.seed";
    private static final String POLICY_NOTE = "ciamkit.otp.pending.policy";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(PendingEnrolment.class);

    final byte[] seed;
    final OtpPolicy policy;
    /** True when the stored seed could not be opened and this one is new: the key the user saw is gone. */
    final boolean restarted;

    private PendingEnrolment(byte[] seed, OtpPolicy policy, boolean restarted) {
        this.seed = seed;
        this.policy = policy;
        this.restarted = restarted;
    }

    static PendingEnrolment loadOrCreate(KeycloakSession session, AuthenticationSessionModel auth, OtpPolicy policy) {
        EnvelopeProvider envelope = session.getProvider(EnvelopeProvider.class);
        String sealed = auth.getAuthNote(SEED_NOTE);
        String storedPolicy = auth.getAuthNote(POLICY_NOTE);
        boolean restarted = false;
        if (sealed != null && storedPolicy != null) {
            try {
                return new PendingEnrolment(envelope.open(sealed, context(auth)), decode(storedPolicy), false);
            } catch (CryptoException e) {
                LOG.warnf(
                        "CIAM Kit: a pending enrolment's seed cannot be opened (key id %s); starting over with a new"
                                + " seed",
                        Envelope.keyIdForLog(sealed));
                clear(session, auth);
                restarted = true;
            }
        }
        byte[] seed = new byte[seedBytes(policy)];
        RANDOM.nextBytes(seed);
        auth.setAuthNote(SEED_NOTE, envelope.seal(seed, context(auth)));
        auth.setAuthNote(POLICY_NOTE, encode(policy));
        return new PendingEnrolment(seed, policy, restarted);
    }

    /** Ends the pending enrolment, whichever way: its seed and the link that carries it both go. */
    static void clear(KeycloakSession session, AuthenticationSessionModel auth) {
        EnrolmentLinks.revoke(session, auth);
        auth.removeAuthNote(SEED_NOTE);
        auth.removeAuthNote(POLICY_NOTE);
    }

    /** At least 160 bits; as long as the hash output for SHA-256 and SHA-512 (RFC 4226 section 4, RFC 6238). */
    static int seedBytes(OtpPolicy policy) {
        return switch (policy.algorithm()) {
            case SHA1 -> 20;
            case SHA256 -> 32;
            case SHA512 -> 64;
        };
    }

    static String encode(OtpPolicy policy) {
        return policy.type() + ":" + policy.algorithm() + ":" + policy.digits() + ":" + policy.period();
    }

    static OtpPolicy decode(String value) {
        String[] parts = value.split(":");
        return new OtpPolicy(
                OtpType.valueOf(parts[0]),
                OtpAlgorithm.valueOf(parts[1]),
                Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]));
    }

    private static String context(AuthenticationSessionModel auth) {
        return "ciamkit-otp-pending:" + auth.getParentSession().getId() + ":" + auth.getTabId();
    }
}
