package dev.ciamkit.audit.chain;

import java.util.Optional;

/**
 * Where a realm's chain starts: at number 1 after {@link ChainHash#GENESIS}, or, once the retention purge removed its
 * oldest records, right after the anchor of its latest purge record. That purge record lies after its anchor, so the
 * verifier reaches it and checks its hash and MAC like any other: a forged anchor is a changed record, and records
 * deleted without a purge record are missing.
 *
 * @param refused the verification's result when the latest purge record cannot be an anchor (null otherwise)
 */
public record ChainStart(long seq, String prevHash, ChainVerifier.Result refused) {

    public static ChainStart genesis() {
        return new ChainStart(1, ChainHash.GENESIS, null);
    }

    /**
     * @param purgeSeq the latest linked purge record's number
     * @param purgeId its id
     * @param body its canonical body, which names the anchor
     */
    /**
     * After the anchor of this linked purge record, once the record itself holds: its hash over what it says and its
     * MAC with the key. A purge record written or changed without the key is never an anchor (it would let the purge or
     * a month's check start wherever it says), it is reported at its number.
     */
    public static ChainStart afterPurge(ChainRow purge, java.util.function.BiPredicate<String, String> macCheck) {
        String hash = ChainHash.hash(purge.prevHash(), purge.seq(), purge.realmId(), purge.columns(), purge.body());
        if (purge.hash() == null
                || !java.security.MessageDigest.isEqual(
                        hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        purge.hash().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return refusedAt(purge, ChainVerifier.Problem.CHANGED, "a purge record changed since it was linked");
        }
        if (purge.mac() == null || !macCheck.test(purge.mac(), purge.hash())) {
            return refusedAt(purge, ChainVerifier.Problem.BAD_MAC, "a purge record without a valid MAC");
        }
        return afterPurge(purge.seq(), purge.id(), purge.body());
    }

    private static ChainStart refusedAt(ChainRow purge, ChainVerifier.Problem problem, String detail) {
        return new ChainStart(
                purge.seq(), null, new ChainVerifier.Result(0, 0, 0, problem, purge.seq(), purge.id(), detail));
    }

    /** The anchor a purge record's body names (its hash and MAC checked by the caller). */
    static ChainStart afterPurge(long purgeSeq, String purgeId, String body) {
        Optional<PurgeAnchor> anchor = PurgeAnchor.parse(body);
        if (anchor.isEmpty() || anchor.get().throughSeq() >= purgeSeq) {
            return new ChainStart(
                    purgeSeq,
                    null,
                    new ChainVerifier.Result(
                            0,
                            0,
                            0,
                            ChainVerifier.Problem.CHANGED,
                            purgeSeq,
                            purgeId,
                            "a purge record whose anchor does not hold"));
        }
        return new ChainStart(anchor.get().throughSeq() + 1, anchor.get().throughHash(), null);
    }
}
