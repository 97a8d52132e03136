package dev.ciamkit.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A chain after the retention purge: it starts after the anchor of its latest purge record, and only there. */
class ChainStartTest {

    private static final String REALM = "realm-1";
    private static final BiPredicate<String, String> MAC = (mac, hash) -> mac.equals("mac:" + hash);

    /** Records 1-10, a purge record at 11 anchored at 5, records 12-14; records 1-5 purged. */
    private static List<ChainRow> purgedChain() {
        List<ChainRow> rows = new ArrayList<>(ChainVerifierTest.chain(10));
        ChainRow anchor = rows.get(4);
        append(rows, "PURGE", purgeBody(5, anchor.hash()));
        for (int i = 0; i < 3; i++) {
            append(rows, "USER", "{\"id\":\"later" + i + "\"}");
        }
        return new ArrayList<>(rows.subList(5, rows.size()));
    }

    private static String purgeBody(long seq, String hash) {
        return "{\"cutoff\":1000,\"kind\":\"PURGE\",\"purgedCount\":5,\"purgedThroughHash\":\"" + hash
                + "\",\"purgedThroughSeq\":" + seq + "}";
    }

    private static void append(List<ChainRow> rows, String kind, String body) {
        ChainRow last = rows.get(rows.size() - 1);
        long seq = last.seq() + 1;
        String columns = ChainHash.columns("r" + seq, seq * 1000L, kind, kind, "success", null, null, null, null);
        String hash = ChainHash.hash(last.hash(), seq, REALM, columns, body);
        rows.add(new ChainRow("r" + seq, REALM, seq, last.hash(), hash, "mac:" + hash, columns, body));
    }

    /** Finds the latest purge record as the stores do, then verifies from its anchor. */
    private static ChainVerifier.Result verify(List<ChainRow> rows, long head) {
        ChainStart start = rows.stream()
                .filter(r -> ChainHash.columns(
                                r.id(), r.seq() * 1000L, "PURGE", "PURGE", "success", null, null, null, null)
                        .equals(r.columns()))
                .reduce((a, b) -> b)
                .map(r -> ChainStart.afterPurge(r, MAC))
                .orElse(ChainStart.genesis());
        if (start.refused() != null) {
            return start.refused();
        }
        ChainVerifier verifier = new ChainVerifier(start.seq(), start.prevHash(), MAC);
        for (ChainRow row : rows) {
            if (row.seq() >= start.seq() && !verifier.accept(row)) {
                break;
            }
        }
        return verifier.finish(head);
    }

    private static ChainRow withBody(ChainRow r, String body, boolean rehash) {
        String hash = rehash ? ChainHash.hash(r.prevHash(), r.seq(), REALM, r.columns(), body) : r.hash();
        return new ChainRow(r.id(), r.realmId(), r.seq(), r.prevHash(), hash, r.mac(), r.columns(), body);
    }

    /** As the key's holder would write it: rehashed and MACed (a bug of ours, not a forgery). */
    private static ChainRow signed(ChainRow r, String body) {
        String hash = ChainHash.hash(r.prevHash(), r.seq(), REALM, r.columns(), body);
        return new ChainRow(r.id(), r.realmId(), r.seq(), r.prevHash(), hash, "mac:" + hash, r.columns(), body);
    }

    private static int indexOf(List<ChainRow> rows, long seq) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).seq() == seq) {
                return i;
            }
        }
        throw new AssertionError("no " + seq);
    }

    @Test
    void a_purge_record_that_does_not_hold_itself_is_never_an_anchor() {
        // a month's check or the purge start from the anchor without walking to its record: it is checked first
        ChainRow purge = purgedChain().stream()
                .filter(r -> r.body().contains("purgedThroughSeq"))
                .findFirst()
                .orElseThrow();
        assertThat(ChainStart.afterPurge(purge, MAC).refused()).isNull();
        ChainRow forged = withBody(purge, purgeBody(9, purge.prevHash()), false);
        assertThat(ChainStart.afterPurge(forged, MAC).refused().problem()).isEqualTo(ChainVerifier.Problem.CHANGED);
        ChainRow rehashed = withBody(purge, purgeBody(9, purge.prevHash()), true);
        assertThat(ChainStart.afterPurge(rehashed, MAC).refused().problem()).isEqualTo(ChainVerifier.Problem.BAD_MAC);
    }

    @Test
    void a_chain_that_starts_after_its_purge_anchor_holds() {
        ChainVerifier.Result result = verify(purgedChain(), 14);
        assertThat(result.intact()).as(String.valueOf(result)).isTrue();
        assertThat(result.firstSeq()).isEqualTo(6);
        assertThat(result.lastSeq()).isEqualTo(14);
        assertThat(result.checked()).isEqualTo(9);
    }

    @Test
    void without_a_purge_record_a_chain_starts_at_one() {
        List<ChainRow> rows = new ArrayList<>(ChainVerifierTest.chain(10).subList(5, 10));
        ChainVerifier.Result result = verify(rows, 10);
        assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.MISSING);
        assertThat(result.firstBroken()).isEqualTo(1);
    }

    @Nested
    class After_a_purge {

        @Test
        void a_further_record_deleted_at_the_start_is_missing() {
            List<ChainRow> rows = purgedChain();
            rows.remove(0);
            ChainVerifier.Result result = verify(rows, 14);
            assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.MISSING);
            assertThat(result.firstBroken()).isEqualTo(6);
        }

        @Test
        void the_purge_record_deleted_too_leaves_the_start_missing() {
            List<ChainRow> rows = purgedChain();
            rows.remove(indexOf(rows, 11));
            ChainVerifier.Result result = verify(rows, 14);
            assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.MISSING);
            assertThat(result.firstBroken()).isEqualTo(1);
        }

        @Test
        void a_forged_anchor_that_hides_more_deleted_records_is_a_changed_purge_record() {
            List<ChainRow> rows = purgedChain();
            // the anchor moved to 7 so that 6 and 7 may go unnoticed
            int p = indexOf(rows, 11);
            rows.set(
                    p,
                    withBody(
                            rows.get(p), purgeBody(7, rows.get(indexOf(rows, 7)).hash()), false));
            rows.remove(0);
            rows.remove(0);
            ChainVerifier.Result result = verify(rows, 14);
            assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.CHANGED);
            assertThat(result.firstBroken()).isEqualTo(11);
        }

        @Test
        void a_forged_anchor_with_its_hash_made_again_lacks_the_mac() {
            List<ChainRow> rows = purgedChain();
            int p = indexOf(rows, 11);
            rows.set(
                    p,
                    withBody(
                            rows.get(p), purgeBody(7, rows.get(indexOf(rows, 7)).hash()), true));
            rows.remove(0);
            rows.remove(0);
            // the records after it no longer link to it: hashes made again all the way would still lack the MACs
            ChainVerifier.Result result = verify(rows.subList(0, indexOf(rows, 11) + 1), 11);
            assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.BAD_MAC);
            assertThat(result.firstBroken()).isEqualTo(11);
        }

        @Test
        void an_anchor_after_its_own_purge_record_is_refused() {
            List<ChainRow> rows = purgedChain();
            int p = indexOf(rows, 11);
            // the anchor after the purge record would let the verifier skip the purge record itself
            rows.set(
                    p,
                    signed(
                            rows.get(p),
                            purgeBody(12, rows.get(indexOf(rows, 12)).hash())));
            ChainVerifier.Result result = verify(rows, 14);
            assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.CHANGED);
            assertThat(result.firstBroken()).isEqualTo(11);
        }

        @Test
        void a_purge_record_without_an_anchor_is_refused() {
            List<ChainRow> rows = purgedChain();
            int p = indexOf(rows, 11);
            rows.set(p, signed(rows.get(p), "{\"purgedThroughSeq\":\"five\"}"));
            assertThat(verify(rows, 14).problem()).isEqualTo(ChainVerifier.Problem.CHANGED);
        }
    }
}
