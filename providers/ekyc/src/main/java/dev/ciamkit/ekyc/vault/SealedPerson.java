package dev.ciamkit.ekyc.vault;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Names and birth date of a verification as one sealed JSON blob, bound to its realm and record (a blob copied to
 * another row does not open).
 */
final class SealedPerson {

    static final int MAX_SEALED = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Blob(
            @JsonProperty("f") String familyName,
            @JsonProperty("g") String givenName,
            @JsonProperty("b") String birthDate) {}

    private SealedPerson() {}

    static String context(String realmId, String recordId) {
        return "ekyc-person:" + realmId + ':' + recordId;
    }

    /** @throws IllegalArgumentException when the names are too long to store (the message names no value) */
    static String seal(EnvelopeProvider envelope, String realmId, String recordId, VerifiedPerson person) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(new Blob(
                    person.familyName(), person.givenName(), person.birthDate().toString()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the verified person could not be written", e);
        }
        String sealed = envelope.seal(json, context(realmId, recordId));
        java.util.Arrays.fill(json, (byte) 0);
        if (sealed.length() > MAX_SEALED) {
            throw new IllegalArgumentException("the verified names are too long to store");
        }
        return sealed;
    }

    /** The claims, or empty when the blob is missing, does not open or does not parse: never an exception. */
    static Optional<VerifiedClaims> open(EnvelopeProvider envelope, String realmId, String recordId, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] json = envelope.open(sealed, context(realmId, recordId));
            Blob blob = JSON.readValue(new String(json, StandardCharsets.UTF_8), Blob.class);
            return Optional.of(
                    new VerifiedClaims(blob.familyName(), blob.givenName(), LocalDate.parse(blob.birthDate())));
        } catch (Exception e) { // tampered, rotated-out key, wrong context, not our JSON: all read as absent
            return Optional.empty();
        }
    }
}
