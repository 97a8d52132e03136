package dev.ciamkit.ekyc.vault;

import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.vault.jpa.EkycRecordEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A stored record as callers see it. */
public final class Records {

    private Records() {}

    static String methods(List<MethodResult> methods) {
        return methods.stream().map(m -> m.method().wire()).distinct().collect(Collectors.joining(","));
    }

    /** The methods of a stored list of wire names; unknown names are skipped. */
    public static List<EkycMethod> methods(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(","))
                .map(EkycMethod::fromWire)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The verification a record holds, without PII; empty when its document type is not one we know. */
    public static Optional<Verification> verification(EkycRecordEntity r) {
        return Arrays.stream(IdDocumentType.values())
                .filter(t -> t.name().equals(r.getDocumentType()))
                .findFirst()
                .map(type -> new Verification(
                        r.getId(),
                        r.getUserId(),
                        Instant.ofEpochMilli(r.getVerifiedAt()),
                        Instant.ofEpochMilli(r.getValidUntil()),
                        methods(r.getMethods()),
                        type,
                        r.getIdMasked(),
                        r.isDuplicate()));
    }

    /** The vendor references per method wire name ({@code id}, {@code face}, {@code account}). */
    public static java.util.Map<String, String> vendorReferences(EkycRecordEntity r) {
        return VendorRefs.read(r.getVendorRefs());
    }

    /** The verified names and birth date of a record, unsealed; empty when withdrawn or unreadable. */
    public static Optional<VerifiedClaims> claims(
            dev.ciamkit.common.crypto.spi.EnvelopeProvider envelope, EkycRecordEntity r) {
        if (!EkycRecordEntity.VERIFIED.equals(r.getStatus())) {
            return Optional.empty();
        }
        return SealedPerson.open(envelope, r.getRealmId(), r.getId(), r.getPersonSealed());
    }
}
