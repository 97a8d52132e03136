package dev.ciamkit.ekyc.step;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An envelope that does not encrypt: the sealed form is the context and the plaintext in base64, and it opens only
 * with the same context, as the real one binds each value to where it is kept.
 */
final class IdentityEnvelope implements EnvelopeProvider {

    @Override
    public String seal(byte[] plaintext, String context) {
        return "id." + encode(context.getBytes(StandardCharsets.UTF_8)) + "." + encode(plaintext);
    }

    @Override
    public byte[] open(String sealed, String context) {
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals("id")) {
            throw new IllegalArgumentException("not sealed here");
        }
        if (!new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).equals(context)) {
            throw new IllegalArgumentException("sealed for another context");
        }
        return Base64.getUrlDecoder().decode(parts[2]);
    }

    @Override
    public boolean needsRewrap(String sealed) {
        return false;
    }

    @Override
    public String hashIdentifier(String purpose, String value) {
        return "h." + purpose + "." + value;
    }

    @Override
    public boolean identifierMatches(String storedHash, String purpose, String value) {
        return storedHash.equals(hashIdentifier(purpose, value));
    }

    @Override
    public List<String> identifierCandidates(String purpose, String value) {
        return List.of(hashIdentifier(purpose, value));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
