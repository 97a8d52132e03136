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
import static dev.ciamkit.ekyc.claims.IdaVocabulary.VERIFIED_CLAIMS;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code verified_claims} a client asked for in the {@code claims} authorization request parameter (OpenID Connect
 * Core 5.5; OpenID Connect for Identity Assurance 1.0, section 5): one object, or an array of objects each answered on
 * its own. Anything that is not that shape reads as "not requested"; parsing never throws.
 *
 * @param asArray whether the client sent an array (the answer is then an array too)
 */
record VerifiedClaimsRequest(List<VerifiedClaimsQuery> queries, boolean asArray) {

    /** Where in the {@code claims} parameter a token looks. */
    enum Target {
        ID_TOKEN("id_token"),
        USERINFO("userinfo");

        private final String member;

        Target(String member) {
            this.member = member;
        }
    }

    private static final int MAX_QUERIES = 8;
    private static final int MAX_EVIDENCE_FILTERS = 8;
    private static final int MAX_CLAIMS = 32;

    /** Shallow, short input only: the parameter comes from the client, through Keycloak's size limits. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxStringLength(4096)
                    .build())
            .build());

    VerifiedClaimsRequest {
        queries = List.copyOf(queries);
    }

    static Optional<VerifiedClaimsRequest> read(String claimsParameter, Target target) {
        if (claimsParameter == null || claimsParameter.isBlank()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(claimsParameter);
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !root.path(target.member).isObject()) {
            return Optional.empty();
        }
        JsonNode requested = root.path(target.member).get(VERIFIED_CLAIMS);
        if (requested == null) {
            return Optional.empty();
        }
        if (requested.isArray()) {
            List<VerifiedClaimsQuery> queries = new ArrayList<>();
            for (int i = 0; i < Math.min(requested.size(), MAX_QUERIES); i++) {
                query(requested.get(i)).ifPresent(queries::add);
            }
            return queries.isEmpty() ? Optional.empty() : Optional.of(new VerifiedClaimsRequest(queries, true));
        }
        return query(requested).map(q -> new VerifiedClaimsRequest(List.of(q), false));
    }

    private static Optional<VerifiedClaimsQuery> query(JsonNode node) {
        if (node.isNull()) {
            return Optional.of(VerifiedClaimsQuery.EVERYTHING);
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode verification = node.get(VERIFICATION);
        if (verification != null && verification.isNull()) {
            return claims(node.get(CLAIMS))
                    .map(c -> new VerifiedClaimsQuery(
                            ValueFilter.ANY,
                            true,
                            OptionalLong.empty(),
                            Optional.of(List.of(EvidenceRequest.EVERYTHING)),
                            c));
        }
        if (verification != null && !verification.isObject()) {
            return Optional.empty();
        }
        JsonNode v = verification == null ? JSON.createObjectNode() : verification;
        JsonNode time = v.get(TIME);
        return claims(node.get(CLAIMS))
                .map(c -> new VerifiedClaimsQuery(
                        ValueFilter.of(v.get(TRUST_FRAMEWORK)), time != null, maxAge(time), evidence(v), c));
    }

    /** Empty optional inside: all claims ({@code null}); an absent {@code claims} asks for none. */
    private static Optional<Optional<Map<String, ValueFilter>>> claims(JsonNode node) {
        if (node != null && node.isNull()) {
            return Optional.of(Optional.empty());
        }
        if (node != null && !node.isObject()) {
            return Optional.empty();
        }
        Map<String, ValueFilter> claims = new LinkedHashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> {
                if (claims.size() < MAX_CLAIMS) {
                    claims.put(e.getKey(), ValueFilter.of(e.getValue()));
                }
            });
        }
        return Optional.of(Optional.of(claims));
    }

    private static OptionalLong maxAge(JsonNode time) {
        JsonNode maxAge = time == null ? null : time.get("max_age");
        if (maxAge == null || !maxAge.canConvertToLong()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, maxAge.asLong()));
    }

    private static Optional<List<EvidenceRequest>> evidence(JsonNode verification) {
        JsonNode evidence = verification.get(EVIDENCE);
        if (evidence == null) {
            return Optional.empty();
        }
        if (!evidence.isArray()) {
            return Optional.of(List.of(EvidenceRequest.EVERYTHING));
        }
        List<EvidenceRequest> filters = new ArrayList<>();
        for (int i = 0; i < Math.min(evidence.size(), MAX_EVIDENCE_FILTERS); i++) {
            JsonNode item = evidence.get(i);
            filters.add(item.isObject() ? evidenceFilter(item) : EvidenceRequest.EVERYTHING);
        }
        return Optional.of(filters);
    }

    private static EvidenceRequest evidenceFilter(JsonNode item) {
        JsonNode type = item.path(TYPE).get("value");
        return new EvidenceRequest(
                Optional.ofNullable(type).map(t -> t.isTextual() ? t.asText() : ""),
                element(item, CHECK_DETAILS, CHECK_METHOD),
                element(item, DOCUMENT_DETAILS, TYPE),
                element(item, RECORD, TYPE));
    }

    /**
     * A requested sub-element and the restriction on its {@code field}: {@code check_details} may be an array of
     * templates (OR of their restrictions) or one object.
     */
    private static Optional<ValueFilter> element(JsonNode item, String name, String field) {
        JsonNode element = item.get(name);
        if (element == null) {
            return Optional.empty();
        }
        if (element.isArray()) {
            Set<String> allowed = new HashSet<>();
            for (JsonNode template : element) {
                ValueFilter f = ValueFilter.of(template.get(field));
                if (!f.restricts()) {
                    return Optional.of(ValueFilter.ANY);
                }
                allowed.addAll(f.allowed().orElseThrow());
            }
            return Optional.of(element.isEmpty() ? ValueFilter.ANY : new ValueFilter(Optional.of(allowed)));
        }
        return Optional.of(ValueFilter.of(element.get(field)));
    }
}
