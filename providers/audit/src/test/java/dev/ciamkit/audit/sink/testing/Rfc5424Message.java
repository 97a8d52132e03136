package dev.ciamkit.audit.sink.testing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of one RFC 5424 message with one SD element, written for the tests (not the formatter's code read
 * backwards): it refuses invalid UTF-8, any CR, LF or NUL byte, a header field outside PRINTUSASCII or its length, an
 * unescaped {@code "} or {@code ]} in a value, and anything after the SD but a space and MSG.
 */
public record Rfc5424Message(
        int pri,
        String timestamp,
        String hostname,
        String appName,
        String procId,
        String msgId,
        String sdId,
        Map<String, String> params,
        byte[] msg) {

    private static final Pattern HEADER =
            Pattern.compile("<([0-9]{1,3})>1 ([\\x21-\\x7E]{1,255}) ([\\x21-\\x7E]{1,255})"
                    + " ([\\x21-\\x7E]{1,48}) ([\\x21-\\x7E]{1,128}) ([\\x21-\\x7E]{1,32}) \\[([^ =\\]\"]{1,32})");
    private static final Pattern PARAM_NAME = Pattern.compile("[^ =\\]\"]{1,32}");

    public static Rfc5424Message parse(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\r' || b == '\n' || b == 0) {
                throw new IllegalArgumentException("a raw CR, LF or NUL on the wire");
            }
        }
        String text = strictUtf8(bytes);
        Matcher header = HEADER.matcher(text);
        if (!header.lookingAt()) {
            throw new IllegalArgumentException("no RFC 5424 header: " + text.substring(0, Math.min(80, text.length())));
        }
        int pos = header.end();
        Map<String, String> params = new LinkedHashMap<>();
        while (text.charAt(pos) == ' ') {
            int eq = text.indexOf('=', pos);
            String name = text.substring(pos + 1, eq);
            if (!PARAM_NAME.matcher(name).matches() || text.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("bad SD-PARAM name at " + pos);
            }
            StringBuilder value = new StringBuilder();
            int i = eq + 2;
            for (; ; i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    break;
                }
                if (c == ']') {
                    throw new IllegalArgumentException("unescaped ] in " + name);
                }
                if (c == '\\' && "\"\\]".indexOf(text.charAt(i + 1)) >= 0) {
                    value.append(text.charAt(++i));
                } else {
                    value.append(c);
                }
            }
            if (params.put(name, value.toString()) != null) {
                throw new IllegalArgumentException("SD-PARAM twice: " + name);
            }
            pos = i + 1;
        }
        if (text.charAt(pos) != ']') {
            throw new IllegalArgumentException("SD element not closed at " + pos);
        }
        pos++;
        byte[] msg = new byte[0];
        if (pos < text.length()) {
            if (text.charAt(pos) != ' ') {
                throw new IllegalArgumentException("no space before MSG");
            }
            int prefixBytes = text.substring(0, pos + 1).getBytes(StandardCharsets.UTF_8).length;
            msg = Arrays.copyOfRange(bytes, prefixBytes, bytes.length);
        }
        return new Rfc5424Message(
                Integer.parseInt(header.group(1)),
                header.group(2),
                header.group(3),
                header.group(4),
                header.group(5),
                header.group(6),
                header.group(7),
                params,
                msg);
    }

    /** MSG without a leading BOM, as text. */
    public String msgText() {
        byte[] body = msg;
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            body = Arrays.copyOfRange(body, 3, body.length);
        }
        return strictUtf8(body);
    }

    public boolean hasBom() {
        return msg.length >= 3 && msg[0] == (byte) 0xEF && msg[1] == (byte) 0xBB && msg[2] == (byte) 0xBF;
    }

    public static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8", e);
        }
    }
}
