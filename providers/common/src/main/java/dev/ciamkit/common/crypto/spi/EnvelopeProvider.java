package dev.ciamkit.common.crypto.spi;

import java.util.List;
import org.keycloak.provider.Provider;

/**
 * Seals and opens secrets at rest and hashes identifiers that are only compared. Obtain it with
 * {@code session.getProvider(EnvelopeProvider.class)}. Implementations throw
 * {@link dev.ciamkit.common.crypto.CryptoException} with messages that are safe to log: they name key ids, never keys
 * or plaintext.
 */
public interface EnvelopeProvider extends Provider {

    /**
     * Encrypts with the current key.
     *
     * @param context binds the value to where it is stored (e.g. {@code otp-seed:<credentialId>}); the same context is
     *     needed to open it
     * @return {@code ck1.<keyId>.<base64url>}, safe to store in any text column
     */
    String seal(byte[] plaintext, String context);

    /** Decrypts a value sealed with any key still in the ring. */
    byte[] open(String sealed, String context);

    /** True when the value names a key other than the current one, so a writer should seal it again. */
    boolean needsRewrap(String sealed);

    /** HMAC-SHA256 with the current pepper: {@code h1.<pepperId>.<base64url>}. */
    String hashIdentifier(String purpose, String value);

    /** Constant-time comparison against a stored hash, whichever pepper made it. */
    boolean identifierMatches(String storedHash, String purpose, String value);

    /** The value's hash under every pepper, current first, for database lookups across a pepper rotation. */
    List<String> identifierCandidates(String purpose, String value);

    @Override
    default void close() {}
}
