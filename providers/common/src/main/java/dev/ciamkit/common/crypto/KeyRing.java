package dev.ciamkit.common.crypto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Named 256-bit keys, one of which is current. New writes use the current key; every key in the ring still opens what
 * it sealed, which is what lets keys rotate without downtime. A ring may also hold a <em>next</em> key: it opens but
 * never seals, so it can reach every node of a cluster before any node starts sealing with it (two-phase rotation).
 */
public final class KeyRing {

    /** Key ids travel inside every ciphertext, so they are short and need no escaping. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String currentId;
    private final String nextId;

    private KeyRing(Map<String, SecretKey> keys, String currentId, String nextId) {
        this.keys = keys;
        this.currentId = currentId;
        this.nextId = nextId;
    }

    /**
     * @param rawKeys key id to raw key bytes (each exactly {@value #KEY_BYTES} bytes)
     * @param currentId the id new writes use; must be one of {@code rawKeys}
     * @param algorithm the JCA algorithm the keys are for, e.g. {@code AES} or {@code HmacSHA256}
     */
    public static KeyRing of(Map<String, byte[]> rawKeys, String currentId, String algorithm) {
        return of(rawKeys, currentId, null, algorithm);
    }

    /**
     * @param nextId a key that opens but does not seal yet (the first phase of a rotation), or null; must be one of
     *     {@code rawKeys} and not the current one
     */
    public static KeyRing of(Map<String, byte[]> rawKeys, String currentId, String nextId, String algorithm) {
        if (rawKeys.isEmpty()) {
            throw new CryptoException("no " + algorithm + " keys configured");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        rawKeys.forEach((id, raw) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new CryptoException("key id '" + id + "' must match " + KEY_ID.pattern());
            }
            if (raw.length != KEY_BYTES) {
                throw new CryptoException(
                        "key '" + id + "' has " + raw.length + " bytes; " + KEY_BYTES + " (256 bits) are required");
            }
            keys.put(id, new SecretKeySpec(raw, algorithm));
        });
        if (currentId == null || !keys.containsKey(currentId)) {
            throw new CryptoException("current key id '" + currentId + "' is not among the keys " + keys.keySet());
        }
        if (nextId != null && (!keys.containsKey(nextId) || nextId.equals(currentId))) {
            throw new CryptoException("next key id '" + nextId + "' must be one of the keys " + keys.keySet()
                    + " other than the current");
        }
        return new KeyRing(Collections.unmodifiableMap(keys), currentId, nextId);
    }

    public String currentId() {
        return currentId;
    }

    /** The key added as next and not yet promoted, if any. */
    public Optional<String> nextId() {
        return Optional.ofNullable(nextId);
    }

    public SecretKey current() {
        return keys.get(currentId);
    }

    public Optional<SecretKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public Set<String> ids() {
        return keys.keySet();
    }
}
