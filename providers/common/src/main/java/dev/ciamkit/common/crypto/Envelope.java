package dev.ciamkit.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM envelope for data at rest. A sealed value reads {@code ck1.<keyId>.<base64url(iv | ciphertext | tag)>}:
 * the key id travels with the ciphertext so that old values still open after rotation. The version, the key id and a
 * caller-chosen context (for example {@code otp-seed:<credentialId>}) are authenticated, so a value copied to another
 * user's row or re-labelled with another key id does not open.
 */
public final class Envelope {

    public static final String VERSION = "ck1";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final KeyRing keys;
    private final SecureRandom random;

    public Envelope(KeyRing keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    public String seal(byte[] plaintext, String context) {
        String keyId = keys.currentId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, keys.current(), iv, keyId, context, plaintext);
        byte[] body = ByteBuffer.allocate(iv.length + ciphertext.length)
                .put(iv)
                .put(ciphertext)
                .array();
        return VERSION + '.' + keyId + '.' + ENCODER.encodeToString(body);
    }

    public byte[] open(String sealed, String context) {
        Parsed parsed = parse(sealed);
        SecretKey key = keys.find(parsed.keyId())
                .orElseThrow(() -> new CryptoException("sealed value names key id '" + parsed.keyId()
                        + "', which is not in the key ring " + keys.ids()));
        ByteBuffer body = ByteBuffer.wrap(parsed.body());
        byte[] iv = new byte[IV_BYTES];
        body.get(iv);
        byte[] ciphertext = new byte[body.remaining()];
        body.get(ciphertext);
        return crypt(Cipher.DECRYPT_MODE, key, iv, parsed.keyId(), context, ciphertext);
    }

    /** True when the value was sealed with a key other than the current one and should be sealed again. */
    public boolean needsRewrap(String sealed) {
        return !parse(sealed).keyId().equals(keys.currentId());
    }

    /** The key id a sealed value names, without opening it. */
    public static String keyIdOf(String sealed) {
        return parse(sealed).keyId();
    }

    /**
     * The key id for a log line about a value that did not open: never the value, and never an exception, whatever
     * the input.
     */
    public static String keyIdForLog(String sealed) {
        try {
            return keyIdOf(sealed);
        } catch (CryptoException e) {
            return "(not a " + VERSION + " value)";
        }
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, String keyId, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(keyId, context));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new CryptoException(
                    "sealed value failed authentication (tampered, wrong key or wrong context) for key id '" + keyId
                            + "'");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM is not usable with key id '" + keyId + "'", e);
        }
    }

    private static byte[] associatedData(String keyId, String context) {
        return (VERSION + '\0' + keyId + '\0' + (context == null ? "" : context)).getBytes(StandardCharsets.UTF_8);
    }

    private static Parsed parse(String sealed) {
        if (sealed == null) {
            throw new CryptoException("no sealed value");
        }
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3
                || !VERSION.equals(parts[0])
                || !KeyRing.KEY_ID.matcher(parts[1]).matches()) {
            throw new CryptoException("not a sealed value of format " + VERSION);
        }
        byte[] body;
        try {
            body = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("sealed value body is not base64url");
        }
        if (body.length < IV_BYTES + TAG_BITS / 8) {
            throw new CryptoException("sealed value is too short");
        }
        return new Parsed(parts[1], body);
    }

    private record Parsed(String keyId, byte[] body) {}
}
