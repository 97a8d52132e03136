package dev.ciamkit.ekyc.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * {@code /sandbox/*}: what tests and people use to steer and read the sandbox, with the same API key (except
 * {@code health}). {@code GET|POST config}, {@code POST reset}, {@code GET stats}, {@code GET transfers/{id}} (the
 * deposit as the account holder sees it, memo included), {@code GET health}.
 */
final class AdminRoutes implements HttpHandler {

    static final JsonMapper CONFIG_JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final SandboxState state;

    AdminRoutes(SandboxState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/sandbox/health")) {
                Exchanges.send(
                        exchange, new Reply(200, Reply.JSON.createObjectNode().put("status", "UP")));
                return;
            }
            if (!Exchanges.authorized(exchange, state.apiKey())) {
                Exchanges.send(
                        exchange, Reply.error(401, "unauthorized", "missing or wrong " + Exchanges.API_KEY_HEADER));
                return;
            }
            Exchanges.send(exchange, route(exchange, path, method));
        }
    }

    private Reply route(HttpExchange exchange, String path, String method) throws IOException {
        if (path.equals("/sandbox/config") && method.equals("GET")) {
            return config();
        }
        if (path.equals("/sandbox/config") && method.equals("POST")) {
            byte[] body = Exchanges.body(exchange);
            try {
                state.configure(CONFIG_JSON.readValue(body == null ? new byte[0] : body, SandboxConfig.class));
            } catch (IOException e) {
                // the constructor's message says which value is wrong
                return Reply.invalidRequest("not a sandbox configuration: " + rootMessage(e));
            }
            return config();
        }
        if (path.equals("/sandbox/reset") && method.equals("POST")) {
            state.reset();
            return config();
        }
        if (path.equals("/sandbox/stats") && method.equals("GET")) {
            ObjectNode stats = Reply.JSON.createObjectNode();
            for (SandboxOperation operation : SandboxOperation.values()) {
                stats.put(operation.key(), state.requests(operation));
            }
            return new Reply(200, stats);
        }
        if (path.startsWith("/sandbox/transfers/") && method.equals("GET")) {
            return state.transfers()
                    .reveal(path.substring("/sandbox/transfers/".length()))
                    .map(transfer -> new Reply(200, transfer))
                    .orElseGet(() -> Reply.error(404, "transfer_not_found", "no such transfer"));
        }
        return Reply.error(404, "not_found", "no such endpoint");
    }

    private Reply config() throws JsonProcessingException {
        return new Reply(200, CONFIG_JSON.valueToTree(state.config()));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
