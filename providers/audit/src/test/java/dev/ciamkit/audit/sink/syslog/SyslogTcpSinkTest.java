package dev.ciamkit.audit.sink.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.audit.sink.spi.AuditSink.SendResult;
import dev.ciamkit.audit.sink.spi.ExportRecord;
import dev.ciamkit.audit.sink.testing.Records;
import dev.ciamkit.audit.sink.testing.Rfc5424Message;
import dev.ciamkit.audit.sink.testing.SyslogReceiver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SyslogTcpSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Rfc5424Formatter FORMATTER = new Rfc5424Formatter(10, "kc", "ciamkit", "1", 65536);

    private SyslogReceiver receiver;
    private SyslogConnection connection;

    @BeforeEach
    void start() throws IOException {
        receiver = SyslogReceiver.plain();
    }

    @AfterEach
    void stop() throws IOException {
        if (connection != null) {
            connection.close();
        }
        receiver.close();
    }

    private SyslogTcpSink sink(int resend) {
        return sink(resend, 2000);
    }

    private SyslogTcpSink sink(int resend, int writeTimeoutMillis) {
        connection = new SyslogConnection("127.0.0.1", receiver.port(), null, 2000, writeTimeoutMillis);
        return new SyslogTcpSink(connection, FORMATTER, resend, "test");
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static List<Long> concat(List<Long> first, List<Long> second) {
        List<Long> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Nested
    class Delivery {

        @Test
        void delivers_a_batch_in_order_after_resending_what_came_before() throws Exception {
            Records.Trail trail = new Records.Trail("r1", 7);
            SyslogTcpSink sink = sink(1000);

            SendResult result = sink.send(trail.range("r1", 5, 7), trail);

            assertThat(result).isEqualTo(SendResult.all(3));
            assertThat(receiver.await(7, WAIT).sequences()).containsExactlyElementsOf(range(1, 7));
            assertThat(trail.questions()).containsExactly("r1<5/1000");
        }

        @Test
        void writes_exactly_the_formatted_messages() throws Exception {
            Records.Trail trail = new Records.Trail("r1", 2);
            SyslogTcpSink sink = sink(0);

            sink.send(trail.range("r1", 1, 2), trail);

            List<byte[]> messages = receiver.await(2, WAIT).messages();
            assertThat(messages).hasSize(2);
            assertThat(messages.get(0))
                    .isEqualTo(FORMATTER.format(trail.range("r1", 1, 1).get(0)));
            assertThat(messages.get(1))
                    .isEqualTo(FORMATTER.format(trail.range("r1", 2, 2).get(0)));
        }

        @Test
        void reuses_one_connection_and_resends_only_once_per_realm() throws Exception {
            Records.Trail trail = new Records.Trail("r1", 9).extend("r2", 3);
            SyslogTcpSink sink = sink(2);

            assertThat(sink.send(trail.range("r1", 5, 6), trail).complete(2)).isTrue();
            assertThat(sink.send(trail.range("r1", 7, 9), trail).complete(3)).isTrue();
            assertThat(sink.send(trail.range("r2", 3, 3), trail).complete(1)).isTrue();

            assertThat(receiver.await(10, WAIT).sequences()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 1L, 2L, 3L);
            assertThat(receiver.accepted()).isEqualTo(1);
            assertThat(trail.questions()).containsExactly("r1<5/2", "r2<3/2");
        }

        @Test
        void never_asks_for_earlier_records_when_resend_is_off() throws Exception {
            Records.Trail trail = new Records.Trail("r1", 5);

            assertThat(sink(0).send(trail.range("r1", 4, 5), trail).complete(2)).isTrue();

            assertThat(receiver.await(2, WAIT).sequences()).containsExactly(4L, 5L);
            assertThat(trail.questions()).isEmpty();
        }

        @Test
        void an_empty_batch_sends_nothing() {
            assertThat(sink(10).send(List.of(), new Records.Trail("r1", 3))).isEqualTo(SendResult.all(0));
            assertThat(receiver.accepted()).isZero();
        }

        @Test
        void hostile_records_arrive_as_one_frame_each() throws Exception {
            String huge = Records.repeat(Records.HOSTILE, 100_000);
            ExportRecord hostile = Records.hostile(huge, huge);
            ExportRecord next = Records.record("r1", 43);

            assertThat(sink(0).send(List.of(hostile, next), null).complete(2)).isTrue();

            List<byte[]> messages = receiver.await(2, WAIT).messages();
            assertThat(messages).hasSize(2);
            assertThat(Rfc5424Message.parse(messages.get(0)).params()).containsEntry("truncated", "true");
            assertThat(Rfc5424Message.parse(messages.get(1)).params()).containsEntry("seq", "43");
            assertThat(receiver.errors()).isEmpty();
        }
    }

    @Nested
    class Receiver_failures {

        @Test
        void a_send_while_the_receiver_is_down_delivers_nothing_then_recovery_resends() throws Exception {
            Records.Trail trail = new Records.Trail("r1", 20);
            SyslogTcpSink sink = sink(1000);
            assertThat(sink.send(trail.range("r1", 1, 5), trail).complete(5)).isTrue();
            receiver.await(5, WAIT);

            receiver.down();
            SendResult down = sink.send(trail.range("r1", 6, 8), trail);

            assertThat(down.delivered()).isZero();
            assertThat(down.error()).isNotBlank().doesNotContain("user-", "client-", "LOGIN");

            receiver.up();
            SendResult back = sink.send(trail.range("r1", 6, 8), trail);

            assertThat(back).isEqualTo(SendResult.all(3));
            List<Long> arrived = receiver.await(13, WAIT).sequences();
            assertThat(arrived).containsExactlyElementsOf(concat(range(1, 5), range(1, 8)));
            assertNoGapsAndSameBytesForDuplicates(receiver.messages());
        }

        @Test
        void a_connection_the_receiver_closed_is_replaced_and_the_realm_resent() throws Exception {
            Records.Trail trail = new Records.Trail("r1", 10);
            SyslogTcpSink sink = sink(3);
            assertThat(sink.send(trail.range("r1", 1, 4), trail).complete(4)).isTrue();
            receiver.await(4, WAIT);

            receiver.dropConnections();
            Thread.sleep(50);
            SendResult result = sink.send(trail.range("r1", 5, 6), trail);

            assertThat(result).isEqualTo(SendResult.all(2));
            assertThat(receiver.await(9, WAIT).sequences()).containsExactly(1L, 2L, 3L, 4L, 2L, 3L, 4L, 5L, 6L);
            assertThat(receiver.accepted()).isEqualTo(2);
        }

        @Test
        void a_receiver_that_never_existed_is_an_error_without_content() {
            Records.Trail trail = new Records.Trail("r1", 2);
            SyslogTcpSink sink = sink(10);
            try {
                receiver.down();
            } catch (IOException e) {
                throw new AssertionError(e);
            }

            SendResult result = sink.send(trail.range("r1", 1, 2), trail);

            assertThat(result.delivered()).isZero();
            assertThat(result.error()).startsWith("ConnectException");
        }

        @Test
        void a_receiver_that_stops_reading_fails_the_write_within_the_write_timeout() throws Exception {
            receiver.stopReading();
            String body = "{\"x\":\"" + "a".repeat(60_000) + "\"}";
            List<ExportRecord> batch = new ArrayList<>();
            for (long seq = 1; seq <= 800; seq++) {
                batch.add(Rfc5424FormatterTest.withBody(body));
            }
            SyslogTcpSink sink = sink(0, 300);

            long started = System.nanoTime();
            SendResult result = sink.send(batch, null);

            assertThat(result.delivered()).isZero();
            assertThat(result.error()).isNotBlank();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }

        @Test
        void earlier_records_that_cannot_be_read_fail_the_batch_without_their_message() throws Exception {
            Records.Trail trail = new Records.Trail("r1", 5);
            SyslogTcpSink sink = sink(10);

            SendResult failed = sink.send(trail.range("r1", 4, 5), (realm, seq, max) -> {
                throw new IllegalStateException("SELECT ... user-4 secret");
            });

            assertThat(failed.delivered()).isZero();
            assertThat(failed.error()).isEqualTo("not sent: IllegalStateException");

            assertThat(sink.send(trail.range("r1", 4, 5), trail).complete(2)).isTrue();
            assertThat(receiver.await(5, WAIT).sequences()).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    /** Every number from 1 to the highest arrived, and a number seen twice carries the same message. */
    static void assertNoGapsAndSameBytesForDuplicates(List<byte[]> messages) {
        java.util.Map<Long, byte[]> first = new java.util.HashMap<>();
        for (byte[] message : messages) {
            long seq = Long.parseLong(Rfc5424Message.parse(message).params().get("seq"));
            byte[] earlier = first.putIfAbsent(seq, message);
            if (earlier != null) {
                assertThat(Arrays.equals(earlier, message))
                        .as("duplicate %d is the same record", seq)
                        .isTrue();
            }
        }
        long max = first.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(first.keySet()).containsExactlyInAnyOrderElementsOf(range(1, max));
    }
}
