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
 * mac, and last {@code msg}, the canonical JSON body, cut to the bytes left. Values are capped at 255 bytes, header
 * fields at 128 (version 64); when hostile values fill a small maximum, later pairs are cut or left out, and the SD
 * says {@code truncated="true"}.
 */
public final class CefFormatter implements RecordFormatter {

    static final String VENDOR = "CIAM Kit";
    static final String PRODUCT = "CIAM Kit audit";
    static final int SEVERITY_SUCCESS = 3;
    static final int SEVERITY_FAILURE = 7;
    /** Bytes of a header field: well below CEF's own limits, so that header and SD leave room for the extensions. */
    static final int HEADER_MAX = 128;

    static final int VERSION_MAX = 64;

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
        String head = "CEF:0|" + header(VENDOR, HEADER_MAX) + '|' + header(PRODUCT, HEADER_MAX) + '|'
                + header(version, VERSION_MAX) + '|' + header(record.type(), HEADER_MAX) + '|'
                + header(record.type(), HEADER_MAX) + '|'
                + ("success".equals(record.outcome()) ? SEVERITY_SUCCESS : SEVERITY_FAILURE) + '|';
        Extensions ext = new Extensions(maxBytes - head.getBytes(StandardCharsets.UTF_8).length);
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
        // last, with whatever room is left
        ext.add("msg", record.body(), Integer.MAX_VALUE);
        return new Rfc5424Formatter.Rendered((head + ext.text).getBytes(StandardCharsets.UTF_8), ext.truncated);
    }

    /** A header field: {@code \} and {@code |} escaped, unsafe characters as {@code ?}, at most {@code max} bytes. */
    static String header(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        return SyslogText.escape(value, max, cp -> switch (cp) {
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

    /** Extensions within a byte budget: a value is cut to fit, a pair that cannot fit at all is left out. */
    private static final class Extensions {
        private final StringBuilder text = new StringBuilder(512);
        private int left;
        private boolean truncated;

        Extensions(int budget) {
            this.left = budget;
        }

        void add(String key, String value) {
            add(key, value, Rfc5424Formatter.VALUE_MAX_BYTES);
        }

        void add(String key, String value, int maxBytes) {
            if (value == null) {
                return;
            }
            int separator = text.length() > 0 ? 1 : 0;
            int room = Math.min(maxBytes, left - separator - key.length() - 1);
            if (room < 0) {
                truncated = true;
                return;
            }
            SyslogText.Capped capped = SyslogText.escape(value, room, CefFormatter::extensionToken);
            truncated |= capped.truncated();
            if (separator > 0) {
                text.append(' ');
            }
            text.append(key).append('=').append(capped.text());
            left -= separator + key.length() + 1 + capped.text().getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
