package dev.ciamkit.ekyc.spi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The fields of an ID document: what OCR read, or what the user confirmed or corrected, and what the authenticity
 * check is asked about. Personal data: its string form says which fields are set, never their values.
 *
 * @param idNumber the resident registration number, licence number or passport number as printed
 * @param issueDate null when the document shows none
 * @param expiryDate null when the document has none (resident cards)
 */
public record IdFields(
        IdDocumentType type,
        String name,
        LocalDate birthDate,
        String idNumber,
        LocalDate issueDate,
        LocalDate expiryDate) {

    public IdFields {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(idNumber, "idNumber");
    }

    @Override
    public String toString() {
        return "IdFields[type=" + type + ", name=(" + name.length() + " chars), birthDate=(set), idNumber=("
                + idNumber.length() + " chars), issueDate=" + (issueDate == null ? "(none)" : "(set)")
                + ", expiryDate=" + (expiryDate == null ? "(none)" : "(set)") + "]";
    }
}
