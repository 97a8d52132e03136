package dev.ciamkit.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * One-way HMAC-SHA256 of identifiers we only ever compare (resident registration number, passport number, phone
 * number for look-ups). The pepper lives with the keys, outside the database, so a stolen table cannot be brute-forced
 * offline. A hash reads {@code h1.<pepperId>.<base64url(mac)>}; lookups across a pepper rotation use
 * {@link #candidates}.
 */
public final class IdentifierHasher {

    public static final String VERSION = "h1";
    public static final String ALGORITHM = "HmacSHA256";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final KeyRing peppers;

    public IdentifierHasher(KeyRing peppers) {
        this.peppers = peppers;
    }

    /**
     * @param purpose separates identifier kinds, so the same digits as a phone number and as an account number do not
     *     hash alike
     */
    public String hash(String purpose, String value) {
        return hash(peppers.currentId(), peppers.current(), purpose, value);
    }

    /** The hash of the value under every pepper in the ring, current first: what a lookup has to search for. */
    public List<String> candidates(String purpose, String value) {
        return peppers.ids().stream()
                .sorted((a, b) -> a.equals(peppers.currentId()) ? -1 : b.equals(peppers.currentId()) ? 1 : 0)
                .map(id -> hash(id, peppers.find(id).orElseThrow(), purpose, value))
                .toList();
    }

    /** Compares in constant time; false (never an exception) for a malformed or unknown-pepper hash. */
    public boolean matches(String stored, String purpose, String value) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return false;
        }
        return peppers.find(parts[1])
                .map(pepper -> MessageDigest.isEqual(
                        hash(parts[1], pepper, purpose, value).getBytes(StandardCharsets.US_ASCII),
                        stored.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private static String hash(String pepperId, SecretKey pepper, String purpose, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(pepper);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return VERSION + '.' + pepperId + '.' + ENCODER.encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(ALGORITHM + " is not usable with pepper id '" + pepperId + "'", e);
        }
    }
}
