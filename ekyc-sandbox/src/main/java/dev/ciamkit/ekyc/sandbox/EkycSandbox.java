package dev.ciamkit.ekyc.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in eKYC gateway that speaks the contract of {@code providers/ekyc/README.md} with deterministic answers
 * (this module's README lists the test IDs, images and accounts). Embed it in a test with
 * {@code EkycSandbox.start(0)} (an ephemeral port on the loopback) and {@link #close()}, or run it with
 * {@code java -jar} ({@link SandboxMain}).
 */
public final class EkycSandbox implements AutoCloseable {

    /** The key the sandbox expects when none is given. */
    public static final String DEFAULT_API_KEY = "ciamkit-sandbox-key";
    /** The header that carries the API key. */
    public static final String API_KEY_HEADER = Exchanges.API_KEY_HEADER;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxState state;

    private EkycSandbox(HttpServer server, ExecutorService executor, SandboxState state) {
        this.server = server;
        this.executor = executor;
        this.state = state;
    }

    /** On the loopback, with the default key and configuration; port 0 picks a free one. */
    public static EkycSandbox start(int port) throws IOException {
        return start("127.0.0.1", port, DEFAULT_API_KEY, SandboxConfig.defaults());
    }

    public static EkycSandbox start(String host, int port, String apiKey, SandboxConfig config) throws IOException {
        SandboxState state = new SandboxState(apiKey, config, Clock.systemUTC());
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        AtomicInteger threads = new AtomicInteger();
        // requests wait out their latency on their own threads, so a slow method never holds up another
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "ekyc-sandbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", new GatewayRoutes(state));
        server.createContext("/sandbox/", new AdminRoutes(state));
        server.start();
        return new EkycSandbox(server, executor, state);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}: the gateway's base URL, without a trailing slash. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    public String apiKey() {
        return state.apiKey();
    }

    public SandboxConfig config() {
        return state.config();
    }

    /** Applies at once, to requests that have not yet passed their latency; failure plans count from zero again. */
    public void configure(SandboxConfig config) {
        state.configure(config);
    }

    /** Default configuration, no transfers, request counts at zero. */
    public void reset() {
        state.reset();
    }

    /** Requests of one operation that reached the sandbox since it started or was reset, refused ones included. */
    public int requests(SandboxOperation operation) {
        return state.requests(operation);
    }

    /** The code in the memo of a transfer's deposit, as the account holder would read it; empty when unknown. */
    public Optional<String> memoCode(String transferId) {
        return state.transfers()
                .reveal(transferId)
                .map(transfer -> transfer.path("memo").asText().substring(Transfers.MEMO_PREFIX.length()));
    }

    /** The code every transfer to this account carries in its memo. */
    public static String memoCode(String bankCode, String accountNumber) {
        return Transfers.memoCode(bankCode, accountNumber.replaceAll("[\\s-]", ""));
    }

    /** Stops at once: requests waiting out their latency end without an answer. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }
}
