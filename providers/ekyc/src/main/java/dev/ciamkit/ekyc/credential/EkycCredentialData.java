package dev.ciamkit.ekyc.credential;

import java.util.List;

/**
 * The public credential data of a {@code ciamkit-ekyc} credential: which record it stands for, the methods, when. No
 * secret and no personal data (the credential's secret data is empty).
 */
public record EkycCredentialData(String recordId, List<String> methods, long verifiedAt) {
    public EkycCredentialData {
        methods = methods == null ? List.of() : List.copyOf(methods);
    }
}
