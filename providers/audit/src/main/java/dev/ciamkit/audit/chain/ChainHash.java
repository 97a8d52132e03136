package dev.ciamkit.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A record's link: {@code hash = hex(SHA-256(prevHash "\n" seq "\n" realmId "\n" body))}, the first record of a chain
 * after {@link #GENESIS}. Its MAC is the common identifier HMAC of that hash under purpose {@value #MAC_PURPOSE}
 * ({@code h1.<keyId>.<base64url>}, the key outside the database, rotated like every pepper): whoever can write the
 * table cannot forge a chain without the key.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);
    public static final String MAC_PURPOSE = "ciamkit-audit-chain";

    private ChainHash() {}

    public static String hash(String prevHash, long seq, String realmId, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(realmId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
