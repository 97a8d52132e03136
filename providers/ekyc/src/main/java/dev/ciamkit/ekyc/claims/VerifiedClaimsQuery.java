package dev.ciamkit.ekyc.claims;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One requested {@code verified_claims} object, read from the {@code claims} parameter.
 *
 * @param trustFramework the restriction on {@code verification.trust_framework} (always returned: it is required)
 * @param time whether {@code verification.time} was requested
 * @param maxAgeSeconds {@code verification.time.max_age}: older verifications are not returned at all
 * @param evidence the evidence filters; empty when {@code evidence} was not requested
 * @param claims the requested claims and their restrictions; empty optional for {@code "claims": null} (all we
 *     support)
 */
record VerifiedClaimsQuery(
        ValueFilter trustFramework,
        boolean time,
        OptionalLong maxAgeSeconds,
        Optional<List<EvidenceRequest>> evidence,
        Optional<Map<String, ValueFilter>> claims) {

    /** What {@code "verified_claims": null} asks for: every verification element and every claim we support. */
    static final VerifiedClaimsQuery EVERYTHING = new VerifiedClaimsQuery(
            ValueFilter.ANY,
            true,
            OptionalLong.empty(),
            Optional.of(List.of(EvidenceRequest.EVERYTHING)),
            Optional.empty());

    VerifiedClaimsQuery {
        evidence = evidence.map(List::copyOf);
        claims = claims.map(Map::copyOf);
    }
}
