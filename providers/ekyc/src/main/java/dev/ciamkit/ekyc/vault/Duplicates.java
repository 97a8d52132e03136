package dev.ciamkit.ekyc.vault;

import dev.ciamkit.ekyc.vault.jpa.EkycRecordEntity;
import java.util.List;

/** The duplicate decision: the same ID number (equal HMAC) verified for another user of the realm. */
final class Duplicates {

    private Duplicates() {}

    /** Records of other users among those with an equal hash; flagging them and the new record is the caller's. */
    static List<EkycRecordEntity> othersOf(String userId, List<EkycRecordEntity> sameHash) {
        return sameHash.stream().filter(r -> !r.getUserId().equals(userId)).toList();
    }
}
