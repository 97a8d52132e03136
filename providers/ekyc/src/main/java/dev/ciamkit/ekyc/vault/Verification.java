package dev.ciamkit.ekyc.vault;

import dev.ciamkit.ekyc.spi.IdDocumentType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored verification as callers outside the vault see it: no ID number (only its masked form), no names (ask
 * {@link EkycVault#claims} for them when a token needs them).
 */
public record Verification(
        String id,
        String userId,
        Instant verifiedAt,
        Instant validUntil,
        List<EkycMethod> methods,
        IdDocumentType documentType,
        String maskedIdNumber,
        boolean duplicateFlagged) {
    public Verification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        methods = List.copyOf(Objects.requireNonNull(methods, "methods"));
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(maskedIdNumber, "maskedIdNumber");
    }

    public boolean validAt(Instant now) {
        return now.isBefore(validUntil);
    }
}
