package dev.ciamkit.bench.export;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on a real loopback HTTP server (the JDK's): checks each request's signature as the documented
 * receiver does (HMAC-SHA256 over {@code timestamp "." body}, constant-time compare, 300 s window), independently of
 * our code, counts the JSON lines of the signed ones and answers 204; a bad signature gets 401 and is counted.
 */
final class CountingWebhookReceiver implements AutoCloseable {

    static final String PATH = "/ciamkit-audit";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final byte[] secret;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    CountingWebhookReceiver(String secret) throws IOException {
        this(secret, 0);
    }

    /** @param port a fixed port, the one a server's sink option names (0: any free port) */
    CountingWebhookReceiver(String secret, int port) throws IOException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(executor);
        server.createContext(PATH, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst("X-CiamKit-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-CiamKit-Signature");
            int status;
            if (timestamp != null && signature != null && verified(timestamp, body, signature)) {
                long lines = 0;
                for (byte b : body) {
                    if (b == '\n') {
                        lines++;
                    }
                }
                if (body.length > 0 && body[body.length - 1] != '\n') {
                    lines++;
                }
                records.addAndGet(lines);
                bytes.addAndGet(body.length);
                requests.incrementAndGet();
                status = 204;
            } else {
                refused.incrementAndGet();
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    long records() {
        return records.get();
    }

    long bytes() {
        return bytes.get();
    }

    long requests() {
        return requests.get();
    }

    long refused() {
        return refused.get();
    }

    private boolean verified(String timestamp, byte[] body, String header) {
        try {
            long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
            return age <= 300 && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
