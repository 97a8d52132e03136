package dev.ciamkit.audit.sink.syslog;

import dev.ciamkit.audit.sink.spi.ExportRecord;
import java.nio.charset.StandardCharsets;

/**
 * ArcSight CEF as the MSG of an RFC 5424 message (the same header and SD as {@link Rfc5424Formatter}, so the
 * sequence number travels in the SD too; no BOM, since CEF parsers expect the MSG to start with {@code CEF:}):
 *
 * <pre>CEF:0|CIAM Kit|CIAM Kit audit|version|type|type|severity|extensions</pre>
 *
 * <p>Severity 3 for a success, 7 otherwise. Header fields escape {@code \} and {@code |} and replace control and
 * format characters by {@code ?}. Extension values escape {@code \}, {@code =}, CR and LF as {@code \\ \= \r \n} and
 * other control and format characters as {@code \}{@code uXXXX} text. Extensions, standard keys where CEF has one:
 * {@code rt} (epoch millis), {@code cat} (kind), {@code outcome}, {@code suser} (user id), {@code src} (only a valid
 * IP literal; anything else goes to {@code cs5}, label {@code clientAddress}), {@code reason} (error code),
 * {@code cs1} realm, {@code cs6} realmId, {@code cn1} sequence, {@code cs2} client, {@code cs3} hash, {@code cs4}
 * mac, and last {@code msg}, the canonical JSON body, cut to the bytes left.
 */
public final class CefFormatter implements RecordFormatter {

    static final String VENDOR = "CIAM Kit";
    static final String PRODUCT = "CIAM Kit audit";
    static final int SEVERITY_SUCCESS = 3;
    static final int SEVERITY_FAILURE = 7;
    static final int HEADER_MAX = 255;

    private final Rfc5424Formatter frame;
    private final String version;

    public CefFormatter(Rfc5424Formatter frame, String version) {
        this.frame = frame;
        this.version = version;
    }

    @Override
    public byte[] format(ExportRecord record) {
        return frame.format(record, this::render);
    }

    Rfc5424Formatter.Rendered render(ExportRecord record, int maxBytes) {
        Extensions ext = new Extensions();
        ext.add("rt", Long.toString(record.time()));
        ext.add("cat", record.kind());
        ext.add("outcome", record.outcome());
        ext.add("suser", record.userId());
        if (IpLiteral.isValid(record.ipAddress())) {
            ext.add("src", record.ipAddress());
        } else if (record.ipAddress() != null) {
            ext.add("cs5Label", "clientAddress");
            ext.add("cs5", record.ipAddress());
        }
        ext.add("reason", record.error());
        ext.add("cs1Label", "realm");
        ext.add("cs1", record.realmName() != null ? record.realmName() : record.realmId());
        ext.add("cs6Label", "realmId");
        ext.add("cs6", record.realmId());
        ext.add("cn1Label", "sequence");
        ext.add("cn1", Long.toString(record.sequence()));
        ext.add("cs2Label", "client");
        ext.add("cs2", record.clientId());
        ext.add("cs3Label", "hash");
        ext.add("cs3", record.hash());
        ext.add("cs4Label", "mac");
        ext.add("cs4", record.mac());

        String head = "CEF:0|" + header(VENDOR) + '|' + header(PRODUCT) + '|' + header(version) + '|'
                + header(record.type()) + '|' + header(record.type()) + '|'
                + ("success".equals(record.outcome()) ? SEVERITY_SUCCESS : SEVERITY_FAILURE) + '|';
        String text = head + ext.text;
        boolean truncated = ext.truncated;
        if (record.body() != null) {
            String key = (ext.text.length() == 0 ? "" : " ") + "msg=";
            int left = maxBytes - text.getBytes(StandardCharsets.UTF_8).length - key.length();
            SyslogText.Capped body = SyslogText.escape(record.body(), Math.max(0, left), CefFormatter::extensionToken);
            text += key + body.text();
            truncated |= body.truncated();
        }
        return new Rfc5424Formatter.Rendered(text.getBytes(StandardCharsets.UTF_8), truncated);
    }

    /** A header field: {@code \} and {@code |} escaped, unsafe characters as {@code ?}, at most 255 characters. */
    static String header(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        return SyslogText.escape(value, HEADER_MAX, cp -> switch (cp) {
                    case '\\' -> "\\\\";
                    case '|' -> "\\|";
                    default -> SyslogText.unsafe(cp) ? "?" : null;
                })
                .text();
    }

    static String extensionToken(int cp) {
        return switch (cp) {
            case '\\' -> "\\\\";
            case '=' -> "\\=";
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            default -> SyslogText.unsafe(cp) ? SyslogText.unicodeEscape(cp) : null;
        };
    }

    private static final class Extensions {
        private final StringBuilder text = new StringBuilder(512);
        private boolean truncated;

        void add(String key, String value) {
            if (value == null) {
                return;
            }
            SyslogText.Capped capped =
                    SyslogText.escape(value, Rfc5424Formatter.VALUE_MAX_BYTES, CefFormatter::extensionToken);
            truncated |= capped.truncated();
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(key).append('=').append(capped.text());
        }
    }
}
