package dev.ciamkit.ekyc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox over HTTP: the key, routes, run-time configuration, counters and the memo. */
class EkycSandboxTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EkycSandbox sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = EkycSandbox.start(0);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> post(String path, String body, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header(EkycSandbox.API_KEY_HEADER, apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, sandbox.apiKey());
    }

    private HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).timeout(Duration.ofSeconds(20));
        if (apiKey != null) {
            request.header(EkycSandbox.API_KEY_HEADER, apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Reply.JSON.readTree(response.body());
    }

    private static String ocrBody() {
        return Requests.ocr(TestImages.ID_HONG).toString();
    }

    @Test
    void ocr_over_http_reads_the_id() throws Exception {
        HttpResponse<String> response = post("/v1/id/ocr", ocrBody());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json(response).path("document").path("name").asText()).isEqualTo("홍길동");
    }

    @Test
    void a_missing_or_wrong_api_key_is_401_and_decides_nothing() throws Exception {
        HttpResponse<String> none = post("/v1/id/ocr", ocrBody(), null);
        HttpResponse<String> wrong = post("/v1/id/ocr", ocrBody(), "not-the-key");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("error").asText()).isEqualTo("unauthorized");
        assertThat(get("/sandbox/config", null).statusCode()).isEqualTo(401);
    }

    @Test
    void a_body_that_is_not_json_is_an_invalid_request() throws Exception {
        HttpResponse<String> response = post("/v1/id/verify", "{\"document\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void unknown_paths_and_other_methods_are_refused() throws Exception {
        assertThat(post("/v1/id/ocr2", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/v1/account/transfers/../confirm", "{}").statusCode()).isEqualTo(404);
        assertThat(get("/v1/id/ocr", sandbox.apiKey()).statusCode()).isEqualTo(405);
    }

    @Test
    void a_method_told_to_fail_fails_while_the_others_answer() throws Exception {
        HttpResponse<String> configured =
                post("/sandbox/config", "{\"methods\":{\"ocr\":{\"failureRate\":1.0,\"failStatus\":500}}}");

        assertThat(configured.statusCode()).isEqualTo(200);
        assertThat(post("/v1/id/ocr", ocrBody()).statusCode()).isEqualTo(500);
        assertThat(post("/v1/id/verify", Requests.document("hong").toString()).statusCode())
                .isEqualTo(200);
        assertThat(sandbox.config().effective(SandboxOperation.OCR).failStatus())
                .isEqualTo(500);
    }

    @Test
    void a_malformed_failure_is_200_with_a_body_that_is_not_json() throws Exception {
        sandbox.configure(SandboxConfig.defaults().with(SandboxOperation.VERIFY, Behaviour.malformedAnswers()));

        HttpResponse<String> response =
                post("/v1/id/verify", Requests.document("hong").toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{").doesNotEndWith("}");
    }

    @Test
    void latency_holds_the_answer_back() throws Exception {
        sandbox.configure(SandboxConfig.defaults().with(SandboxOperation.VERIFY, Behaviour.slow(400)));
        long start = System.nanoTime();

        HttpResponse<String> response =
                post("/v1/id/verify", Requests.document("hong").toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void a_configuration_out_of_range_is_refused_and_the_old_one_stays() throws Exception {
        HttpResponse<String> response = post("/sandbox/config", "{\"failureRate\": 2}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("message").asText()).contains("failureRate");
        assertThat(sandbox.config()).isEqualTo(SandboxConfig.defaults());
    }

    @Test
    void a_transfer_started_over_http_shows_its_memo_and_confirms_with_its_code() throws Exception {
        HttpResponse<String> started = post(
                "/v1/account/transfers",
                Requests.account("088", "110-123-456789").toString());
        String id = json(started).path("transferId").asText();

        JsonNode memo = json(get("/sandbox/transfers/" + id, sandbox.apiKey()));
        String code = memo.path("memo").asText().substring("CIAMKIT ".length());
        HttpResponse<String> confirmed = post(
                "/v1/account/transfers/" + id + "/confirm", Requests.code(code).toString());

        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(code).isEqualTo(EkycSandbox.memoCode("088", "110-123-456789"));
        assertThat(sandbox.memoCode(id)).contains(code);
        assertThat(json(confirmed).path("result").asText()).isEqualTo("PASSED");
    }

    @Test
    void requests_are_counted_per_method_refused_ones_too_until_a_reset() throws Exception {
        post("/v1/id/ocr", ocrBody());
        post("/v1/id/ocr", ocrBody(), null);
        post("/v1/face/match", "{}");

        assertThat(sandbox.requests(SandboxOperation.OCR)).isEqualTo(2);
        assertThat(json(get("/sandbox/stats", sandbox.apiKey())).path("face").asInt())
                .isEqualTo(1);

        assertThat(post("/sandbox/reset", "").statusCode()).isEqualTo(200);

        assertThat(sandbox.requests(SandboxOperation.OCR)).isZero();
    }

    @Test
    void health_answers_without_a_key() throws Exception {
        HttpResponse<String> response = get("/sandbox/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("UP");
    }
}
