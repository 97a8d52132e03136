package dev.ciamkit.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server that speaks our http SMS sender's contract: JSON POST {to, text, from} with basic auth, answering
 * 202, or a chosen error status for the next requests ({@link #refuseNext}). Stands in for the carrier gateway we cannot
 * reach from here. Every request's {@code Idempotency-Key} is kept, refused ones too.
 */
public final class SmsGateway implements AutoCloseable {

    public record Received(String authorization, JsonNode body) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile int refusalStatus;

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
                gateway.attempts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
                if (gateway.refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.sendResponseHeaders(gateway.refusalStatus, -1);
                    return;
                }
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

    /** The next {@code times} requests get {@code status} and deliver nothing. */
    public void refuseNext(int times, int status) {
        refusalStatus = status;
        refusals.set(times);
    }

    /** The Idempotency-Key of every request so far, delivered or refused, in order. */
    public List<String> attempts() {
        return List.copyOf(attempts);
    }

    /** Forgets messages nobody took, so that a failed test does not hand its leftovers to the next one. */
    public void clear() {
        received.clear();
        attempts.clear();
        refusals.set(0);
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
