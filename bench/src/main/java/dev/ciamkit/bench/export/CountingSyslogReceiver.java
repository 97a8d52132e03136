package dev.ciamkit.bench.export;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A syslog receiver on a real loopback socket that reads RFC 6587 octet-counted frames (the length, a space, that many
 * bytes) and counts them; a malformed frame ends the connection and is counted too, so a run that lost its framing
 * shows it.
 */
final class CountingSyslogReceiver implements AutoCloseable {

    private static final Pattern SEQ = Pattern.compile(" seq=\"(\\d+)\"");

    private final ServerSocket server;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    /** Numbers above this are collected (one per record, duplicates once); -1: frames are only counted. */
    private final long numbersAbove;

    private final Set<Long> numbers = ConcurrentHashMap.newKeySet();

    CountingSyslogReceiver() throws IOException {
        this(0);
    }

    /** @param port a fixed port, the one a server's sink option names (0: any free port) */
    CountingSyslogReceiver(int port) throws IOException {
        this(port, -1);
    }

    /**
     * @param numbersAbove also collects each frame's record number ({@code seq="…"}) above this, so re-sent records
     *     count once ({@link #distinctNumbers()})
     */
    CountingSyslogReceiver(int port, long numbersAbove) throws IOException {
        this.numbersAbove = numbersAbove;
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

    /** How many different record numbers above the constructor's bound arrived. */
    long distinctNumbers() {
        return numbers.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
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
                if (numbersAbove < 0) {
                    in.skipNBytes(length);
                } else {
                    collect(new String(in.readNBytes(length), StandardCharsets.UTF_8));
                }
                bytes.addAndGet(length);
                frames.incrementAndGet();
            }
        } catch (IOException e) {
            // the connection ended
        }
    }

    private void collect(String frame) {
        Matcher seq = SEQ.matcher(frame);
        if (seq.find()) {
            long n = Long.parseLong(seq.group(1));
            if (n > numbersAbove) {
                numbers.add(n);
            }
        }
    }

    /** Stops listening and ends every connection, as a receiver that goes down does. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
