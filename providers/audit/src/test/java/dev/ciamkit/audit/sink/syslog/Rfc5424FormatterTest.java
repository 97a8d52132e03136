package dev.ciamkit.audit.sink.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciamkit.audit.sink.spi.ExportRecord;
import dev.ciamkit.audit.sink.testing.Records;
import dev.ciamkit.audit.sink.testing.Rfc5424Message;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc5424FormatterTest {

    private static final Rfc5424Formatter FORMATTER =
            new Rfc5424Formatter(Rfc5424Formatter.FACILITY_AUTHPRIV, "kc-1.example", "ciamkit", "4711", 65536);

    private static Rfc5424Message parse(ExportRecord record) {
        return Rfc5424Message.parse(FORMATTER.format(record));
    }

    @Nested
    class Ordinary_records {

        @Test
        void writes_header_sd_and_body_exactly() {
            String text = new String(FORMATTER.format(Records.record("r1", 2)), StandardCharsets.UTF_8);

            assertThat(text)
                    .isEqualTo("<86>1 2025-11-25T08:00:00.125Z kc-1.example ciamkit 4711 LOGIN [ciamkit@32473"
                            + " seq=\"2\" realm=\"r1-name\" realmId=\"r1\" kind=\"USER\" outcome=\"success\""
                            + " user=\"user-2\" client=\"client-2\" ip=\"10.0.0.2\" hash=\"" + "ab".repeat(32)
                            + "\" mac=\"h1.k1.c2lnbmF0dXJl\"] \uFEFF{\"seq\":2,\"type\":\"LOGIN\"}");
        }

        @Test
        void failure_is_a_warning_and_success_informational() {
            assertThat(parse(Records.record("r1", 1)).pri()).isEqualTo(10 * 8 + 4);
            assertThat(parse(Records.record("r1", 2)).pri()).isEqualTo(10 * 8 + 6);
        }

        @Test
        void facility_is_configurable() {
            Rfc5424Formatter audit = new Rfc5424Formatter(13, "h", "a", "1", 65536);

            assertThat(Rfc5424Message.parse(audit.format(Records.record("r1", 2)))
                            .pri())
                    .isEqualTo(13 * 8 + 6);
        }

        @Test
        void leaves_absent_values_out_of_the_sd() {
            ExportRecord bare = new ExportRecord(
                    7,
                    "r1",
                    null,
                    Records.TIME,
                    "SYSTEM",
                    "KEY_ROTATED",
                    "success",
                    null,
                    null,
                    null,
                    null,
                    "{}",
                    "ff",
                    null);

            assertThat(parse(bare).params())
                    .containsOnlyKeys("seq", "realm", "realmId", "kind", "outcome", "hash")
                    .containsEntry("realm", "r1");
        }

        @Test
        void has_no_msg_without_a_body() {
            ExportRecord bare = new ExportRecord(
                    7, "r1", "r", Records.TIME, "USER", "LOGIN", "success", null, null, null, null, null, "ff", null);

            assertThat(parse(bare).msg()).isEmpty();
        }

        @Test
        void passes_canonical_json_byte_for_byte_even_with_bidi_and_separators() {
            String body = "{\"user\":\"\u202Eevil\u2028\uD83D\uDE00\",\"x\":\"a\\r\\nb\"}";
            ExportRecord record = withBody(body);

            Rfc5424Message message = parse(record);

            assertThat(message.hasBom()).isTrue();
            assertThat(message.msgText()).isEqualTo(body);
        }
    }

    @Nested
    class Timestamps {

        @Test
        void are_rfc3339_utc_with_millis() {
            assertThat(Rfc5424Formatter.timestamp(0)).isEqualTo("1970-01-01T00:00:00.000Z");
            assertThat(Rfc5424Formatter.timestamp(Records.TIME)).isEqualTo("2025-11-25T08:00:00.123Z");
        }

        @ParameterizedTest
        @ValueSource(longs = {Long.MAX_VALUE, Long.MIN_VALUE, -62_135_596_800_001L, 253_402_300_800_000L})
        void are_nil_outside_four_digit_years(long millis) {
            assertThat(Rfc5424Formatter.timestamp(millis)).isEqualTo("-");
        }
    }

    @Nested
    class Hostile_input {

        @Test
        void in_every_field_stays_one_well_formed_message() {
            ExportRecord record = Records.hostile(Records.HOSTILE, "{\"x\":\"" + Records.HOSTILE + "\"}");

            byte[] bytes = FORMATTER.format(record);
            Rfc5424Message message = Rfc5424Message.parse(bytes);

            assertThat(message.msgId()).matches("[\\x21-\\x7E]{1,32}");
            assertThat(message.sdId()).isEqualTo("ciamkit@32473");
            assertThat(message.params())
                    .containsOnlyKeys(
                            "seq",
                            "realm",
                            "realmId",
                            "kind",
                            "outcome",
                            "user",
                            "client",
                            "ip",
                            "error",
                            "hash",
                            "mac",
                            "truncated");
            String expected = "a\\u000D\\u000Ab\\u0000c\\u202Ed]e\"f\\g|h=i CEF:0|x|y| cs1=evil [x@1 k=\"v\"]"
                    + " \\u2028z\uD83D\uDE00\\uD800\\u0085\\u007F";
            assertThat(message.params().get("user")).isEqualTo(expected);
            assertThat(message.params().get("ip")).isEqualTo(expected);
            assertThat(message.params().get("mac")).isEqualTo(expected);
            // kind and outcome are capped at 32 bytes: the cut is what truncated="true" reports
            assertThat(expected).startsWith(message.params().get("kind"));
            // only C0 and lone surrogates are escaped in MSG; the JSON-allowed rest passes
            assertThat(message.msgText())
                    .isEqualTo("{\"x\":\"a\\u000D\\u000Ab\\u0000c\u202Ed]e\"f\\g|h=i CEF:0|x|y| cs1=evil"
                            + " [x@1 k=\"v\"] \u2028z\uD83D\uDE00\\uD800\u0085\u007F\"}");
        }

        @Test
        void keeps_original_backslashes_apart_from_escapes() {
            ExportRecord record = Records.hostile("\\u000A", "{}");

            assertThat(parse(record).params().get("user")).isEqualTo("\\u000A");
            assertThat(new String(FORMATTER.format(record), StandardCharsets.UTF_8))
                    .contains("user=\"\\\\u000A\"");
        }

        @Test
        void sanitizes_header_fields_to_printable_ascii_within_limits() {
            Rfc5424Formatter formatter =
                    new Rfc5424Formatter(10, "host name\r\n", "app\u202E" + "x".repeat(100), "", 65536);
            ExportRecord record = Records.hostile("LOGIN ERROR\u0000" + "Y".repeat(50), "{}");

            Rfc5424Message message = Rfc5424Message.parse(formatter.format(record));

            assertThat(message.hostname()).isEqualTo("host_name__");
            assertThat(message.appName()).hasSize(48).startsWith("app_xxx");
            assertThat(message.procId()).isEqualTo("-");
            assertThat(message.msgId()).hasSize(32).startsWith("LOGIN_ERROR_YYY");
        }

        @Test
        void caps_values_at_their_limit_and_says_so() {
            String huge = Records.repeat("\uD83D\uDE00]\"x", 100_000);
            ExportRecord record = Records.hostile(huge, "{}");

            Rfc5424Message message = parse(record);

            assertThat(message.params()).containsEntry("truncated", "true");
            assertThat(message.params().get("user").getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(255);
            assertThat(message.params().get("kind").getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(32);
            assertThat(message.params().get("user")).startsWith("\uD83D\uDE00]\"x\uD83D\uDE00");
        }
    }

    @Nested
    class Long_bodies {

        @Test
        void are_cut_to_the_maximum_and_marked() {
            String body = "{\"x\":\"" + "a".repeat(100_000) + "\"}";

            byte[] bytes = FORMATTER.format(withBody(body));
            Rfc5424Message message = Rfc5424Message.parse(bytes);

            assertThat(bytes.length).isLessThanOrEqualTo(65536).isGreaterThan(65536 - 4);
            assertThat(message.params()).containsEntry("truncated", "true");
            assertThat(body).startsWith(message.msgText());
        }

        @Test
        void that_fit_are_not_marked() {
            assertThat(parse(withBody("{\"x\":\"" + "a".repeat(60_000) + "\"}")).params())
                    .doesNotContainKey("truncated");
        }

        @ParameterizedTest
        @ValueSource(ints = {4096, 4097, 4098, 4099, 5000, 5001, 5002, 5003})
        void never_split_a_character_or_escape(int max) {
            Rfc5424Formatter formatter = new Rfc5424Formatter(10, "h", "a", "1", max);
            String body = Records.repeat("\uD83D\uDE00é\u0000", 100_000);

            byte[] bytes = formatter.format(withBody(body));
            Rfc5424Message message = Rfc5424Message.parse(bytes);

            assertThat(bytes.length).isLessThanOrEqualTo(max);
            assertThat(message.params()).containsEntry("truncated", "true");
            assertThat(Records.repeat("\uD83D\uDE00é\\u0000", 200_000)).startsWith(message.msgText());
            assertThat(message.msgText()).matches("(\uD83D\uDE00é\\\\u0000)*(\uD83D\uDE00(é)?)?");
        }

        @Test
        void and_huge_fields_together_still_fit_the_smallest_maximum() {
            Rfc5424Formatter smallest = new Rfc5424Formatter(
                    10, "h".repeat(300), "a".repeat(300), "p".repeat(300), Rfc5424Formatter.MIN_MESSAGE_BYTES);
            String huge = Records.repeat("\u0000", 100_000);
            ExportRecord record = Records.hostile(huge, huge);

            byte[] bytes = smallest.format(record);

            assertThat(bytes.length).isLessThanOrEqualTo(Rfc5424Formatter.MIN_MESSAGE_BYTES);
            assertThat(Rfc5424Message.parse(bytes).msgText()).startsWith("\\u0000\\u0000");
        }
    }

    @Test
    void refuses_impossible_settings() {
        assertThatThrownBy(() -> new Rfc5424Formatter(24, "h", "a", "1", 65536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rfc5424Formatter(10, "h", "a", "1", 4095))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static ExportRecord withBody(String body) {
        ExportRecord r = Records.record("r1", 2);
        return new ExportRecord(
                r.sequence(),
                r.realmId(),
                r.realmName(),
                r.time(),
                r.kind(),
                r.type(),
                r.outcome(),
                r.userId(),
                r.clientId(),
                r.ipAddress(),
                r.error(),
                body,
                r.hash(),
                r.mac());
    }
}
