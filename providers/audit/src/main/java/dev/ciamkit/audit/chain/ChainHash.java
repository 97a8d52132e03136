package dev.ciamkit.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A record's link: {@code hash = hex(SHA-256(prevHash "\n" seq "\n" realmId "\n" columns "\n" body))}, the first
 * record of a chain after {@link #GENESIS}; {@code columns} are the indexed columns a SIEM and the admin read beside the
 * body (id, time, kind, type, outcome, user, client, address, error), so none of them can be edited either, and a
 * copy of a record under another id is another record. Its MAC is the common identifier HMAC of that hash under purpose {@value #MAC_PURPOSE}
 * ({@code h1.<keyId>.<base64url>}, the key outside the database, rotated like every pepper): whoever can write the
 * table cannot forge a chain without the key.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);
    public static final String MAC_PURPOSE = "ciamkit-audit-chain";
    /** Purpose of the MAC the writer sets at insertion, which the linker checks before it links a record. */
    public static final String INSERT_PURPOSE = "ciamkit-audit-insert";

    private ChainHash() {}

    /**
     * The indexed columns as one unambiguous string: each value length-prefixed, {@code ~} for null.
     */
    public static String columns(
            String id,
            long createdAt,
            String kind,
            String type,
            String outcome,
            String userId,
            String clientId,
            String ipAddress,
            String error) {
        StringBuilder out = new StringBuilder().append(createdAt);
        for (String value : new String[] {id, kind, type, outcome, userId, clientId, ipAddress, error}) {
            out.append('|');
            if (value == null) {
                out.append('~');
            } else {
                out.append(value.length()).append(':').append(value);
            }
        }
        return out.toString();
    }

    /** What the insertion MAC covers: the record's id, realm, columns and body. */
    public static String insertInput(String id, String realmId, String columns, String body) {
        return id + '\n' + realmId + '\n' + columns + '\n' + body;
    }

    public static String hash(String prevHash, long seq, String realmId, String columns, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(realmId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(columns.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
