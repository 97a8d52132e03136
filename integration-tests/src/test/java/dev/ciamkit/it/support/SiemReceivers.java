package dev.ciamkit.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Real SIEM receivers for the audit export, on the ports the IT server's sink options name: a syslog receiver over TCP
 * that reads RFC 6587 octet-counted frames (RFC 5424 messages), and a webhook receiver that checks the documented
 * signature ({@code X-CiamKit-Signature: v1=hex(HMAC-SHA256(secret, timestamp + "." + body))}) itself, independently
 * of our code. Each can be taken down and brought back on the same port.
 */
public final class SiemReceivers {

    public static final int SYSLOG_PORT = 15514;
    public static final int WEBHOOK_PORT = 15580;
    public static final String WEBHOOK_PATH = "/ciamkit-audit";
    public static final String WEBHOOK_SECRET = "it-webhook-secret-0123456789-abcdefghij";
    /** Records per webhook request on the IT servers. */
    public static final int WEBHOOK_MAX_BATCH = 4;

    private SiemReceivers() {}

    /** The server options that point the IT server's sinks here. */
    public static List<String> serverOptions() {
        return List.of(
                "--spi-ciamkit-audit-sink--syslog--host=127.0.0.1",
                "--spi-ciamkit-audit-sink--syslog--port=" + SYSLOG_PORT,
                "--spi-ciamkit-audit-sink--webhook--url=http://127.0.0.1:" + WEBHOOK_PORT + WEBHOOK_PATH,
                "--spi-ciamkit-audit-sink--webhook--secret=" + WEBHOOK_SECRET,
                // a handful of records spans several requests, so a test can fail a delivery midway
                "--spi-ciamkit-audit-sink--webhook--max-batch=" + WEBHOOK_MAX_BATCH,
                // no test waits minutes for a retry
                "--spi-jpa-entity-provider--ciamkit-outbox--initial-backoff-millis=200",
                "--spi-jpa-entity-provider--ciamkit-outbox--max-backoff-millis=1000");
    }

    /** One syslog frame as received. */
    public record Frame(long seq, String message) {}

    private static final Pattern SEQ = Pattern.compile("\\[ciamkit@32473 [^\\]]*?seq=\"(\\d+)\"");

    /** Octet-counted RFC 5424 over TCP. */
    public static final class Syslog implements AutoCloseable {
        private final List<Frame> frames = new CopyOnWriteArrayList<>();
        private final List<Socket> connections = new CopyOnWriteArrayList<>();
        private final AtomicBoolean malformed = new AtomicBoolean();
        private volatile ServerSocket server;

        public void start() throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), SYSLOG_PORT));
            server = socket;
            Thread accept = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try {
                                Socket c = socket.accept();
                                connections.add(c);
                                Thread reader = new Thread(() -> read(c), "it-syslog-reader");
                                reader.setDaemon(true);
                                reader.start();
                            } catch (IOException e) {
                                return;
                            }
                        }
                    },
                    "it-syslog-accept");
            accept.setDaemon(true);
            accept.start();
        }

        private void read(Socket c) {
            try (InputStream in = new BufferedInputStream(c.getInputStream())) {
                while (true) {
                    StringBuilder length = new StringBuilder();
                    int b;
                    while ((b = in.read()) != ' ') {
                        if (b < 0) {
                            return;
                        }
                        if (b < '0' || b > '9' || length.length() > 9) {
                            malformed.set(true);
                            return;
                        }
                        length.append((char) b);
                    }
                    byte[] message = in.readNBytes(Integer.parseInt(length.toString()));
                    String text = new String(message, StandardCharsets.UTF_8);
                    Matcher m = SEQ.matcher(text);
                    if (!m.find() || text.contains("\n") || text.contains("\r")) {
                        malformed.set(true);
                        continue;
                    }
                    frames.add(new Frame(Long.parseLong(m.group(1)), text));
                }
            } catch (IOException | RuntimeException e) {
                // the connection ended
            }
        }

        /** Down: no more connections accepted, the open ones closed (as a receiver restart does). */
        public void stop() throws IOException {
            server.close();
            for (Socket c : connections) {
                c.close();
            }
            connections.clear();
        }

        /** The frames of one realm (its id is in every record's body), in arrival order. */
        public List<Frame> frames(String realmId) {
            return frames.stream()
                    .filter(f -> f.message().contains("\"realm\":\"" + realmId + "\""))
                    .toList();
        }

        public boolean sawMalformed() {
            return malformed.get();
        }

        @Override
        public void close() throws IOException {
            stop();
        }
    }

    /**
     * A JSON-lines webhook; answers 503 while "down", counts a request with a bad signature, and can hold the next
     * request unanswered (a delivery in flight) until released.
     */
    public static final class Webhook implements AutoCloseable {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final int port;
        private final List<JsonNode> records = new CopyOnWriteArrayList<>();
        private final AtomicBoolean down = new AtomicBoolean();
        /** Requests of {@link #planRealm} still accepted before the receiver goes down by itself; -1: no such plan. */
        private final java.util.concurrent.atomic.AtomicInteger acceptBeforeDown =
                new java.util.concurrent.atomic.AtomicInteger(-1);

        private volatile String planRealm;

        private final AtomicBoolean badSignature = new AtomicBoolean();
        private final AtomicBoolean holdArmed = new AtomicBoolean();
        private volatile java.util.concurrent.CountDownLatch arrived;
        private volatile java.util.concurrent.CountDownLatch gate;
        private HttpServer server;

        /** On the port the IT server's sink names. */
        public Webhook() {
            this(WEBHOOK_PORT);
        }

        public Webhook(int port) {
            this.port = port;
        }

        public void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext(WEBHOOK_PATH, exchange -> {
                if (holdArmed.compareAndSet(true, false)) {
                    arrived.countDown();
                    try {
                        gate.await(120, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    // the sender is gone or gave up: this delivery is not acknowledged
                    exchange.close();
                    return;
                }
                byte[] body = exchange.getRequestBody().readAllBytes();
                String timestamp = exchange.getRequestHeaders().getFirst("X-CiamKit-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("X-CiamKit-Signature");
                int status;
                // only the plan's realm counts: the trail is global, other realms' records come in requests of their
                // own
                String realm = planRealm;
                if (realm != null
                        && new String(body, StandardCharsets.UTF_8).contains("\"realm\":\"" + realm + "\"")
                        && acceptBeforeDown.getAndUpdate(n -> n > 0 ? n - 1 : -1) == 0) {
                    down.set(true);
                }
                if (down.get()) {
                    status = 503;
                } else if (timestamp == null || signature == null || !verify(timestamp, body, signature)) {
                    badSignature.set(true);
                    status = 401;
                } else {
                    for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank()) {
                            records.add(JSON.readTree(line));
                        }
                    }
                    status = 204;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        private static boolean verify(String timestamp, byte[] body, String header) {
            try {
                long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
                String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
                return age <= 300
                        && MessageDigest.isEqual(
                                expected.getBytes(StandardCharsets.US_ASCII),
                                header.getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                return false;
            }
        }

        public void down(boolean isDown) {
            acceptBeforeDown.set(-1);
            down.set(isDown);
        }

        /**
         * Up for the next {@code requests} requests with records of the realm, then answers 503 to every request until
         * {@code down(false)}.
         */
        public void downAfter(int requests, String realmId) {
            planRealm = realmId;
            down.set(false);
            acceptBeforeDown.set(requests);
        }

        /** The next request is held, unanswered and unread, until {@link #releaseHeld()}; returns its arrival. */
        public java.util.concurrent.CountDownLatch holdNext() {
            arrived = new java.util.concurrent.CountDownLatch(1);
            gate = new java.util.concurrent.CountDownLatch(1);
            holdArmed.set(true);
            return arrived;
        }

        /** Ends the held request without an answer (its records are not acknowledged). */
        public void releaseHeld() {
            java.util.concurrent.CountDownLatch g = gate;
            if (g != null) {
                g.countDown();
            }
        }

        /** The records of one realm, in arrival order. */
        public List<JsonNode> records(String realmId) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode r : records) {
                if (realmId.equals(r.path("realm").asText())) {
                    out.add(r);
                }
            }
            return out;
        }

        public boolean sawBadSignature() {
            return badSignature.get();
        }

        @Override
        public void close() {
            releaseHeld();
            server.stop(0);
        }
    }
}
