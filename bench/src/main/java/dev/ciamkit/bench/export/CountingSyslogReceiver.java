package dev.ciamkit.bench.export;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A syslog receiver on a real loopback socket that reads RFC 6587 octet-counted frames (the length, a space, that many
 * bytes) and counts them; a malformed frame ends the connection and is counted too, so a run that lost its framing
 * shows it.
 */
final class CountingSyslogReceiver implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    CountingSyslogReceiver() throws IOException {
        this(0);
    }

    /** @param port a fixed port, the one a server's sink option names (0: any free port) */
    CountingSyslogReceiver(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread accept = new Thread(this::accept, "bench-syslog-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long frames() {
        return frames.get();
    }

    long bytes() {
        return bytes.get();
    }

    long malformed() {
        return malformed.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread reader = new Thread(() -> read(connection), "bench-syslog-read");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket connection) {
        try (InputStream in = new BufferedInputStream(connection.getInputStream(), 64 * 1024)) {
            while (true) {
                int length = 0;
                int digits = 0;
                int b;
                while ((b = in.read()) != ' ') {
                    if (b < 0 && digits == 0) {
                        return;
                    }
                    if (b < '0' || b > '9' || digits == 9) {
                        malformed.incrementAndGet();
                        return;
                    }
                    length = length * 10 + (b - '0');
                    digits++;
                }
                in.skipNBytes(length);
                bytes.addAndGet(length);
                frames.incrementAndGet();
            }
        } catch (IOException e) {
            // the connection ended
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
