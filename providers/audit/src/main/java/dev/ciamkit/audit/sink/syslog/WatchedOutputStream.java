package dev.ciamkit.audit.sink.syslog;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A socket's output stream with the write timeout Java sockets lack: each write arms a watchdog that closes the TCP
 * socket when the write blocks longer than the timeout (a receiver that stopped reading), which makes the write fail.
 */
final class WatchedOutputStream extends FilterOutputStream {

    private final Socket owner;
    private final ScheduledExecutorService watchdog;
    private final int timeoutMillis;

    WatchedOutputStream(OutputStream out, Socket owner, ScheduledExecutorService watchdog, int timeoutMillis) {
        super(out);
        this.owner = owner;
        this.watchdog = watchdog;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ScheduledFuture<?> abort = arm();
        try {
            out.write(bytes, offset, length);
        } finally {
            abort.cancel(false);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
        ScheduledFuture<?> abort = arm();
        try {
            out.flush();
        } finally {
            abort.cancel(false);
        }
    }

    private ScheduledFuture<?> arm() {
        return watchdog.schedule(() -> SyslogConnection.quietlyClose(owner), timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
