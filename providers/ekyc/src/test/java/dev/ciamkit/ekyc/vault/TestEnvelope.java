package dev.ciamkit.ekyc.vault;

import dev.ciamkit.common.crypto.IdentifierHasher;
import dev.ciamkit.common.crypto.KeyMaterial;
import dev.ciamkit.common.crypto.KeyRing;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.common.crypto.spi.KeyMaterialEnvelopeProvider;
import java.security.SecureRandom;
import java.util.Map;

/** The common envelope and hasher with random test keys, as the server's provider gives them. */
public final class TestEnvelope {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestEnvelope() {}

    public static EnvelopeProvider create() {
        return KeyMaterialEnvelopeProvider.of(new KeyMaterial(
                KeyRing.of(Map.of("k1", key()), "k1", "AES"),
                KeyRing.of(Map.of("p1", key()), "p1", IdentifierHasher.ALGORITHM)));
    }

    private static byte[] key() {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }
}
