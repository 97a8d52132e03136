package dev.ciamkit.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.audit.chain.PurgeAnchor;
import dev.ciamkit.audit.trail.AuditEntry;
import org.junit.jupiter.api.Test;

class RetentionPurgeTest {

    @Test
    void purges_the_old_records_up_to_the_first_young_one() {
        assertThat(RetentionPurge.through(1, 100, 41L, null, 10_000)).isEqualTo(40);
    }

    @Test
    void never_a_record_still_waiting_for_a_siem_sink() {
        assertThat(RetentionPurge.through(1, 100, 41L, 17L, 10_000)).isEqualTo(16);
    }

    @Test
    void nothing_when_the_first_record_waits_or_is_young() {
        assertThat(RetentionPurge.through(6, 100, null, 6L, 10_000)).isLessThan(6);
        assertThat(RetentionPurge.through(6, 100, 6L, null, 10_000)).isLessThan(6);
    }

    @Test
    void at_most_a_batch_and_never_past_the_head() {
        assertThat(RetentionPurge.through(6, 100, null, null, 10)).isEqualTo(15);
        assertThat(RetentionPurge.through(6, 100, null, null, 10_000)).isEqualTo(100);
    }

    @Test
    void the_purge_record_names_an_anchor_the_verifier_reads() {
        String hash = "ab".repeat(32);
        AuditEntry entry = PurgeRecords.entry(
                "id-1", "realm-1", 5000, new PurgeAnchor(40, hash, 40, 1000), 365, RetentionSettings.DAY_MILLIS);
        assertThat(entry.kind()).isEqualTo(PurgeAnchor.KIND);
        assertThat(PurgeAnchor.parse(entry.body())).contains(new PurgeAnchor(40, hash, 40, 1000));
        assertThat(entry.body()).startsWith("{\"cutoff\":1000,").contains("\"retentionDays\":365");
    }
}
