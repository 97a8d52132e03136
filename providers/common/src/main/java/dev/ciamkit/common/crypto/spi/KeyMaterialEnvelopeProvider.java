package dev.ciamkit.common.crypto.spi;

import dev.ciamkit.common.crypto.Envelope;
import dev.ciamkit.common.crypto.IdentifierHasher;
import dev.ciamkit.common.crypto.KeyMaterial;
import java.security.SecureRandom;
import java.util.List;

/** The one implementation: both factories only differ in where the {@link KeyMaterial} comes from. */
public final class KeyMaterialEnvelopeProvider implements EnvelopeProvider {

    private final Envelope envelope;
    private final IdentifierHasher hasher;

    KeyMaterialEnvelopeProvider(KeyMaterial keys, SecureRandom random) {
        this.envelope = keys.envelope(random);
        this.hasher = keys.identifierHasher();
    }

    /** The provider over these keys, as the factories build it (also for other modules' tests). */
    public static EnvelopeProvider of(KeyMaterial keys) {
        return new KeyMaterialEnvelopeProvider(keys, new SecureRandom());
    }

    @Override
    public String seal(byte[] plaintext, String context) {
        return envelope.seal(plaintext, context);
    }

    @Override
    public byte[] open(String sealed, String context) {
        return envelope.open(sealed, context);
    }

    @Override
    public boolean needsRewrap(String sealed) {
        return envelope.needsRewrap(sealed);
    }

    @Override
    public String hashIdentifier(String purpose, String value) {
        return hasher.hash(purpose, value);
    }

    @Override
    public boolean identifierMatches(String storedHash, String purpose, String value) {
        return hasher.matches(storedHash, purpose, value);
    }

    @Override
    public List<String> identifierCandidates(String purpose, String value) {
        return hasher.candidates(purpose, value);
    }
}
