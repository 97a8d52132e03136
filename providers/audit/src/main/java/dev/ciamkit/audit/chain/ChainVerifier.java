package dev.ciamkit.audit.chain;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Checks a realm's chain, fed its records in sequence order, and names the first problem:
 * <ul>
 *   <li>{@code MISSING}: a number without its record (a deleted row);
 *   <li>{@code REORDERED}: a record whose predecessor is another record of the chain than the one before it (swapped
 *       numbers);
 *   <li>{@code CHANGED}: a record whose content, number or link no longer gives its hash;
 *   <li>{@code BAD_MAC}: a hash whose MAC the key does not confirm (a chain rewritten without the key), or whose key
 *       is not in the ring.
 * </ul>
 * Memory stays bounded: only the hashes of the last {@value #WINDOW} records are kept to recognise a reordering.
 */
public final class ChainVerifier {

    public static final int WINDOW = 1024;
    private static final int NEARBY = 64;

    public enum Problem {
        MISSING,
        REORDERED,
        CHANGED,
        BAD_MAC
    }

    /**
     * @param firstBroken the sequence number where the chain first breaks, or 0 when it holds
     * @param recordId the record found there (null for a missing one)
     */
    public record Result(
            long checked,
            long firstSeq,
            long lastSeq,
            Problem problem,
            long firstBroken,
            String recordId,
            String detail) {
        public boolean intact() {
            return problem == null;
        }
    }

    private final BiPredicate<String, String> macCheck;
    private final Map<String, Long> recentHashes = new HashMap<>();
    private final java.util.ArrayDeque<String> order = new java.util.ArrayDeque<>();
    private long expected;
    private String prevHash;
    private long checked;
    private long firstSeq;
    private Result broken;

    /**
     * @param startSeq the first number expected (1, or the first kept after a purge)
     * @param startPrevHash the hash the first record must link to ({@link ChainHash#GENESIS}, or the purge anchor's)
     * @param macCheck (mac, hash) → true when the MAC confirms the hash
     */
    public ChainVerifier(long startSeq, String startPrevHash, BiPredicate<String, String> macCheck) {
        this.expected = startSeq;
        this.prevHash = startPrevHash;
        this.macCheck = macCheck;
    }

    /** Checks the next record; false once the chain is broken (the rest need not be read). */
    public boolean accept(ChainRow row) {
        if (broken != null) {
            return false;
        }
        if (checked == 0) {
            firstSeq = row.seq();
        }
        if (row.seq() > expected) {
            return fail(Problem.MISSING, expected, null, "no record numbered " + expected);
        }
        if (row.seq() < expected) {
            return fail(Problem.REORDERED, row.seq(), row.id(), "number " + row.seq() + " appears twice");
        }
        String computed =
                ChainHash.hash(String.valueOf(row.prevHash()), row.seq(), row.realmId(), row.columns(), row.body());
        boolean consistent = computed.equals(row.hash());
        if (!consistent) {
            long was = numberedAs(row);
            if (was > 0) {
                return fail(Problem.REORDERED, row.seq(), row.id(), "it was linked as number " + was);
            }
            return fail(Problem.CHANGED, row.seq(), row.id(), "its content does not give its hash");
        }
        if (!prevHash.equals(row.prevHash())) {
            Long linkedAfter = recentHashes.get(row.prevHash());
            return fail(
                    linkedAfter != null ? Problem.REORDERED : Problem.CHANGED,
                    row.seq(),
                    row.id(),
                    linkedAfter != null
                            ? "it was linked after record " + linkedAfter + ", not after " + (row.seq() - 1)
                            : "it does not link to the record before it");
        }
        if (row.mac() == null || !macCheck.test(row.mac(), row.hash())) {
            return fail(Problem.BAD_MAC, row.seq(), row.id(), "its MAC does not confirm its hash");
        }
        remember(row.hash(), row.seq());
        prevHash = row.hash();
        expected++;
        checked++;
        return true;
    }

    /** The nearby number the record's hash was made with, if it was made with another than its own (0 if none). */
    private static long numberedAs(ChainRow row) {
        for (long k = Math.max(1, row.seq() - NEARBY); k <= row.seq() + NEARBY; k++) {
            if (k != row.seq()
                    && ChainHash.hash(String.valueOf(row.prevHash()), k, row.realmId(), row.columns(), row.body())
                            .equals(row.hash())) {
                return k;
            }
        }
        return 0;
    }

    private void remember(String hash, long seq) {
        recentHashes.put(hash, seq);
        order.addLast(hash);
        if (order.size() > WINDOW) {
            recentHashes.remove(order.removeFirst());
        }
    }

    private boolean fail(Problem problem, long seq, String id, String detail) {
        broken = new Result(checked, firstSeq, expected - 1, problem, seq, id, detail);
        return false;
    }

    /**
     * The outcome once every record was fed.
     *
     * @param headSeq the chain head's number (the last linked record), to recognise records missing at the end
     */
    public Result finish(long headSeq) {
        if (broken != null) {
            return broken;
        }
        if (headSeq >= expected) {
            return new Result(
                    checked,
                    firstSeq,
                    expected - 1,
                    Problem.MISSING,
                    expected,
                    null,
                    "records " + expected + " to " + headSeq + " are missing");
        }
        return new Result(checked, firstSeq, expected - 1, null, 0, null, null);
    }
}
