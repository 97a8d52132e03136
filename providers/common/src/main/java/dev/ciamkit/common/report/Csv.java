package dev.ciamkit.common.report;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV, with cells that a spreadsheet would run as a formula defused by a leading apostrophe. */
public final class Csv {

    private Csv() {}

    public static String line(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
