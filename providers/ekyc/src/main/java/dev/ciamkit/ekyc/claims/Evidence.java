package dev.ciamkit.ekyc.claims;

import dev.ciamkit.ekyc.vault.EkycMethod;
import dev.ciamkit.ekyc.vault.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code evidence} member as a verification supports it: its type, the check methods applied, and the document
 * or record type. Nothing here identifies the person (no document number, no account).
 */
record Evidence(String type, List<String> checkMethods, Optional<String> documentType, Optional<String> recordType) {

    Evidence {
        checkMethods = List.copyOf(checkMethods);
    }

    /**
     * The ID document with its checks (the issuer's register; the face matched against its portrait), then the bank
     * account. A face match is a check on the document it was matched against, not evidence of its own.
     */
    static List<Evidence> of(Verification verification) {
        List<EkycMethod> methods = verification.methods();
        List<Evidence> evidence = new ArrayList<>();
        List<String> documentChecks = new ArrayList<>();
        if (methods.contains(EkycMethod.ID_DOCUMENT)) {
            documentChecks.add(IdaVocabulary.CHECK_DATA);
        }
        if (methods.contains(EkycMethod.FACE_MATCH)) {
            documentChecks.add(IdaVocabulary.CHECK_BIOMETRIC_REMOTE);
        }
        if (!documentChecks.isEmpty()) {
            evidence.add(new Evidence(
                    IdaVocabulary.DOCUMENT,
                    documentChecks,
                    Optional.of(IdaVocabulary.documentType(verification.documentType())),
                    Optional.empty()));
        }
        if (methods.contains(EkycMethod.BANK_ACCOUNT)) {
            evidence.add(new Evidence(
                    IdaVocabulary.ELECTRONIC_RECORD,
                    List.of(IdaVocabulary.CHECK_AUTH),
                    Optional.empty(),
                    Optional.of(IdaVocabulary.RECORD_BANK_ACCOUNT)));
        }
        return evidence;
    }
}
