package dev.ciamkit.ekyc.vault;

import dev.ciamkit.common.crypto.Envelope;
import dev.ciamkit.common.crypto.IdentifierHasher;
import dev.ciamkit.common.crypto.KeyRing;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/** The common envelope and hasher with random test keys, as the server's provider would give them. */
public final class TestEnvelope implements EnvelopeProvider {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Envelope envelope;
    private final IdentifierHasher hasher;

    public TestEnvelope() {
        this.envelope = new Envelope(KeyRing.of(Map.of("k1", key()), "k1", "AES"), RANDOM);
        this.hasher = new IdentifierHasher(KeyRing.of(Map.of("p1", key()), "p1", IdentifierHasher.ALGORITHM));
    }

    private static byte[] key() {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
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
