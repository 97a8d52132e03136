package dev.ciamkit.ekyc.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport against a plain HTTP server on the loopback that records what arrives: headers, retries, the deadline.
 * (What the answers mean is {@link HttpEkycVerifierTest}'s, against the sandbox.)
 */
class GatewayTransportTest {

    record Seen(String path, Map<String, String> headers, String body) {}

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private volatile byte[] answer = "{\"result\":\"PASSED\"}".getBytes(StandardCharsets.UTF_8);
    private CloseableHttpClient client;
    private ScheduledExecutorService timer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        AtomicInteger count = new AtomicInteger();
        server.createContext("/", exchange -> {
            try (exchange) {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders()
                        .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
                seen.add(new Seen(
                        exchange.getRequestURI().getPath(),
                        headers,
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                int n = count.getAndIncrement();
                int status = n < statuses.size() ? statuses.get(n) : 200;
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
        client = HttpClients.createDefault();
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        client.close();
        timer.shutdownNow();
    }

    private GatewayTransport transportTo(String baseUrl, String apiKey, String... options) {
        String[] all = new String[options.length + 4];
        all[0] = "base-url";
        all[1] = baseUrl;
        all[2] = "backoff-ms";
        all[3] = "10";
        System.arraycopy(options, 0, all, 4, options.length);
        return new GatewayTransport(client, timer, HttpEkycConfig.read(MapScope.of(all)), apiKey);
    }

    private GatewayTransport transport(String... options) {
        return transportTo("http://127.0.0.1:" + server.getAddress().getPort() + "/gw/", "key-123", options);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode body() {
        return GatewayTransport.JSON.createObjectNode().put("code", "4676");
    }

    @Test
    void posts_json_to_the_contract_path_with_the_api_key_and_an_idempotency_key() {
        Exchange exchange = transport("api-key-header", "X-Gateway-Key").post("/v1/id/verify", body(), true);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body().path("result").asText()).isEqualTo("PASSED");
        });
        Seen request = seen.get(0);
        assertThat(request.path()).isEqualTo("/gw/v1/id/verify");
        assertThat(request.headers())
                .containsEntry("x-gateway-key", "key-123")
                .containsEntry("accept", "application/json")
                .containsKey("idempotency-key");
        assertThat(request.headers().get("content-type")).startsWith("application/json");
        assertThat(request.body()).isEqualTo("{\"code\":\"4676\"}");
    }

    @Test
    void without_a_key_no_key_header_is_sent() {
        transportTo("http://127.0.0.1:" + server.getAddress().getPort(), null).post("/v1/id/ocr", body(), true);

        assertThat(seen.get(0).headers()).doesNotContainKey("x-api-key");
    }

    @Test
    void an_idempotent_call_is_retried_after_a_5xx_with_the_same_idempotency_key() {
        statuses.addAll(List.of(502, 503));

        Exchange exchange = transport("retries", "2").post("/v1/id/ocr", body(), true);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.attempts()).isEqualTo(3);
        });
        assertThat(seen).hasSize(3);
        assertThat(seen.stream().map(s -> s.headers().get("idempotency-key")).distinct())
                .singleElement()
                .satisfies(key -> assertThat(key).isNotBlank());
    }

    @Test
    void a_call_that_is_not_idempotent_goes_out_once_whatever_the_answer() {
        statuses.addAll(List.of(500, 500, 500));

        Exchange exchange = transport("retries", "3").post("/v1/account/transfers", body(), false);

        assertThat(exchange)
                .isInstanceOfSatisfying(
                        Exchange.Answered.class, a -> assertThat(a.status()).isEqualTo(500));
        assertThat(seen).hasSize(1);
    }

    @Test
    void a_4xx_is_final_even_for_an_idempotent_call() {
        statuses.add(422);

        transport("retries", "3").post("/v1/id/ocr", body(), true);

        assertThat(seen).hasSize(1);
    }

    @Test
    void an_answer_longer_than_the_contract_allows_is_no_json() {
        answer = ("{\"result\":\"PASSED\",\"pad\":\"" + "x".repeat(GatewayTransport.MAX_ANSWER_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        Exchange exchange = transport().post("/v1/id/ocr", body(), true);

        assertThat(exchange)
                .isInstanceOfSatisfying(
                        Exchange.Answered.class,
                        a -> assertThat(a.body().isMissingNode()).isTrue());
    }

    @Test
    void a_gateway_that_trickles_its_answer_is_abandoned_at_the_deadline() throws Exception {
        // One byte of a never-ending header every 100 ms: no read waits long enough for the read timeout, so only the
        // deadline's abort ends the request (without it, after 40 s).
        try (ServerSocket trickler = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> {
                try (Socket socket = trickler.accept()) {
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nX-Pad: ".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 400; i++) {
                        out.write('a');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client hung up: what this test wants
                }
            });
            serving.setDaemon(true);
            serving.start();
            long start = System.nanoTime();

            Exchange exchange = transportTo(
                            "http://127.0.0.1:" + trickler.getLocalPort(),
                            "k",
                            "read-timeout-ms",
                            "30000",
                            "deadline-ms",
                            "800",
                            "retries",
                            "3")
                    .post("/v1/id/ocr", body(), true);

            assertThat(exchange)
                    .isEqualTo(new Exchange.NoAnswer(VerificationStatus.TIMEOUT, EkycReason.VENDOR_TIMEOUT, 1));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void a_refused_connection_is_unreachable_and_retried_while_time_is_left() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }

        Exchange exchange =
                transportTo("http://127.0.0.1:" + port, "k", "retries", "2").post("/v1/id/ocr", body(), true);

        assertThat(exchange)
                .isEqualTo(new Exchange.NoAnswer(VerificationStatus.UNAVAILABLE, EkycReason.VENDOR_UNREACHABLE, 3));
    }
}
