package dev.ciamkit.ekyc.claims;

import java.util.Optional;

/**
 * One member of the requested {@code verification.evidence} array: a filter over our evidence and a template of
 * what to show of it. An empty optional means the sub-element was not requested (and is not shown); a present one
 * holds the restriction on its {@code check_method} or {@code type}.
 */
record EvidenceRequest(
        Optional<String> type,
        Optional<ValueFilter> checkDetails,
        Optional<ValueFilter> documentDetails,
        Optional<ValueFilter> record) {

    /** What {@code "evidence": null} asks for: every evidence, with every element we have (none of them PII). */
    static final EvidenceRequest EVERYTHING = new EvidenceRequest(
            Optional.empty(), Optional.of(ValueFilter.ANY), Optional.of(ValueFilter.ANY), Optional.of(ValueFilter.ANY));

    EvidenceRequest {
        type = type == null ? Optional.empty() : type;
        checkDetails = checkDetails == null ? Optional.empty() : checkDetails;
        documentDetails = documentDetails == null ? Optional.empty() : documentDetails;
        record = record == null ? Optional.empty() : record;
    }
}
