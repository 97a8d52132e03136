package dev.ciamkit.audit.sink.syslog;

import java.util.function.IntFunction;

/**
 * Escaping and capping of untrusted text for the syslog formats. Every value is walked code point by code point and
 * cut at a byte budget between two tokens, so a cut never splits a UTF-8 character, a surrogate pair or an escape.
 * Characters that could end a line or change how a line reads are written as {@code \}{@code uXXXX} text: C0 and C1
 * controls, bidi and other format characters (U+202E), line and paragraph separators, and unpaired surrogates (which
 * UTF-8 cannot carry).
 */
final class SyslogText {

    /** A value after escaping, and whether its tail was cut off to fit. */
    record Capped(String text, boolean truncated) {}

    private SyslogText() {}

    /** An RFC 5424 header field: PRINTUSASCII (33..126) only, others as {@code _}, at most {@code max}, else "-". */
    static String headerField(String value, int max) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; ) {
            int cp = value.codePointAt(i);
            out.append(cp >= 33 && cp <= 126 ? (char) cp : '_');
            i += Character.charCount(cp);
        }
        return out.length() == 0 ? "-" : out.toString();
    }

    /** An SD-PARAM value (RFC 5424 section 6.3.3): {@code "}, {@code \} and {@code ]} backslash-escaped. */
    static Capped sdValue(String value, int maxBytes) {
        return escape(value, maxBytes, cp -> switch (cp) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case ']' -> "\\]";
            default -> unsafe(cp) ? unicodeEscape(cp) : null;
        });
    }

    /**
     * The free-form MSG: only C0 controls and unpaired surrogates are escaped, so canonical JSON (which never holds a
     * raw C0 control) passes byte for byte and its hash still verifies.
     */
    static Capped message(String value, int maxBytes) {
        return escape(value, maxBytes, cp -> cp < 0x20 || isSurrogate(cp) ? unicodeEscape(cp) : null);
    }

    /**
     * Escapes {@code value} with {@code tokens} (null: the code point as it is) and keeps whole tokens within
     * {@code maxBytes} UTF-8 bytes.
     */
    static Capped escape(String value, int maxBytes, IntFunction<String> tokens) {
        if (value == null) {
            return new Capped("", false);
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), Math.max(0, maxBytes)));
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            String token = tokens.apply(cp);
            // every token is ASCII
            int size = token != null ? token.length() : utf8Length(cp);
            if (bytes + size > maxBytes) {
                return new Capped(out.toString(), true);
            }
            if (token != null) {
                out.append(token);
            } else {
                out.appendCodePoint(cp);
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return new Capped(out.toString(), false);
    }

    /** Characters a reader must never see raw in a field: controls, format and separator characters, lone halves. */
    static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /** {@code \}{@code uXXXX} per UTF-16 unit, as JSON writes it (a supplementary character takes two). */
    static String unicodeEscape(int cp) {
        StringBuilder out = new StringBuilder(12);
        for (char c : Character.toChars(cp)) {
            out.append(String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }

    static int utf8Length(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }

    private static boolean isSurrogate(int cp) {
        return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
    }
}
