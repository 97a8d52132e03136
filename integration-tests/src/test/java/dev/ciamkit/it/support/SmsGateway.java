package dev.ciamkit.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server that speaks our http SMS sender's contract: JSON POST {to, text, from} with basic auth, answering
 * 202. Stands in for the carrier gateway we cannot reach from here.
 */
public final class SmsGateway implements AutoCloseable {

    public record Received(String authorization, JsonNode body) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private SmsGateway(HttpServer server) {
        this.server = server;
    }

    public static SmsGateway start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SmsGateway gateway = new SmsGateway(server);
        ObjectMapper json = new ObjectMapper();
        server.createContext("/sms", exchange -> {
            try (exchange) {
                JsonNode body = json.readTree(exchange.getRequestBody());
                gateway.received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body));
                exchange.sendResponseHeaders(202, -1);
            }
        });
        server.start();
        return gateway;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    public Received next() throws InterruptedException {
        Received message = received.poll(20, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("the SMS gateway received nothing");
        }
        return message;
    }

    /** Forgets messages nobody took, so that a failed test does not hand its leftovers to the next one. */
    public void clear() {
        received.clear();
    }

    /** Messages received and not yet taken with {@link #next()}. */
    public int waiting() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
