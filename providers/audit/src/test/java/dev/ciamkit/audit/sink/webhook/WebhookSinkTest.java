package dev.ciamkit.audit.sink.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.audit.sink.spi.AuditSink.SendResult;
import dev.ciamkit.audit.sink.spi.ExportRecord;
import dev.ciamkit.audit.sink.testing.Records;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WebhookSinkTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private WebhookReceiver receiver;
    private CloseableHttpClient client;

    @BeforeEach
    void start() throws IOException {
        receiver = new WebhookReceiver();
        client = HttpClients.createDefault();
    }

    @AfterEach
    void stop() throws IOException {
        receiver.close();
        client.close();
    }

    private WebhookSink sink(int maxBatch, int timeoutMillis) {
        return sink(receiver.url(), maxBatch, timeoutMillis);
    }

    private WebhookSink sink(URI url, int maxBatch, int timeoutMillis) {
        return new WebhookSink(
                client, new WebhookOptions(url, SECRET, timeoutMillis, maxBatch), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static List<ExportRecord> records(long from, long to) {
        List<ExportRecord> records = new ArrayList<>();
        for (long seq = from; seq <= to; seq++) {
            records.add(Records.record("r1", seq));
        }
        return records;
    }

    private static List<JsonNode> lines(WebhookReceiver.Request request) throws IOException {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        assertThat(body).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.substring(0, body.length() - 1).split("\n", -1)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<Long> sequences(List<WebhookReceiver.Request> requests) throws IOException {
        List<Long> seqs = new ArrayList<>();
        for (WebhookReceiver.Request request : requests) {
            for (JsonNode line : lines(request)) {
                seqs.add(line.get("seq").asLong());
            }
        }
        return seqs;
    }

    @Nested
    class Delivery {

        @Test
        void posts_signed_json_lines_in_order() throws Exception {
            List<ExportRecord> batch = records(1, 3);

            SendResult result = sink(500, 2000).send(batch, null);

            assertThat(result).isEqualTo(SendResult.all(3));
            WebhookReceiver.Request request = receiver.requests().get(0);
            assertThat(request.contentType()).startsWith("application/x-ndjson");
            assertThat(request.timestamp()).isEqualTo(Long.toString(NOW.getEpochSecond()));
            assertThat(WebhookSignature.verify(
                            SECRET,
                            request.timestamp(),
                            request.body(),
                            request.signature(),
                            NOW.plusSeconds(5),
                            WebhookSignature.DEFAULT_WINDOW))
                    .isTrue();
            List<JsonNode> lines = lines(request);
            assertThat(lines).hasSize(3);
            JsonNode first = lines.get(0);
            ExportRecord one = batch.get(0);
            assertThat(first.get("seq").asLong()).isEqualTo(1);
            assertThat(first.get("realm").asText()).isEqualTo("r1");
            assertThat(first.get("realmName").asText()).isEqualTo("r1-name");
            assertThat(first.get("time").asLong()).isEqualTo(one.time());
            assertThat(first.get("kind").asText()).isEqualTo("USER");
            assertThat(first.get("type").asText()).isEqualTo("LOGIN_ERROR");
            assertThat(first.get("outcome").asText()).isEqualTo("failure");
            assertThat(first.get("user").asText()).isEqualTo("user-1");
            assertThat(first.get("client").asText()).isEqualTo("client-1");
            assertThat(first.get("ip").asText()).isEqualTo("10.0.0.1");
            assertThat(first.get("error").asText()).isEqualTo("invalid_user_credentials");
            assertThat(first.get("hash").asText()).isEqualTo(one.hash());
            assertThat(first.get("mac").asText()).isEqualTo(one.mac());
            assertThat(first.get("record").asText()).isEqualTo(one.body());
            assertThat(lines.get(1).get("error").isNull()).isTrue();
            assertThat(sequences(receiver.requests())).containsExactly(1L, 2L, 3L);
        }

        @Test
        void splits_a_large_batch_into_requests_of_max_batch() throws Exception {
            SendResult result = sink(2, 2000).send(records(1, 5), null);

            assertThat(result).isEqualTo(SendResult.all(5));
            assertThat(receiver.requests()).hasSize(3);
            assertThat(sequences(receiver.requests())).containsExactly(1L, 2L, 3L, 4L, 5L);
        }

        @Test
        void hostile_values_stay_one_ascii_line_each_and_read_back_unchanged() throws Exception {
            ExportRecord hostile = Records.hostile(Records.HOSTILE, "{\"x\":\"" + Records.HOSTILE + "\"}");

            assertThat(sink(500, 2000).send(List.of(hostile, Records.record("r1", 43)), null))
                    .isEqualTo(SendResult.all(2));

            byte[] body = receiver.requests().get(0).body();
            for (byte b : body) {
                assertThat(b & 0xFF).isLessThan(0x80);
            }
            List<JsonNode> lines = lines(receiver.requests().get(0));
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).get("user").asText()).isEqualTo(Records.HOSTILE);
            assertThat(lines.get(0).get("record").asText()).isEqualTo(hostile.body());
            assertThat(lines.get(1).get("seq").asLong()).isEqualTo(43);
        }

        @Test
        void an_empty_batch_posts_nothing() {
            assertThat(sink(500, 2000).send(List.of(), null)).isEqualTo(SendResult.all(0));
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Nested
    class Failures {

        @Test
        void a_500_delivers_nothing_and_the_next_send_recovers() throws Exception {
            WebhookSink sink = sink(500, 2000);
            receiver.answer(500);

            SendResult failed = sink.send(records(1, 3), null);

            assertThat(failed).isEqualTo(new SendResult(0, "HTTP 500"));

            receiver.answer(204);
            assertThat(sink.send(records(1, 3), null)).isEqualTo(SendResult.all(3));
            assertThat(sequences(receiver.requests())).containsExactly(1L, 2L, 3L, 1L, 2L, 3L);
        }

        @Test
        void a_failure_after_some_requests_counts_the_acknowledged_ones() {
            receiver.answerAfter(2, 503);

            SendResult result = sink(2, 2000).send(records(1, 5), null);

            assertThat(result).isEqualTo(new SendResult(4, "HTTP 503"));
        }

        @Test
        void a_redirect_is_not_followed_nor_an_acknowledgement() {
            receiver.answer(302);

            assertThat(sink(500, 2000).send(records(1, 1), null)).isEqualTo(new SendResult(0, "HTTP 302"));
            assertThat(receiver.requests()).hasSize(1);
        }

        @Test
        void a_receiver_that_does_not_answer_in_time_delivers_nothing() {
            receiver.delay(1500);

            SendResult result = sink(500, 300).send(records(1, 2), null);

            assertThat(result.delivered()).isZero();
            assertThat(result.error()).startsWith("SocketTimeoutException");
        }

        @Test
        void an_unreachable_receiver_is_an_error_without_record_content() {
            URI url = receiver.url();
            receiver.close();

            SendResult result = sink(url, 500, 1000).send(records(1, 2), null);

            assertThat(result.delivered()).isZero();
            assertThat(result.error()).startsWith("HttpHostConnectException").doesNotContain("user-", "LOGIN");
        }

        @Test
        void a_sink_without_url_says_so() {
            WebhookSink sink =
                    new WebhookSink(client, new WebhookOptions(null, null, 1000, 10), Clock.fixed(NOW, ZoneOffset.UTC));

            assertThat(sink.send(records(1, 1), null).error()).contains("no url");
        }
    }

    @Test
    void signature_with_a_timestamp_outside_the_window_is_refused_by_receivers() {
        sink(500, 2000).send(records(1, 1), null);
        WebhookReceiver.Request request = receiver.requests().get(0);

        assertThat(WebhookSignature.verify(
                        SECRET,
                        request.timestamp(),
                        request.body(),
                        request.signature(),
                        NOW.plus(Duration.ofMinutes(6)),
                        WebhookSignature.DEFAULT_WINDOW))
                .isFalse();
    }
}
