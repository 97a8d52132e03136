package dev.ciamkit.ekyc.vault;

import java.time.LocalDate;
import java.util.Objects;

/** The verified claims a token may carry: names and birth date, unsealed for one use. Never the ID number. */
public record VerifiedClaims(String familyName, String givenName, LocalDate birthDate) {
    public VerifiedClaims {
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    @Override
    public String toString() {
        return "VerifiedClaims[(withheld)]";
    }
}
