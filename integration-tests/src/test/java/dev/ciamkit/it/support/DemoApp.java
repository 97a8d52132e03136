package dev.ciamkit.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The demo app's redirect target on http://localhost:8765, the URL the demo realm registers for it. */
public final class DemoApp implements AutoCloseable {

    public static final int PORT = 8765;
    public static final String REDIRECT_URI = "http://localhost:" + PORT + "/callback";

    private final HttpServer server;

    private DemoApp(HttpServer server) {
        this.server = server;
    }

    public static DemoApp start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(PORT), 0);
        server.createContext("/", exchange -> {
            byte[] body = "<html><body><h1 id=\"demo-app\">CIAM Kit demo app</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new DemoApp(server);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
