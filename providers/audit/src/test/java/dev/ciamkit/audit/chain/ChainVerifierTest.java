package dev.ciamkit.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final String REALM = "realm-1";
    private static final BiPredicate<String, String> MAC = (mac, hash) -> mac.equals("mac:" + hash);

    /** A chain linked as the linker links it. */
    static List<ChainRow> chain(int n) {
        List<ChainRow> rows = new ArrayList<>();
        String prev = ChainHash.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            String body = "{\"id\":\"r" + seq + "\",\"type\":\"LOGIN\"}";
            String columns = ChainHash.columns(
                    "r" + seq, seq * 1000L, "USER", "LOGIN", "success", "u" + seq, "app", "203.0.113.9", null);
            String hash = ChainHash.hash(prev, seq, REALM, columns, body);
            rows.add(new ChainRow("r" + seq, REALM, seq, prev, hash, "mac:" + hash, columns, body));
            prev = hash;
        }
        return rows;
    }

    static ChainVerifier.Result verify(List<ChainRow> rows, long head) {
        ChainVerifier verifier = new ChainVerifier(1, ChainHash.GENESIS, MAC);
        for (ChainRow row : rows) {
            if (!verifier.accept(row)) {
                break;
            }
        }
        return verifier.finish(head);
    }

    @Test
    void an_untouched_chain_holds() {
        ChainVerifier.Result result = verify(chain(10), 10);
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(10);
        assertThat(result.lastSeq()).isEqualTo(10);
    }

    @Test
    void a_changed_body_is_named_at_its_record() {
        List<ChainRow> rows = chain(10);
        ChainRow r = rows.get(4);
        rows.set(
                4,
                new ChainRow(
                        r.id(),
                        r.realmId(),
                        r.seq(),
                        r.prevHash(),
                        r.hash(),
                        r.mac(),
                        r.columns(),
                        r.body().replace("LOGIN", "LOGOUT")));
        ChainVerifier.Result result = verify(rows, 10);
        assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.CHANGED);
        assertThat(result.firstBroken()).isEqualTo(5);
        assertThat(result.recordId()).isEqualTo("r5");
        assertThat(result.checked()).isEqualTo(4);
    }

    @Test
    void a_deleted_record_is_missing() {
        List<ChainRow> rows = chain(10);
        rows.remove(6);
        ChainVerifier.Result result = verify(rows, 10);
        assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.MISSING);
        assertThat(result.firstBroken()).isEqualTo(7);
    }

    @Test
    void records_deleted_at_the_end_are_missing_against_the_head() {
        ChainVerifier.Result result = verify(chain(8), 10);
        assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.MISSING);
        assertThat(result.firstBroken()).isEqualTo(9);
    }

    @Test
    void a_swapped_pair_is_reordered() {
        List<ChainRow> rows = chain(10);
        ChainRow five = rows.get(4);
        ChainRow six = rows.get(5);
        // the numbers swapped, as an UPDATE of SEQ would
        rows.set(4, new ChainRow(six.id(), REALM, 5, six.prevHash(), six.hash(), six.mac(), six.columns(), six.body()));
        rows.set(
                5,
                new ChainRow(
                        five.id(), REALM, 6, five.prevHash(), five.hash(), five.mac(), five.columns(), five.body()));
        ChainVerifier.Result result = verify(rows, 10);
        assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.REORDERED);
        assertThat(result.firstBroken()).isEqualTo(5);
        assertThat(result.recordId()).isEqualTo("r6");
    }

    @Test
    void a_chain_rewritten_without_the_key_fails_its_mac() {
        List<ChainRow> rows = chain(3);
        ChainRow r = rows.get(2);
        String body = r.body().replace("LOGIN", "LOGOUT");
        String hash = ChainHash.hash(r.prevHash(), 3, REALM, r.columns(), body);
        rows.set(2, new ChainRow(r.id(), REALM, 3, r.prevHash(), hash, r.mac(), r.columns(), body));
        ChainVerifier.Result result = verify(rows, 3);
        assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.BAD_MAC);
        assertThat(result.firstBroken()).isEqualTo(3);
    }

    @Test
    void a_changed_column_beside_the_body_is_named_too() {
        List<ChainRow> rows = chain(10);
        ChainRow r = rows.get(2);
        // the address a SIEM indexes, edited in the table
        String columns = r.columns().replace("203.0.113.9", "198.51.100.1");
        rows.set(2, new ChainRow(r.id(), REALM, 3, r.prevHash(), r.hash(), r.mac(), columns, r.body()));
        ChainVerifier.Result result = verify(rows, 10);
        assertThat(result.problem()).isEqualTo(ChainVerifier.Problem.CHANGED);
        assertThat(result.firstBroken()).isEqualTo(3);
    }

    @Test
    void the_hash_binds_the_realm_the_number_and_the_columns() {
        assertThat(ChainHash.hash(ChainHash.GENESIS, 1, "a", "c", "{}"))
                .isNotEqualTo(ChainHash.hash(ChainHash.GENESIS, 1, "b", "c", "{}"))
                .isNotEqualTo(ChainHash.hash(ChainHash.GENESIS, 2, "a", "c", "{}"))
                .isNotEqualTo(ChainHash.hash(ChainHash.GENESIS, 1, "a", "d", "{}"))
                .hasSize(64);
        // null and empty and a value with the separator in it never read alike
        assertThat(ChainHash.columns("i", 1, null, "", "a|b", null, null, null, null))
                .isNotEqualTo(ChainHash.columns("i", 1, "", null, "a", "b", null, null, null));
    }
}
