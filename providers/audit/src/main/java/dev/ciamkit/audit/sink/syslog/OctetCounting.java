package dev.ciamkit.audit.sink.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 6587 octet-counting framing, {@code MSG-LEN SP SYSLOG-MSG}: the length counts bytes, not characters, so a
 * message may hold any byte (a receiver never looks for a line end) and a multi-byte character never shifts a frame.
 */
public final class OctetCounting {

    private OctetCounting() {}

    public static void write(OutputStream out, byte[] message) throws IOException {
        out.write(prefix(message));
        out.write(message);
    }

    public static byte[] frame(byte[] message) {
        byte[] prefix = prefix(message);
        byte[] frame = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(message, 0, frame, prefix.length, message.length);
        return frame;
    }

    private static byte[] prefix(byte[] message) {
        if (message.length == 0) {
            // MSG-LEN is NONZERO-DIGIT *DIGIT: an empty frame does not exist
            throw new IllegalArgumentException("a syslog message is never empty");
        }
        return (message.length + " ").getBytes(StandardCharsets.US_ASCII);
    }
}
