package dev.ciamkit.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciamkit.audit.chain.ChainLinker;
import dev.ciamkit.audit.export.AuditExportHandlerFactory.Part;
import dev.ciamkit.audit.sink.spi.ExportRecord;
import dev.ciamkit.common.outbox.spi.OutboxHandler.Result;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ExportOutcomeTest {

    @Test
    void a_range_is_written_and_read_back_and_anything_else_is_no_range() {
        assertThat(ExportRange.payload(5, 9)).isEqualTo("seq:5-9");
        assertThat(ExportRange.parse("seq:5-9")).contains(new ExportRange(5, 9));
        assertThat(ExportRange.parse("seq:7-7")).contains(new ExportRange(7, 7));
        assertThat(ExportRange.parse("0b7c1f4e-8a34-4d2e-9a1c-2f5f0c1e8d11")).isEmpty();
        assertThat(ExportRange.parse("seq:9-5")).isEmpty();
        assertThat(ExportRange.parse("seq:0-5")).isEmpty();
        assertThat(ExportRange.parse("seq:x-5")).isEmpty();
        assertThat(ExportRange.parse("seq:5")).isEmpty();
        assertThat(ExportRange.parse(null)).isEmpty();
        assertThat(ExportRange.parse("seq:1-2-3")).isEmpty();
        assertThat(ExportRange.parse("seq:-1-5")).isEmpty();
        assertThat(ExportRange.parse("seq:1-99999999999999999999")).isEmpty();
        assertThatThrownBy(() -> ExportRange.payload(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_record_sent_delivers_every_message() {
        List<Part> parts = List.of(range(1, 3), range(4, 4), range(5, 8));

        assertThat(AuditExportHandlerFactory.outcome(parts, 8, null)).isEqualTo(new Result(3, null));
    }

    @Test
    void a_sink_that_took_part_of_a_range_leaves_the_rest_in_the_message() {
        List<Part> parts = List.of(range(1, 3), range(4, 10), range(11, 12));

        // 3 of the first range, then 4, 5 of the second
        Result result = AuditExportHandlerFactory.outcome(parts, 5, "503");

        assertThat(result).isEqualTo(new Result(1, "503", "seq:6-10", 6));
    }

    @Test
    void a_sink_that_took_nothing_of_a_range_leaves_the_message_as_it_is() {
        List<Part> parts = List.of(range(1, 3), range(4, 10));

        assertThat(AuditExportHandlerFactory.outcome(parts, 3, "refused")).isEqualTo(new Result(1, "refused"));
        assertThat(AuditExportHandlerFactory.outcome(parts, 0, "refused")).isEqualTo(new Result(0, "refused"));
    }

    @Test
    void records_the_purge_removed_are_skipped_and_the_rest_starts_at_the_first_record_not_sent() {
        // 4..10 named, 6 and 7 purged before delivery
        Part gaps = new Part(new ExportRange(4, 10), records(4, 5, 8, 9, 10), false, 10);

        assertThat(AuditExportHandlerFactory.outcome(List.of(gaps), 3, "reset"))
                .isEqualTo(new Result(0, "reset", "seq:9-10", 9));
        assertThat(AuditExportHandlerFactory.outcome(List.of(gaps), 5, null)).isEqualTo(new Result(1, null));
        Part purged = new Part(new ExportRange(1, 3), List.of(), false, 3);
        assertThat(AuditExportHandlerFactory.outcome(List.of(purged, range(4, 5)), 2, null))
                .isEqualTo(new Result(2, null));
    }

    @Test
    void a_range_read_up_to_the_limit_keeps_its_unread_rest_without_an_error() {
        // the limit allowed 3 of 4..10: all 3 sent
        Part cut = new Part(new ExportRange(4, 10), records(4, 5, 6), true, 6);

        assertThat(AuditExportHandlerFactory.outcome(List.of(range(1, 3), cut), 6, null))
                .isEqualTo(new Result(1, null, "seq:7-10", 7));
        // and when the sink failed within it, the rest starts at what was not sent
        assertThat(AuditExportHandlerFactory.outcome(List.of(range(1, 3), cut), 4, "503"))
                .isEqualTo(new Result(1, "503", "seq:5-10", 5));
    }

    @Test
    void a_message_of_the_earlier_form_is_delivered_whole_or_not_at_all() {
        Part single = new Part(null, records(7), false, 0);

        assertThat(AuditExportHandlerFactory.outcome(List.of(range(1, 6), single), 6, "503"))
                .isEqualTo(new Result(1, "503"));
        assertThat(AuditExportHandlerFactory.outcome(List.of(range(1, 6), single), 7, null))
                .isEqualTo(new Result(2, null));
    }

    @Test
    void the_topics_name_the_handlers_that_deliver_them() {
        // the outbox picks a handler by the topic's part before ':'
        assertThat(ChainLinker.TOPIC_PREFIX).isEqualTo(AuditRangeExportHandlerFactory.ID + ":");
        assertThat(ChainLinker.RECORD_TOPIC_PREFIX).isEqualTo(AuditExportHandlerFactory.ID + ":");
    }

    @Test
    void a_read_cut_at_its_first_record_or_failing_before_it_leaves_the_message_whole_or_its_unread_rest() {
        Part cut = new Part(new ExportRange(4, 10), records(4, 5, 6), true, 6);
        assertThat(AuditExportHandlerFactory.outcome(List.of(range(1, 3), cut), 3, "503"))
                .isEqualTo(new Result(1, "503"));
        // records 4 and 5 purged: the read began at 6
        Part purgedStart = new Part(new ExportRange(4, 10), records(6, 7), true, 7);
        assertThat(AuditExportHandlerFactory.outcome(List.of(purgedStart), 0, "503"))
                .isEqualTo(new Result(0, "503", "seq:6-10", 6));
        // an earlier-form message whose record is gone, before a range that fails
        Part gone = new Part(null, List.of(), false, 0);
        assertThat(AuditExportHandlerFactory.outcome(List.of(gone, range(5, 6)), 0, "503"))
                .isEqualTo(new Result(1, "503"));
    }

    private static Part range(long from, long to) {
        return new Part(
                new ExportRange(from, to),
                records(LongStream.rangeClosed(from, to).toArray()),
                false,
                to);
    }

    private static List<ExportRecord> records(long... seqs) {
        return LongStream.of(seqs)
                .mapToObj(seq -> new ExportRecord(
                        seq, "r", "realm", 0, "USER", "LOGIN", "success", null, null, null, null, "{}", "h", "m"))
                .toList();
    }
}
