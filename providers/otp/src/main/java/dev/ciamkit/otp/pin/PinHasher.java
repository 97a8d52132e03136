package dev.ciamkit.otp.pin;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Hashes and checks PINs. A 6-digit PIN has 10^6 values: an Argon2 hash of the PIN alone would fall to anyone holding
 * a database dump in minutes. So the hash is taken over a keyed input, the PIN's HMAC-SHA256 under a pepper that lives
 * in the key file or vault, never in the database ({@link EnvelopeProvider#hashIdentifier}, bound to the user); a dump
 * alone cannot test a single guess. The slow part is Keycloak's own {@code argon2} password-hash provider, whatever
 * the realm's password policy says.
 *
 * <p>Every call costs exactly one Argon2 computation, also when there is nothing to check ({@link #spend}), so the
 * time of an answer does not tell whether a PIN exists or matched.
 */
public final class PinHasher {

    static final String HASH_PROVIDER = "argon2";

    private final KeycloakSession session;

    public PinHasher(KeycloakSession session) {
        this.session = session;
    }

    /** A new credential for the PIN, hashed with a fresh salt (Keycloak's, from SecureRandom). */
    public PinCredentialModel hash(String userId, String pin, long createdMillis) {
        String keyed = envelope().hashIdentifier(purpose(userId), pin);
        PasswordCredentialModel hashed = argon2().encodedCredential(keyed, -1);
        PinData data = new PinData(pin.length(), pepperId(keyed), hashed.getCredentialData());
        return PinCredentialModel.create(data, hashed, createdMillis);
    }

    /**
     * Whether the typed value is the stored PIN. Throws {@link IllegalStateException} when the PIN's pepper is no
     * longer in the ring: no PIN was checked, and the caller says so without counting it against the user.
     */
    public boolean matches(String userId, PinCredentialModel stored, String typed) {
        String prefix = "h1." + stored.data().pepper() + ".";
        String keyed = envelope().identifierCandidates(purpose(userId), typed == null ? "" : typed).stream()
                .filter(candidate -> candidate.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("pepper "
                        + stored.data().pepper() + " of PIN credential " + stored.getId() + " is not in the ring"));
        return argon2().verify(keyed, stored.hashed());
    }

    /** The work of one check with nothing to check it against (no PIN set): one Argon2 computation. */
    public void spend(String userId, String typed) {
        argon2().encodedCredential(envelope().hashIdentifier(purpose(userId), typed == null ? "" : typed), -1);
    }

    /** The HMAC purpose: a PIN's keyed input differs per user, so equal PINs never hash alike. */
    static String purpose(String userId) {
        return "ciamkit-pin:" + userId;
    }

    private static String pepperId(String keyed) {
        String[] parts = keyed.split("\\.", 3);
        if (parts.length != 3) {
            throw new IllegalStateException("unexpected identifier hash format");
        }
        return parts[1];
    }

    private EnvelopeProvider envelope() {
        return session.getProvider(EnvelopeProvider.class);
    }

    private PasswordHashProvider argon2() {
        PasswordHashProvider provider = session.getProvider(PasswordHashProvider.class, HASH_PROVIDER);
        if (provider == null) {
            throw new IllegalStateException("Keycloak's argon2 password-hash provider is not available");
        }
        return provider;
    }
}
