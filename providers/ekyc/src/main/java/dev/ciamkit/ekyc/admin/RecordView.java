package dev.ciamkit.ekyc.admin;

import dev.ciamkit.ekyc.vault.EkycMethod;
import dev.ciamkit.ekyc.vault.Records;
import dev.ciamkit.ekyc.vault.VerifiedClaims;
import dev.ciamkit.ekyc.vault.jpa.EkycRecordEntity;
import java.util.List;
import java.util.Map;

/**
 * A record as the admin endpoint shows it: the masked ID number, never its hash; names and birth date only in the
 * single-record view ({@code person}, null in lists and once withdrawn or unreadable).
 */
public record RecordView(
        String id,
        String userId,
        String status,
        String documentType,
        String maskedIdNumber,
        List<String> methods,
        Map<String, String> vendorReferences,
        long startedAt,
        long verifiedAt,
        long validUntil,
        boolean duplicate,
        Long withdrawnAt,
        List<Image> images,
        Person person) {

    /** A kept image, without its bytes. */
    public record Image(String kind, String mediaType, long createdAt) {}

    public record Person(String familyName, String givenName, String birthDate) {
        static Person of(VerifiedClaims claims) {
            return new Person(
                    claims.familyName(), claims.givenName(), claims.birthDate().toString());
        }

        @Override
        public String toString() {
            return "Person[(withheld)]";
        }
    }

    static RecordView of(EkycRecordEntity r, List<Image> images, Person person) {
        return new RecordView(
                r.getId(),
                r.getUserId(),
                r.getStatus(),
                r.getDocumentType(),
                r.getIdMasked(),
                Records.methods(r.getMethods()).stream().map(EkycMethod::wire).toList(),
                Records.vendorReferences(r),
                r.getStartedAt(),
                r.getVerifiedAt(),
                r.getValidUntil(),
                r.isDuplicate(),
                r.getWithdrawnAt(),
                images,
                person);
    }

    /** What the admin event of a view holds: no names, no ID number. */
    Map<String, Object> eventRepresentation() {
        return Map.of("id", id, "userId", userId, "status", status, "duplicate", duplicate);
    }
}
