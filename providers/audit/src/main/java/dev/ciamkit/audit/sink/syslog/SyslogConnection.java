package dev.ciamkit.audit.sink.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The one TCP (or TLS) connection a syslog sink factory owns, opened on first use and reused until it fails or the
 * receiver closes it. Not thread-safe by itself: {@link SyslogTcpSink} holds its monitor for a whole batch.
 *
 * <p>Writes go through a {@link WatchedOutputStream} on a watchdog thread the connection owns (Java sockets have no
 * write timeout). TLS checks the receiver's certificate and its host name.
 */
final class SyslogConnection {

    private final String host;
    private final int port;
    private final SSLSocketFactory tls;
    private final int connectTimeoutMillis;
    private final int writeTimeoutMillis;
    /** Realms whose earlier records were re-sent on the current connection. */
    private final Set<String> resent = new HashSet<>();

    private ScheduledThreadPoolExecutor watchdog;
    /** The TCP socket; under TLS, {@link #socket} wraps it and the watchdog closes this one (no close_notify). */
    private Socket plain;

    private Socket socket;
    private OutputStream out;
    private boolean closed;

    SyslogConnection(String host, int port, SSLSocketFactory tls, int connectTimeoutMillis, int writeTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.writeTimeoutMillis = writeTimeoutMillis;
    }

    /** The open connection's stream; a new connection (and no realm re-sent yet) when there was none or it ended. */
    OutputStream stream() throws IOException {
        if (socket != null && receiverClosed()) {
            disconnect();
        }
        if (socket == null) {
            open();
        }
        return out;
    }

    /** True the first time a realm is seen on the current connection: its earlier records are due first. */
    boolean firstUse(String realmId) {
        return resent.add(realmId);
    }

    /**
     * Whether the receiver closed its side (or reset it). Receivers never send, so a read that times out after 1 ms
     * means open; end of stream or an error means gone. A close still in flight is not seen: the next connection's
     * re-send covers that.
     */
    boolean receiverClosed() {
        if (socket == null) {
            return true;
        }
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            try {
                socket.setSoTimeout(writeTimeoutMillis);
            } catch (IOException ignored) {
                // a closed socket: the next use reconnects
            }
        }
    }

    void disconnect() {
        resent.clear();
        // the TCP socket first: a TLS close_notify could block on a receiver that stopped reading
        quietlyClose(plain);
        quietlyClose(socket);
        plain = null;
        socket = null;
        out = null;
    }

    /** Closes the connection and its watchdog for good (the factory closes). */
    synchronized void close() {
        closed = true;
        disconnect();
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
    }

    private void open() throws IOException {
        if (closed) {
            throw new IOException("the syslog sink is closed");
        }
        Socket tcp = new Socket();
        try {
            tcp.setKeepAlive(true);
            tcp.setSoTimeout(connectTimeoutMillis);
            tcp.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            Socket connected = tcp;
            if (tls != null) {
                SSLSocket secure = (SSLSocket) tls.createSocket(tcp, host, port, true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                secure.startHandshake();
                connected = secure;
            }
            connected.setSoTimeout(writeTimeoutMillis);
            plain = tcp;
            socket = connected;
            out = new WatchedOutputStream(connected.getOutputStream(), tcp, watchdog(), writeTimeoutMillis);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    static void quietlyClose(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing more to do with a broken socket
            }
        }
    }

    private synchronized ScheduledThreadPoolExecutor watchdog() {
        if (watchdog == null) {
            watchdog = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "ciamkit-syslog-write-timeout");
                thread.setDaemon(true);
                return thread;
            });
            watchdog.setRemoveOnCancelPolicy(true);
        }
        return watchdog;
    }
}
