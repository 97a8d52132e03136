package dev.ciamkit.audit.sink.syslog;

import dev.ciamkit.audit.sink.spi.ExportRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One RFC 5424 message per record: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG}.
 *
 * <ul>
 *   <li>PRI: the configured facility (default 10, authpriv: the records are security and authorization messages,
 *       which RFC 5424 files under authpriv; 13, log audit, is the other common choice) times 8, plus severity 6
 *       (informational) for a success and 4 (warning) for anything else.
 *   <li>TIMESTAMP: the record's time, RFC 3339 in UTC with milliseconds; "-" outside years 1..9999.
 *   <li>HOSTNAME, APP-NAME, PROCID, MSGID: printable US-ASCII only (others become {@code _}), at most 255, 48, 128 and
 *       32 characters, "-" when empty. MSGID is the record's type.
 *   <li>SD: one element {@code [ciamkit@32473 seq="N" realm=".." realmId=".." kind=".." outcome=".." user=".."
 *       client=".." ip=".." error=".." hash=".." mac=".."]} (absent values left out), escaped as {@link SyslogText}
 *       says and each value capped at 255 bytes (kind and outcome 32, hash 128). 32473 is the private enterprise
 *       number RFC 5612 reserves for documentation.
 *   <li>MSG: a UTF-8 BOM and the record's canonical JSON body.
 * </ul>
 *
 * <p>A message longer than the maximum loses the tail of its MSG (never inside a UTF-8 character or an escape); a
 * message with any value or MSG cut carries {@code truncated="true"} in its SD.
 */
public final class Rfc5424Formatter implements RecordFormatter {

    public static final int FACILITY_AUTHPRIV = 10;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
    /** Room for the longest header and SD and still some of the MSG. */
    public static final int MIN_MESSAGE_BYTES = 4096;

    public static final String SD_ID = "ciamkit@32473";
    static final int SEVERITY_WARNING = 4;
    static final int SEVERITY_INFORMATIONAL = 6;
    static final int HOSTNAME_MAX = 255;
    static final int APP_NAME_MAX = 48;
    static final int PROCID_MAX = 128;
    static final int MSGID_MAX = 32;
    static final int VALUE_MAX_BYTES = 255;
    static final int SHORT_VALUE_MAX_BYTES = 32;
    static final int HASH_MAX_BYTES = 128;
    static final String TRUNCATED = " truncated=\"true\"";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);

    /** The MSG part of a message, rendered within a byte budget. */
    @FunctionalInterface
    public interface Message {
        Rendered render(ExportRecord record, int maxBytes);
    }

    /** A rendered MSG (empty: none) and whether anything in it was cut to fit. */
    public record Rendered(byte[] bytes, boolean truncated) {}

    private final int facility;
    private final String hostname;
    private final String appName;
    private final String procId;
    private final int maxMessageBytes;

    public Rfc5424Formatter(int facility, String hostname, String appName, String procId, int maxMessageBytes) {
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("syslog facility must be 0..23");
        }
        if (maxMessageBytes < MIN_MESSAGE_BYTES) {
            throw new IllegalArgumentException("max message bytes must be at least " + MIN_MESSAGE_BYTES);
        }
        this.facility = facility;
        this.hostname = SyslogText.headerField(hostname, HOSTNAME_MAX);
        this.appName = SyslogText.headerField(appName, APP_NAME_MAX);
        this.procId = SyslogText.headerField(procId, PROCID_MAX);
        this.maxMessageBytes = maxMessageBytes;
    }

    /** MSG = BOM + the canonical JSON body. */
    @Override
    public byte[] format(ExportRecord record) {
        return format(record, Rfc5424Formatter::jsonBody);
    }

    /** The header and SD of {@code record} around the MSG that {@code message} renders in the bytes left. */
    public byte[] format(ExportRecord record, Message message) {
        String header = header(record);
        StructuredData sd = StructuredData.of(record);
        byte[] prefix = (header + sd.text(sd.truncated())).getBytes(StandardCharsets.UTF_8);
        Rendered msg = message.render(record, maxMessageBytes - prefix.length - 1);
        if (msg.truncated() && !sd.truncated()) {
            prefix = (header + sd.text(true)).getBytes(StandardCharsets.UTF_8);
            msg = message.render(record, maxMessageBytes - prefix.length - 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + 1 + msg.bytes().length);
        out.writeBytes(prefix);
        if (msg.bytes().length > 0) {
            out.write(' ');
            out.writeBytes(msg.bytes());
        }
        return out.toByteArray();
    }

    int maxMessageBytes() {
        return maxMessageBytes;
    }

    private String header(ExportRecord record) {
        int severity = "success".equals(record.outcome()) ? SEVERITY_INFORMATIONAL : SEVERITY_WARNING;
        return "<" + (facility * 8 + severity) + ">1 " + timestamp(record.time()) + ' ' + hostname + ' ' + appName + ' '
                + procId + ' ' + SyslogText.headerField(record.type(), MSGID_MAX) + ' ';
    }

    static String timestamp(long epochMillis) {
        OffsetDateTime time = Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
        return time.getYear() < 1 || time.getYear() > 9999 ? "-" : TIMESTAMP.format(time);
    }

    private static Rendered jsonBody(ExportRecord record, int maxBytes) {
        if (record.body() == null || record.body().isEmpty()) {
            return new Rendered(new byte[0], false);
        }
        SyslogText.Capped body = SyslogText.message(record.body(), maxBytes - BOM.length);
        byte[] text = body.text().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(text, 0, bytes, BOM.length, text.length);
        return new Rendered(bytes, body.truncated());
    }

    /** The SD element's parameters, escaped and capped once; {@link #text} closes it with or without the flag. */
    private record StructuredData(String params, boolean truncated) {

        static StructuredData of(ExportRecord record) {
            Params params = new Params();
            params.add("seq", Long.toString(record.sequence()), VALUE_MAX_BYTES);
            params.add("realm", record.realmName() != null ? record.realmName() : record.realmId(), VALUE_MAX_BYTES);
            params.add("realmId", record.realmId(), VALUE_MAX_BYTES);
            params.add("kind", record.kind(), SHORT_VALUE_MAX_BYTES);
            params.add("outcome", record.outcome(), SHORT_VALUE_MAX_BYTES);
            params.add("user", record.userId(), VALUE_MAX_BYTES);
            params.add("client", record.clientId(), VALUE_MAX_BYTES);
            params.add("ip", record.ipAddress(), VALUE_MAX_BYTES);
            params.add("error", record.error(), VALUE_MAX_BYTES);
            params.add("hash", record.hash(), HASH_MAX_BYTES);
            params.add("mac", record.mac(), VALUE_MAX_BYTES);
            return new StructuredData(params.text.toString(), params.truncated);
        }

        String text(boolean flagged) {
            return "[" + SD_ID + params + (flagged ? TRUNCATED : "") + "]";
        }
    }

    private static final class Params {
        private final StringBuilder text = new StringBuilder(512);
        private boolean truncated;

        void add(String name, String value, int maxBytes) {
            if (value == null) {
                return;
            }
            SyslogText.Capped capped = SyslogText.sdValue(value, maxBytes);
            truncated |= capped.truncated();
            text.append(' ').append(name).append("=\"").append(capped.text()).append('"');
        }
    }
}
