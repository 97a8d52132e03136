package dev.ciamkit.audit.sink.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of one CEF:0 text written for the tests: exactly seven unescaped {@code |} in the header, and in
 * the extension every unescaped {@code =} preceded by a key that starts the text or follows a space.
 */
public record CefMessage(List<String> header, Map<String, String> extensions) {

    public static CefMessage parse(String text) {
        if (!text.startsWith("CEF:0|")) {
            throw new IllegalArgumentException("not CEF:0");
        }
        List<String> header = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        for (; i < text.length() && header.size() < 7; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                char next = text.charAt(++i);
                if (next != '\\' && next != '|') {
                    throw new IllegalArgumentException("bad header escape \\" + next);
                }
                field.append(next);
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (header.size() != 7) {
            throw new IllegalArgumentException("CEF header needs 7 fields, has " + header.size());
        }
        return new CefMessage(header, extensions(text.substring(i)));
    }

    private static Map<String, String> extensions(String ext) {
        List<int[]> keys = new ArrayList<>();
        for (int i = 0; i < ext.length(); i++) {
            char c = ext.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                int start = i;
                while (start > 0 && Character.isLetterOrDigit(ext.charAt(start - 1))) {
                    start--;
                }
                if (start == i || (start > 0 && ext.charAt(start - 1) != ' ')) {
                    throw new IllegalArgumentException("unescaped = without a key at " + i);
                }
                keys.add(new int[] {start, i});
            } else if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("raw line end in the extension");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            int[] key = keys.get(k);
            int end = k + 1 < keys.size() ? keys.get(k + 1)[0] - 1 : ext.length();
            String name = ext.substring(key[0], key[1]);
            if (values.put(name, unescape(ext.substring(key[1] + 1, end))) != null) {
                throw new IllegalArgumentException("key twice: " + name);
            }
        }
        return values;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                switch (next) {
                    case 'r' -> out.append('\r');
                    case 'n' -> out.append('\n');
                    case '\\', '=' -> out.append(next);
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
