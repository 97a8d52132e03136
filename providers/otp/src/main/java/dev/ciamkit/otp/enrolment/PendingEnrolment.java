package dev.ciamkit.otp.enrolment;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.otp.engine.OtpAlgorithm;
import dev.ciamkit.otp.engine.OtpPolicy;
import dev.ciamkit.otp.engine.OtpType;
import java.security.SecureRandom;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A seed offered to the user but not yet confirmed with a code. It lives in the authentication session, sealed, with
 * the policy it was made for, so it never reaches a form field and a policy change mid-way cannot break it.
 */
final class PendingEnrolment {

    private static final String SEED_NOTE = "ciamkit.otp.pending.seed";
    private static final String POLICY_NOTE = "ciamkit.otp.pending.policy";
    private static final SecureRandom RANDOM = new SecureRandom();

    final byte[] seed;
    final OtpPolicy policy;

    private PendingEnrolment(byte[] seed, OtpPolicy policy) {
        this.seed = seed;
        this.policy = policy;
    }

    static PendingEnrolment loadOrCreate(KeycloakSession session, AuthenticationSessionModel auth, OtpPolicy policy) {
        EnvelopeProvider envelope = session.getProvider(EnvelopeProvider.class);
        String sealed = auth.getAuthNote(SEED_NOTE);
        String storedPolicy = auth.getAuthNote(POLICY_NOTE);
        if (sealed != null && storedPolicy != null) {
            return new PendingEnrolment(envelope.open(sealed, context(auth)), decode(storedPolicy));
        }
        byte[] seed = new byte[seedBytes(policy)];
        RANDOM.nextBytes(seed);
        auth.setAuthNote(SEED_NOTE, envelope.seal(seed, context(auth)));
        auth.setAuthNote(POLICY_NOTE, encode(policy));
        return new PendingEnrolment(seed, policy);
    }

    static void clear(AuthenticationSessionModel auth) {
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
