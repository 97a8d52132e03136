package dev.ciamkit.ekyc.claims;

import dev.ciamkit.ekyc.vault.VerifiedClaims;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a token may say about the user's current verification: the trust framework it was done under, when, with
 * what evidence, and the verified names and birth date. Built for one token and dropped; never logged.
 */
record VerifiedIdentity(String trustFramework, Instant verifiedAt, List<Evidence> evidence, VerifiedClaims claims) {

    VerifiedIdentity {
        Objects.requireNonNull(trustFramework, "trustFramework");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(claims, "claims");
    }

    /** The claims we can put in {@code verified_claims.claims}, by their OpenID Connect names. */
    Map<String, String> claimValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(IdaVocabulary.GIVEN_NAME, claims.givenName());
        values.put(IdaVocabulary.FAMILY_NAME, claims.familyName());
        values.put(IdaVocabulary.BIRTHDATE, claims.birthDate().toString());
        return values;
    }

    @Override
    public String toString() {
        return "VerifiedIdentity[" + trustFramework + ", " + verifiedAt + ", (claims withheld)]";
    }
}
