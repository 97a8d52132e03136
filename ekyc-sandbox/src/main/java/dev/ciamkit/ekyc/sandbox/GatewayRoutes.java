package dev.ciamkit.ekyc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's endpoints: route, count, check the API key, read the body, wait the configured latency, fail when
 * the failure plan says so, and otherwise let the decisions answer.
 */
final class GatewayRoutes implements HttpHandler {

    private static final Pattern CONFIRM = Pattern.compile("/v1/account/transfers/([A-Za-z0-9_-]{1,64})/confirm");
    /** What a failed request with {@code malformed} gets: 200 and a body that is not JSON. */
    private static final byte[] MALFORMED = "{\"result\": \"PASSED\", \"reason\": ".getBytes(StandardCharsets.UTF_8);

    private final SandboxState state;

    GatewayRoutes(SandboxState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher confirm = CONFIRM.matcher(path);
            Optional<SandboxOperation> operation = operation(path, confirm.matches());
            if (operation.isEmpty()) {
                Exchanges.send(exchange, Reply.error(404, "not_found", "no such endpoint"));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                Exchanges.send(exchange, Reply.error(405, "method_not_allowed", "use POST"));
                return;
            }
            state.count(operation.get());
            Optional<Reply> reply = answer(exchange, operation.get(), confirm);
            if (reply.isPresent()) {
                Exchanges.send(exchange, reply.get());
            } else {
                Exchanges.send(exchange, 200, MALFORMED);
            }
        }
    }

    /** Empty when the answer is to be malformed. */
    private Optional<Reply> answer(HttpExchange exchange, SandboxOperation operation, Matcher confirm)
            throws IOException {
        if (!Exchanges.authorized(exchange, state.apiKey())) {
            return Optional.of(Reply.error(401, "unauthorized", "missing or wrong " + Exchanges.API_KEY_HEADER));
        }
        byte[] body = Exchanges.body(exchange);
        if (body == null) {
            return Optional.of(Reply.error(413, "image_too_large", "the request is too large"));
        }
        SandboxConfig config = state.config();
        SandboxConfig.Effective behaviour = config.effective(operation);
        if (!pause(behaviour.latencyMs())) {
            return Optional.of(Reply.error(503, "sandbox_stopping", "the sandbox is stopping"));
        }
        if (state.failures().fails(operation, behaviour.failureRate())) {
            return behaviour.malformed()
                    ? Optional.empty()
                    : Optional.of(Reply.error(
                            behaviour.failStatus(), "sandbox_failure", "a failure the sandbox was told to give"));
        }
        JsonNode request;
        try {
            request = Reply.JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of(Reply.invalidRequest("the body is not JSON"));
        }
        if (request == null || !request.isObject()) {
            return Optional.of(Reply.invalidRequest("the body is not a JSON object"));
        }
        return Optional.of(decide(exchange, operation, confirm, request, config));
    }

    private Reply decide(
            HttpExchange exchange,
            SandboxOperation operation,
            Matcher confirm,
            JsonNode request,
            SandboxConfig config) {
        return switch (operation) {
            case OCR -> state.ids().ocr(request, config.unmarked());
            case VERIFY -> state.ids().verify(request);
            case FACE -> state.faces().match(request, config.unmarked());
            case TRANSFER ->
                state.transfers().start(request, exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            case CONFIRM -> state.transfers().confirm(confirm.group(1), request);
        };
    }

    private static Optional<SandboxOperation> operation(String path, boolean confirm) {
        return Optional.ofNullable(
                switch (path) {
                    case "/v1/id/ocr" -> SandboxOperation.OCR;
                    case "/v1/id/verify" -> SandboxOperation.VERIFY;
                    case "/v1/face/match" -> SandboxOperation.FACE;
                    case "/v1/account/transfers" -> SandboxOperation.TRANSFER;
                    default -> confirm ? SandboxOperation.CONFIRM : null;
                });
    }

    /** False when the sandbox stops while waiting. */
    private static boolean pause(long millis) {
        if (millis <= 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
