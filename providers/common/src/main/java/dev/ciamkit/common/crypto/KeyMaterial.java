package dev.ciamkit.common.crypto;

import java.security.SecureRandom;

/** The encryption keys and the identifier peppers of one installation. */
public record KeyMaterial(KeyRing envelopeKeys, KeyRing peppers) {

    public Envelope envelope(SecureRandom random) {
        return new Envelope(envelopeKeys, random);
    }

    public IdentifierHasher identifierHasher() {
        return new IdentifierHasher(peppers);
    }
}
