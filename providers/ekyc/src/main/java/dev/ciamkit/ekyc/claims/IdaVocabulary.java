package dev.ciamkit.ekyc.claims;

import dev.ciamkit.ekyc.spi.IdDocumentType;
import java.util.Arrays;
import java.util.List;

/**
 * The names of OpenID Connect for Identity Assurance 1.0 (final, with the OpenID Identity Assurance Schema Definition
 * 1.0 and the eKYC-IDA working group's predefined values) that the token mapper writes and the discovery document
 * advertises: one place, so both always say the same.
 */
final class IdaVocabulary {

    static final String VERIFIED_CLAIMS = "verified_claims";
    static final String VERIFICATION = "verification";
    static final String CLAIMS = "claims";
    static final String TRUST_FRAMEWORK = "trust_framework";
    static final String TIME = "time";
    static final String EVIDENCE = "evidence";
    static final String TYPE = "type";
    static final String CHECK_DETAILS = "check_details";
    static final String CHECK_METHOD = "check_method";
    static final String DOCUMENT_DETAILS = "document_details";
    static final String RECORD = "record";

    /** Evidence types (schema definition, section 5.4.4). */
    static final String DOCUMENT = "document";

    static final String ELECTRONIC_RECORD = "electronic_record";

    /** The ID's data confirmed by its issuer's register (the authenticity check at the issuing authority). */
    static final String CHECK_DATA = "data";
    /** Biometric verification, remote: the live selfie matched against the document's portrait. */
    static final String CHECK_BIOMETRIC_REMOTE = "bvr";
    /** Control of the account shown by reading the code of the 1-won deposit, behind the bank's own login. */
    static final String CHECK_AUTH = "auth";

    static final String RECORD_BANK_ACCOUNT = "bank_account";

    static final String GIVEN_NAME = "given_name";
    static final String FAMILY_NAME = "family_name";
    static final String BIRTHDATE = "birthdate";

    static final List<String> CLAIMS_SUPPORTED = List.of(GIVEN_NAME, FAMILY_NAME, BIRTHDATE);
    static final List<String> EVIDENCE_SUPPORTED = List.of(DOCUMENT, ELECTRONIC_RECORD);
    static final List<String> DOCUMENT_CHECK_METHODS = List.of(CHECK_DATA, CHECK_BIOMETRIC_REMOTE);
    static final List<String> RECORDS_SUPPORTED = List.of(RECORD_BANK_ACCOUNT);

    private IdaVocabulary() {}

    /** The predefined document type of an ID we accept. */
    static String documentType(IdDocumentType type) {
        return switch (type) {
            case RESIDENT_CARD -> "idcard";
            case DRIVER_LICENCE -> "driving_permit";
            case PASSPORT -> "passport";
        };
    }

    static List<String> documentsSupported() {
        return Arrays.stream(IdDocumentType.values())
                .map(IdaVocabulary::documentType)
                .toList();
    }
}
