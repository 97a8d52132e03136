package dev.ciamkit.common.crypto;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

final class TestKeys {

    static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {}

    static byte[] random32() {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    static KeyRing aes(String current, Map<String, byte[]> keys) {
        return KeyRing.of(new LinkedHashMap<>(keys), current, "AES");
    }

    static KeyRing aes(String id) {
        return aes(id, Map.of(id, random32()));
    }
}
