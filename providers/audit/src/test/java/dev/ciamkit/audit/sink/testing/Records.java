package dev.ciamkit.audit.sink.testing;

import dev.ciamkit.audit.sink.spi.AuditSink;
import dev.ciamkit.audit.sink.spi.ExportRecord;
import java.util.ArrayList;
import java.util.List;

/** Records for sink tests: ordinary ones, hostile ones, and a fake trail that answers {@code EarlierRecords}. */
public final class Records {

    public static final long TIME = 1_764_057_600_123L; // 2025-11-25T08:00:00.123Z

    /** Everything a client could smuggle into a field: line ends, NUL, bidi override, format metacharacters, emoji. */
    public static final String HOSTILE = "a\r\nb\u0000c\u202Ed]e\"f\\g|h=i CEF:0|x|y| cs1=evil [x@1 k=\"v\"] \u2028z"
            + "\uD83D\uDE00\uD800\u0085\u007F";

    private Records() {}

    public static ExportRecord record(String realmId, long sequence) {
        return new ExportRecord(
                sequence,
                realmId,
                realmId + "-name",
                TIME + sequence,
                "USER",
                sequence % 2 == 0 ? "LOGIN" : "LOGIN_ERROR",
                sequence % 2 == 0 ? "success" : "failure",
                "user-" + sequence,
                "client-" + sequence,
                "10.0.0." + (sequence % 250),
                sequence % 2 == 0 ? null : "invalid_user_credentials",
                "{\"seq\":" + sequence + ",\"type\":\"LOGIN\"}",
                "ab".repeat(32),
                "h1.k1.c2lnbmF0dXJl");
    }

    public static ExportRecord hostile(String value, String body) {
        return new ExportRecord(
                42, value, value, TIME, value, value, value, value, value, value, value, body, value, value);
    }

    public static String repeat(String value, int approximateChars) {
        return value.repeat(Math.max(1, approximateChars / value.length()));
    }

    /** A realm's audit trail from 1 to {@code last}, answering the sink's questions about earlier records. */
    public static final class Trail implements AuditSink.EarlierRecords {
        private final List<ExportRecord> records = new ArrayList<>();
        private final List<String> questions = new ArrayList<>();

        public Trail(String realmId, long last) {
            extend(realmId, last);
        }

        public Trail extend(String realmId, long last) {
            long from = records.stream()
                    .filter(r -> r.realmId().equals(realmId))
                    .mapToLong(ExportRecord::sequence)
                    .max()
                    .orElse(0);
            for (long seq = from + 1; seq <= last; seq++) {
                records.add(record(realmId, seq));
            }
            return this;
        }

        public List<ExportRecord> range(String realmId, long from, long to) {
            return records.stream()
                    .filter(r -> r.realmId().equals(realmId) && r.sequence() >= from && r.sequence() <= to)
                    .toList();
        }

        @Override
        public synchronized List<ExportRecord> before(String realmId, long sequence, int max) {
            questions.add(realmId + "<" + sequence + "/" + max);
            List<ExportRecord> found = records.stream()
                    .filter(r -> r.realmId().equals(realmId) && r.sequence() < sequence)
                    .toList();
            return found.subList(Math.max(0, found.size() - max), found.size());
        }

        public synchronized List<String> questions() {
            return List.copyOf(questions);
        }
    }
}
