package dev.ciamkit.ekyc.vault;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The remote identification methods a verification combines (the regulator's guideline asks for at least two). The
 * wire name is what the policy config, the credential label and {@code verified_claims} use.
 */
public enum EkycMethod {
    /** OCR of an ID document and its authenticity check at the issuing authority. */
    ID_DOCUMENT("id"),
    /** A live selfie matched against the ID's portrait. */
    FACE_MATCH("face"),
    /** A 1-won transfer to an account in the user's name, confirmed with the memo code. */
    BANK_ACCOUNT("account");

    private final String wire;

    EkycMethod(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EkycMethod> fromWire(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.wire.equals(wanted)).findFirst();
    }
}
