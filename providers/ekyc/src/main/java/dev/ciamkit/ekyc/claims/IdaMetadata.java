package dev.ciamkit.ekyc.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.RealmModel;

/**
 * The OpenID provider metadata of OpenID Connect for Identity Assurance 1.0 (section 8) for one realm: advertised only
 * when a client scope of the realm carries the {@code ciamkit-verified-claims} mapper, with the trust frameworks those
 * mappers are set to. {@code verified_claims_supported} is not in the final specification but was required by its
 * drafts and is still what many relying parties look for.
 */
final class IdaMetadata {

    static final String VERIFIED_CLAIMS_SUPPORTED = "verified_claims_supported";
    static final String TRUST_FRAMEWORKS_SUPPORTED = "trust_frameworks_supported";
    static final String EVIDENCE_SUPPORTED = "evidence_supported";
    static final String DOCUMENTS_SUPPORTED = "documents_supported";
    static final String DOCUMENTS_CHECK_METHODS_SUPPORTED = "documents_check_methods_supported";
    static final String ELECTRONIC_RECORDS_SUPPORTED = "electronic_records_supported";
    static final String CLAIMS_IN_VERIFIED_CLAIMS_SUPPORTED = "claims_in_verified_claims_supported";

    private IdaMetadata() {}

    /** The fields to add, in the specification's order; empty when the realm does not issue verified_claims. */
    static Map<String, Object> of(RealmModel realm) {
        List<String> trustFrameworks = realm.getClientScopesStream()
                .flatMap(scope -> scope.getProtocolMappersStream())
                .filter(mapper -> VerifiedClaimsMapper.PROVIDER_ID.equals(mapper.getProtocolMapper()))
                .map(VerifiedClaimsMapperConfig::trustFramework)
                .distinct()
                .sorted()
                .toList();
        if (trustFrameworks.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(VERIFIED_CLAIMS_SUPPORTED, Boolean.TRUE);
        fields.put(TRUST_FRAMEWORKS_SUPPORTED, trustFrameworks);
        fields.put(CLAIMS_IN_VERIFIED_CLAIMS_SUPPORTED, IdaVocabulary.CLAIMS_SUPPORTED);
        fields.put(EVIDENCE_SUPPORTED, IdaVocabulary.EVIDENCE_SUPPORTED);
        fields.put(DOCUMENTS_SUPPORTED, IdaVocabulary.documentsSupported());
        fields.put(DOCUMENTS_CHECK_METHODS_SUPPORTED, IdaVocabulary.DOCUMENT_CHECK_METHODS);
        fields.put(ELECTRONIC_RECORDS_SUPPORTED, IdaVocabulary.RECORDS_SUPPORTED);
        return fields;
    }
}
