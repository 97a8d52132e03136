package dev.ciamkit.sms.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ciamkit.sms.spi.SmsException;
import dev.ciamkit.sms.spi.SmsMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The http sender against a real HTTP server on the loopback that plays the gateway: shapes, auth, retries, deadline. */
class HttpSmsGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SmsMessage MESSAGE = new SmsMessage("+821012345678", "인증 링크: \"https://x/y?a=1&b=2\"\n끝");

    /** What the gateway saw of each request. */
    record Seen(String method, Map<String, String> headers, String body) {}

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;
    private CloseableHttpClient client;
    private ScheduledExecutorService timer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        AtomicInteger count = new AtomicInteger();
        server.createContext("/sms", exchange -> {
            seen.add(record(exchange));
            int n = count.getAndIncrement();
            if (hang) {
                try {
                    release.await(40, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = n < answers.size() ? answers.get(n) : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        client = HttpClients.createDefault();
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        server.stop(0);
        client.close();
        timer.shutdownNow();
    }

    @Test
    void json_body_with_basic_auth_escapes_the_text_and_keeps_the_structure() throws Exception {
        send(Map.of("username", "bank", "password", "s3cret", "from", "CIAMKIT"));

        Seen request = seen.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().get("content-type"))
                .startsWith("application/json")
                .contains("UTF-8");
        assertThat(request.headers().get("authorization"))
                .isEqualTo(
                        "Basic " + Base64.getEncoder().encodeToString("bank:s3cret".getBytes(StandardCharsets.UTF_8)));
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("to").asText()).isEqualTo(MESSAGE.to());
        assertThat(body.get("text").asText()).isEqualTo(MESSAGE.text());
        assertThat(body.get("from").asText()).isEqualTo("CIAMKIT");
        assertThat(body.size()).isEqualTo(3);
    }

    @Test
    void form_body_from_a_custom_template_with_bearer_auth() throws Exception {
        send(Map.of(
                "body-format", "form",
                "body-template", "dest={{number}}&msg={{ text }}&sid={{sender}}&type=LMS",
                "auth", "bearer",
                "token", "tok-123",
                "from", "0215880000"));

        Seen request = seen.get(0);
        assertThat(request.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.headers().get("authorization")).isEqualTo("Bearer tok-123");
        assertThat(form(request.body()))
                .containsExactly(
                        Map.entry("dest", MESSAGE.to()),
                        Map.entry("msg", MESSAGE.text()),
                        Map.entry("sid", "0215880000"),
                        Map.entry("type", "LMS"));
    }

    @Test
    void header_auth_takes_the_token_through_the_secret_resolver() throws Exception {
        UnaryOperator<String> vault = v -> v.equals("${vault.sms-token}") ? "from-the-vault" : v;

        send(Map.of("auth", "header", "auth-header", "X-Gateway-Key", "token", "${vault.sms-token}"), vault);

        assertThat(seen.get(0).headers())
                .containsEntry("x-gateway-key", "from-the-vault")
                .doesNotContainKey("authorization");
    }

    @Test
    void a_5xx_is_retried_with_the_same_idempotency_key_and_then_succeeds_once() throws Exception {
        answers.addAll(List.of(503, 500));

        send(Map.of("retries", "2", "backoff-ms", "10"));

        assertThat(seen).hasSize(3);
        assertThat(seen.stream().map(s -> s.headers().get("idempotency-key")).distinct())
                .singleElement()
                .satisfies(key -> assertThat(key).isNotBlank());
    }

    @Test
    void a_4xx_is_final_and_names_the_gateways_status() {
        answers.add(401);

        assertThatThrownBy(() -> send(Map.of("retries", "3", "backoff-ms", "10")))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SmsException.Reason.REJECTED);
                    assertThat(e.gatewayStatus()).isEqualTo(401);
                    assertThat(e.reason().eventError()).isEqualTo("ciamkit_sms_rejected");
                    assertThat(e.getMessage()).doesNotContain("1012345678");
                });
        assertThat(seen).hasSize(1);
    }

    @Test
    void a_refusal_after_a_500_does_not_prove_the_message_stayed_home() {
        answers.addAll(List.of(500, 400));

        assertThatThrownBy(() -> send(Map.of("retries", "2", "backoff-ms", "10")))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.gatewayStatus()).isEqualTo(400);
                    assertThat(e.provablyNotSent())
                            .as("the 500 may have been queued")
                            .isFalse();
                });
        assertThat(seen).hasSize(2);
    }

    @Test
    void refusals_with_503_only_prove_the_message_did_not_leave() {
        answers.addAll(List.of(503, 503, 503));

        assertThatThrownBy(() -> send(Map.of("retries", "2", "backoff-ms", "10")))
                .isInstanceOfSatisfying(
                        SmsException.class, e -> assertThat(e.provablyNotSent()).isTrue());
    }

    @Test
    void a_5xx_on_every_attempt_stops_after_the_configured_retries() {
        answers.addAll(List.of(500, 502, 503, 504, 500, 500));

        assertThatThrownBy(() -> send(Map.of("retries", "1", "backoff-ms", "10")))
                .isInstanceOfSatisfying(
                        SmsException.class, e -> assertThat(e.gatewayStatus()).isEqualTo(502));
        assertThat(seen).hasSize(2);
    }

    @Test
    void an_attempt_never_waits_past_the_deadline_whatever_its_read_timeout() {
        hang = true;

        // The gateway answers 200 after 40 s; the read timeout (30 s) is cut to the time left before the deadline,
        // and no retry starts after it.
        assertThatThrownBy(() -> send(Map.of("read-timeout-ms", "30000", "deadline-ms", "800", "retries", "3")))
                .isInstanceOfSatisfying(
                        SmsException.class, e -> assertThat(e.reason()).isEqualTo(SmsException.Reason.TIMEOUT));
        assertThat(seen).as("no retry after the deadline").hasSize(1);
    }

    @Test
    void a_gateway_that_trickles_its_answer_is_abandoned_at_the_deadline() throws Exception {
        // One byte of a never-ending header every 100 ms: no read ever waits long enough for the read timeout, so only
        // the deadline's abort ends the request (in about 0.8 s; without it the answer would end after 40 s, in 200).
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
                    out.write("\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException | InterruptedException e) {
                    // the sender hung up: what this test wants
                }
            });
            serving.setDaemon(true);
            serving.start();
            HttpSmsConfig config = HttpSmsConfig.read(
                    Map.of(
                            "url", "http://127.0.0.1:" + trickler.getLocalPort() + "/sms",
                            "read-timeout-ms", "30000",
                            "deadline-ms", "800",
                            "retries", "0"),
                    UnaryOperator.identity());

            assertThatThrownBy(() -> new HttpSmsGateway(client, timer).send(MESSAGE, config))
                    .isInstanceOfSatisfying(SmsException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SmsException.Reason.TIMEOUT);
                        assertThat(e.getMessage()).contains("within the deadline");
                    });
        }
    }

    @Test
    void an_unreachable_gateway_is_a_handled_failure() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);

        assertThatThrownBy(() -> new HttpSmsGateway(client, timer)
                        .send(
                                MESSAGE,
                                HttpSmsConfig.read(
                                        Map.of("url", "http://127.0.0.1:" + port + "/sms", "retries", "1"),
                                        UnaryOperator.identity())))
                .isInstanceOfSatisfying(
                        SmsException.class, e -> assertThat(e.reason()).isEqualTo(SmsException.Reason.UNREACHABLE));
    }

    @Test
    void a_template_that_does_not_give_json_or_names_an_unknown_placeholder_sends_nothing() {
        assertThatThrownBy(() -> send(Map.of("body-template", "{\"to\": {{number}}}")))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SmsException.Reason.NOT_CONFIGURED);
                    assertThat(e.getMessage()).doesNotContain("1012345678");
                });
        assertThatThrownBy(() -> send(Map.of("body-template", "{\"to\":\"{{phone}}\"}")))
                .isInstanceOfSatisfying(
                        SmsException.class, e -> assertThat(e.getMessage()).contains("{{phone}}"));
        assertThat(seen).isEmpty();
    }

    private void send(Map<String, String> settings) throws SmsException {
        send(settings, UnaryOperator.identity());
    }

    private void send(Map<String, String> settings, UnaryOperator<String> secrets) throws SmsException {
        Map<String, String> config = new HashMap<>(settings);
        config.put("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
        new HttpSmsGateway(client, timer).send(MESSAGE, HttpSmsConfig.read(config, secrets));
    }

    private static Seen record(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Seen(exchange.getRequestMethod(), headers, body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> pairs = new ArrayList<>(Arrays.asList(body.split("&")));
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
