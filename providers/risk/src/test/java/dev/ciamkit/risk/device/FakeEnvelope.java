package dev.ciamkit.risk.device;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A real HMAC over two fixed peppers, so tests see what the envelope does: purpose-bound, rotation-tolerant hashes. */
final class FakeEnvelope implements EnvelopeProvider {

    private static final Map<String, byte[]> PEPPERS = Map.of(
            "p1", "pepper-one-for-tests-only-000000".getBytes(StandardCharsets.US_ASCII),
            "p2", "pepper-two-for-tests-only-000000".getBytes(StandardCharsets.US_ASCII));

    private final String current;

    FakeEnvelope(String current) {
        this.current = current;
    }

    FakeEnvelope() {
        this("p1");
    }

    @Override
    public String hashIdentifier(String purpose, String value) {
        return hash(current, purpose, value);
    }

    @Override
    public boolean identifierMatches(String storedHash, String purpose, String value) {
        if (storedHash == null) {
            return false;
        }
        String[] parts = storedHash.split("\\.", -1);
        if (parts.length != 3 || !"h1".equals(parts[0]) || !PEPPERS.containsKey(parts[1])) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(parts[1], purpose, value).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public List<String> identifierCandidates(String purpose, String value) {
        return List.of(hash(current, purpose, value));
    }

    @Override
    public String seal(byte[] plaintext, String context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] open(String sealed, String context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean needsRewrap(String sealed) {
        return false;
    }

    private static String hash(String pepperId, String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PEPPERS.get(pepperId), "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] out = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return "h1." + pepperId + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
