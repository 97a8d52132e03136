package dev.ciamkit.audit.sink.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A syslog receiver on a real socket: accepts connections, reads RFC 6587 octet-counted frames and keeps every message
 * in arrival order. It can go down (closing its connections and its port) and come back on the same port.
 */
public final class SyslogReceiver implements AutoCloseable {

    /** Makes an unbound server socket. */
    @FunctionalInterface
    public interface Sockets {
        ServerSocket create() throws IOException;
    }

    private final Sockets sockets;
    private final List<byte[]> messages = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile Thread acceptor;
    private volatile boolean reading = true;
    private int port;

    private SyslogReceiver(Sockets sockets) {
        this.sockets = sockets;
    }

    /** A plain TCP receiver on a free port of 127.0.0.1. */
    public static SyslogReceiver plain() throws IOException {
        return start(ServerSocket::new);
    }

    /** A receiver whose server sockets come from {@code sockets} (TLS), unbound. */
    public static SyslogReceiver start(Sockets sockets) throws IOException {
        // sockets come unbound, so the port can be reused once bound
        SyslogReceiver receiver = new SyslogReceiver(sockets);
        receiver.up(0);
        return receiver;
    }

    public int port() {
        return port;
    }

    /** Stops reading from new connections (they still connect): a receiver whose buffers fill up. */
    public void stopReading() {
        reading = false;
    }

    /**
     * Closes the port and the connections. Returns once the accepting thread has left: until then the JDK may keep the
     * listening socket open, and the kernel would still complete a connection to it.
     */
    public synchronized void down() throws IOException {
        server.close();
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    /** Closes the connections but keeps listening. */
    public void dropConnections() throws IOException {
        for (Socket connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    public synchronized void up() throws IOException {
        up(port);
    }

    private void up(int wanted) throws IOException {
        ServerSocket socket = sockets.create();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
        server = socket;
        port = socket.getLocalPort();
        acceptor = new Thread(() -> accept(socket), "test-syslog-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                accepted.incrementAndGet();
                connections.add(connection);
                Thread reader = new Thread(() -> read(connection), "test-syslog-read");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket connection) {
        if (!reading) {
            return;
        }
        try (InputStream in = connection.getInputStream()) {
            while (true) {
                byte[] frame = frame(in);
                if (frame == null) {
                    return;
                }
                messages.add(frame);
            }
        } catch (IOException e) {
            if (!connection.isClosed()) {
                errors.add(e.toString());
            }
        }
    }

    /** One octet-counted frame: NONZERO-DIGIT *DIGIT SP then exactly that many bytes; null at a clean end. */
    private byte[] frame(InputStream in) throws IOException {
        int length = 0;
        int digits = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (digits == 0) {
                    return null;
                }
                throw new IOException("stream ended inside a frame length");
            }
            if (b == ' ' && digits > 0) {
                break;
            }
            if (b < '0' || b > '9' || (digits == 0 && b == '0') || digits == 9) {
                errors.add("bad frame length byte " + b);
                throw new IOException("bad frame length");
            }
            length = length * 10 + (b - '0');
            digits++;
        }
        byte[] message = in.readNBytes(length);
        if (message.length != length) {
            throw new IOException("stream ended inside a frame");
        }
        return message;
    }

    public List<byte[]> messages() {
        return new ArrayList<>(messages);
    }

    /** The {@code seq} of each message, in arrival order. */
    public List<Long> sequences() {
        return messages.stream()
                .map(m -> Long.parseLong(Rfc5424Message.parse(m).params().get("seq")))
                .toList();
    }

    public int accepted() {
        return accepted.get();
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Waits until {@code count} messages arrived (or the timeout passed). */
    public SyslogReceiver await(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return this;
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
