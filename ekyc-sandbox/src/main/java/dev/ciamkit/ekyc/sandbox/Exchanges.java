package dev.ciamkit.ekyc.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The plumbing every sandbox route shares: the API key, a bounded body, a JSON answer. */
final class Exchanges {

    static final String API_KEY_HEADER = "X-API-Key";
    /** Two 10 MiB images in base64 and some JSON. */
    static final int MAX_BODY_BYTES = 30 * 1024 * 1024;

    private Exchanges() {}

    static boolean authorized(HttpExchange exchange, String apiKey) {
        String given = exchange.getRequestHeaders().getFirst(API_KEY_HEADER);
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The request body, or null when it is longer than {@value #MAX_BODY_BYTES} bytes. */
    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body;
        try {
            body = Reply.JSON.writeValueAsBytes(reply.body());
        } catch (JsonProcessingException e) {
            throw new IOException("the sandbox could not write its answer", e);
        }
        send(exchange, reply.status(), body);
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
