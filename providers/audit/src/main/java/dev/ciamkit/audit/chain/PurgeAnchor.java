package dev.ciamkit.audit.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a purge record (kind {@value #KIND}) vouches for: the records numbered up to {@code throughSeq} were removed
 * by the retention purge, the last of them had the hash {@code throughHash}. The purge record is itself linked and
 * MACed, so its anchor cannot be changed without the chain showing it; the verifier starts the chain right after it.
 *
 * @param throughSeq the number of the last purged record
 * @param throughHash that record's hash: the first remaining record's {@code prevHash}
 * @param count how many records this purge removed
 * @param cutoff epoch milliseconds: every purged record was written before it
 */
public record PurgeAnchor(long throughSeq, String throughHash, long count, long cutoff) {

    public static final String KIND = "PURGE";
    public static final String THROUGH_SEQ = "purgedThroughSeq";
    public static final String THROUGH_HASH = "purgedThroughHash";
    public static final String COUNT = "purgedCount";
    public static final String CUTOFF = "cutoff";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    // loaded only when a chain has a purge record: the command-line tool needs Jackson on its class path only then
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The anchor a purge record's body names, or empty when it names none that could be one. */
    public static Optional<PurgeAnchor> parse(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (node == null
                || !node.path(THROUGH_SEQ).canConvertToExactIntegral()
                || !node.path(THROUGH_HASH).isTextual()) {
            return Optional.empty();
        }
        long seq = node.path(THROUGH_SEQ).asLong();
        String hash = node.path(THROUGH_HASH).asText();
        if (seq < 1 || !HEX64.matcher(hash).matches()) {
            return Optional.empty();
        }
        return Optional.of(new PurgeAnchor(
                seq, hash, node.path(COUNT).asLong(), node.path(CUTOFF).asLong()));
    }
}
