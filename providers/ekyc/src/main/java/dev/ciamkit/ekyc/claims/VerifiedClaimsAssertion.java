package dev.ciamkit.ekyc.claims;

import static dev.ciamkit.ekyc.claims.IdaVocabulary.CHECK_DETAILS;
import static dev.ciamkit.ekyc.claims.IdaVocabulary.CHECK_METHOD;
import static dev.ciamkit.ekyc.claims.IdaVocabulary.CLAIMS;
import static dev.ciamkit.ekyc.claims.IdaVocabulary.DOCUMENT_DETAILS;
import static dev.ciamkit.ekyc.claims.IdaVocabulary.EVIDENCE;
import static dev.ciamkit.ekyc.claims.IdaVocabulary.RECORD;
import static dev.ciamkit.ekyc.claims.IdaVocabulary.TIME;
import static dev.ciamkit.ekyc.claims.IdaVocabulary.TRUST_FRAMEWORK;
import static dev.ciamkit.ekyc.claims.IdaVocabulary.TYPE;
import static dev.ciamkit.ekyc.claims.IdaVocabulary.VERIFICATION;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a {@link VerifiedClaimsRequest} from a {@link VerifiedIdentity}, by the rules of OpenID Connect for Identity
 * Assurance 1.0 section 5.7: only what was requested; a verification that does not meet a restriction on
 * {@code verification} (trust framework, {@code max_age}, evidence filters) drops the whole object; a claim that does
 * not meet its own restriction drops only that claim. The result is plain maps and lists, ready for a token.
 */
final class VerifiedClaimsAssertion {

    private VerifiedClaimsAssertion() {}

    static Optional<Object> answer(VerifiedClaimsRequest request, VerifiedIdentity identity, Instant now) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (VerifiedClaimsQuery query : request.queries()) {
            answer(query, identity, now).ifPresent(answers::add);
        }
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(request.asArray() ? List.copyOf(answers) : answers.get(0));
    }

    static Optional<Map<String, Object>> answer(VerifiedClaimsQuery query, VerifiedIdentity identity, Instant now) {
        if (!query.trustFramework().accepts(identity.trustFramework())) {
            return Optional.empty();
        }
        if (query.maxAgeSeconds().isPresent()
                && Duration.between(identity.verifiedAt(), now).getSeconds()
                        > query.maxAgeSeconds().getAsLong()) {
            return Optional.empty();
        }
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put(TRUST_FRAMEWORK, identity.trustFramework());
        if (query.time()) {
            verification.put(TIME, iso(identity.verifiedAt()));
        }
        if (query.evidence().isPresent()) {
            List<Map<String, Object>> evidence = evidence(query.evidence().get(), identity.evidence());
            if (evidence.isEmpty()) {
                return Optional.empty();
            }
            verification.put(EVIDENCE, evidence);
        }
        Map<String, Object> verified = new LinkedHashMap<>();
        verified.put(VERIFICATION, verification);
        verified.put(CLAIMS, claims(query, identity));
        return Optional.of(verified);
    }

    private static Map<String, Object> claims(VerifiedClaimsQuery query, VerifiedIdentity identity) {
        Map<String, Object> claims = new LinkedHashMap<>();
        identity.claimValues().forEach((name, value) -> {
            boolean wanted = query.claims()
                    .map(requested ->
                            requested.containsKey(name) && requested.get(name).accepts(value))
                    .orElse(true);
            if (wanted) {
                claims.put(name, value);
            }
        });
        return claims;
    }

    /** Each of our evidence, shaped by the first filter it passes (filters are ORed); those passing none are left out. */
    private static List<Map<String, Object>> evidence(List<EvidenceRequest> filters, List<Evidence> evidence) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Evidence e : evidence) {
            for (EvidenceRequest filter : filters) {
                Optional<Map<String, Object>> match = shape(filter, e);
                if (match.isPresent()) {
                    shown.add(match.get());
                    break;
                }
            }
        }
        return shown;
    }

    private static Optional<Map<String, Object>> shape(EvidenceRequest filter, Evidence e) {
        if (filter.type().isPresent() && !filter.type().get().equals(e.type())) {
            return Optional.empty();
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(TYPE, e.type());
        if (filter.checkDetails().isPresent()) {
            ValueFilter methods = filter.checkDetails().get();
            List<Map<String, Object>> checks = e.checkMethods().stream()
                    .filter(methods::accepts)
                    .map(m -> Map.<String, Object>of(CHECK_METHOD, m))
                    .toList();
            if (checks.isEmpty()) {
                return Optional.empty();
            }
            shown.put(CHECK_DETAILS, checks);
        }
        if (!detail(filter.documentDetails(), e.documentType(), DOCUMENT_DETAILS, shown)
                || !detail(filter.record(), e.recordType(), RECORD, shown)) {
            return Optional.empty();
        }
        return Optional.of(shown);
    }

    /** Adds {@code {"type": ...}} under {@code name} when requested; false when its restriction is not met. */
    private static boolean detail(
            Optional<ValueFilter> requested, Optional<String> type, String name, Map<String, Object> shown) {
        if (requested.isEmpty()) {
            return true;
        }
        if (type.isEmpty()) {
            return !requested.get().restricts();
        }
        if (!requested.get().accepts(type.get())) {
            return false;
        }
        shown.put(name, Map.of(TYPE, type.get()));
        return true;
    }

    /** ISO 8601 in UTC to the second (the specification's privacy advice: no local time zone). */
    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
