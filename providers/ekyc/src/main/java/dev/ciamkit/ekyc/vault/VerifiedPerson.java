package dev.ciamkit.ekyc.vault;

import dev.ciamkit.ekyc.spi.IdDocumentType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The identity a verification established, as the user confirmed it. The ID number is held only until the vault
 * hashes and masks it; it never leaves the vault again.
 */
public record VerifiedPerson(
        IdDocumentType documentType, String familyName, String givenName, LocalDate birthDate, String idNumber) {
    public VerifiedPerson {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(idNumber, "idNumber");
    }

    @Override
    public String toString() {
        return "VerifiedPerson[" + documentType + ", (names, birth date and ID number withheld)]";
    }
}
