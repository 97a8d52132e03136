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
    public static ChainStart afterPurge(long purgeSeq, String purgeId, String body) {
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
