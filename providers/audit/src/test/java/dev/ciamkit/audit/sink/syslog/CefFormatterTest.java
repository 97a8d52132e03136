package dev.ciamkit.audit.sink.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.audit.sink.spi.ExportRecord;
import dev.ciamkit.audit.sink.testing.CefMessage;
import dev.ciamkit.audit.sink.testing.Records;
import dev.ciamkit.audit.sink.testing.Rfc5424Message;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CefFormatterTest {

    private static final CefFormatter CEF =
            new CefFormatter(new Rfc5424Formatter(10, "kc-1", "ciamkit", "4711", 65536), "1.2.3");

    private static Rfc5424Message frame(ExportRecord record) {
        return Rfc5424Message.parse(CEF.format(record));
    }

    private static CefMessage cef(ExportRecord record) {
        Rfc5424Message frame = frame(record);
        assertThat(frame.hasBom()).isFalse();
        return CefMessage.parse(frame.msgText());
    }

    @Nested
    class Ordinary_records {

        @Test
        void maps_the_header() {
            assertThat(cef(Records.record("r1", 1)).header())
                    .containsExactly("CEF:0", "CIAM Kit", "CIAM Kit audit", "1.2.3", "LOGIN_ERROR", "LOGIN_ERROR", "7");
            assertThat(cef(Records.record("r1", 2)).header().get(6)).isEqualTo("3");
        }

        @Test
        void maps_the_extensions_to_standard_keys() {
            ExportRecord record = Records.record("r1", 3);

            assertThat(cef(record).extensions())
                    .containsEntry("rt", Long.toString(record.time()))
                    .containsEntry("cat", "USER")
                    .containsEntry("outcome", "failure")
                    .containsEntry("suser", "user-3")
                    .containsEntry("src", "10.0.0.3")
                    .containsEntry("reason", "invalid_user_credentials")
                    .containsEntry("cs1Label", "realm")
                    .containsEntry("cs1", "r1-name")
                    .containsEntry("cs6Label", "realmId")
                    .containsEntry("cs6", "r1")
                    .containsEntry("cn1Label", "sequence")
                    .containsEntry("cn1", "3")
                    .containsEntry("cs2Label", "client")
                    .containsEntry("cs2", "client-3")
                    .containsEntry("cs3Label", "hash")
                    .containsEntry("cs3", "ab".repeat(32))
                    .containsEntry("cs4Label", "mac")
                    .containsEntry("cs4", "h1.k1.c2lnbmF0dXJl")
                    .containsEntry("msg", record.body())
                    .doesNotContainKeys("cs5", "cs5Label");
        }

        @Test
        void keeps_the_sequence_in_the_syslog_sd_too() {
            assertThat(frame(Records.record("r1", 9)).params())
                    .containsEntry("seq", "9")
                    .containsEntry("realmId", "r1");
        }
    }

    @Nested
    class Client_address {

        @ParameterizedTest
        @ValueSource(strings = {"10.0.0.1", "255.255.255.255", "::1", "2001:db8::8a2e:370:7334", "::ffff:10.0.0.1"})
        void goes_to_src_when_an_ip_literal(String ip) {
            assertThat(cef(withIp(ip)).extensions()).containsEntry("src", ip).doesNotContainKey("cs5");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1.2.3.256",
                    "1.2.3",
                    "evil.example",
                    "fe80::1%eth0",
                    "[::1]",
                    "10.0.0.1 ",
                    "dead:beef:zz",
                    ".:1",
                    "unknown"
                })
        void goes_to_a_custom_string_otherwise(String ip) {
            assertThat(cef(withIp(ip)).extensions())
                    .doesNotContainKey("src")
                    .containsEntry("cs5Label", "clientAddress")
                    .containsEntry("cs5", ip);
        }
    }

    @Nested
    class Hostile_input {

        @Test
        void in_every_field_stays_one_cef_record_with_one_set_of_keys() {
            ExportRecord record = Records.hostile(Records.HOSTILE, "{\"x\":\"" + Records.HOSTILE + "\"}");

            CefMessage message = cef(record);

            String asHeader = "a??b?c?d]e\"f\\g|h=i CEF:0|x|y| cs1=evil [x@1 k=\"v\"] ?z\uD83D\uDE00???";
            assertThat(message.header().get(4)).isEqualTo(asHeader);
            assertThat(message.header().get(5)).isEqualTo(asHeader);
            String asValue = "a\r\nb\\u0000c\\u202Ed]e\"f\\g|h=i CEF:0|x|y| cs1=evil [x@1 k=\"v\"] \\u2028z"
                    + "\uD83D\uDE00\\uD800\\u0085\\u007F";
            assertThat(message.extensions())
                    .containsOnlyKeys(
                            "rt",
                            "cat",
                            "outcome",
                            "suser",
                            "cs5Label",
                            "cs5",
                            "reason",
                            "cs1Label",
                            "cs1",
                            "cs6Label",
                            "cs6",
                            "cn1Label",
                            "cn1",
                            "cs2Label",
                            "cs2",
                            "cs3Label",
                            "cs3",
                            "cs4Label",
                            "cs4",
                            "msg")
                    .containsEntry("suser", asValue)
                    .containsEntry("cs1", asValue)
                    .containsEntry("cs5", asValue)
                    .containsEntry("cs1Label", "realm")
                    .containsEntry("msg", "{\"x\":\"" + asValue + "\"}");
            assertThat(message.header().get(6)).isEqualTo("7");
        }

        @Test
        void escapes_equals_so_no_value_forges_a_key() {
            CefMessage message = cef(Records.hostile("x cs1=forged suser=root", "{\"a\":\"b=c\"}"));

            assertThat(message.extensions()).containsEntry("cs1", "x cs1=forged suser=root");
            assertThat(message.extensions()).containsEntry("msg", "{\"a\":\"b=c\"}");
        }

        @Test
        void caps_a_huge_body_to_the_maximum_and_marks_the_frame() {
            CefFormatter small = new CefFormatter(new Rfc5424Formatter(10, "h", "a", "1", 8192), "1");
            String body = Records.repeat("\uD83D\uDE00=\\", 100_000);

            byte[] bytes = small.format(Records.hostile(Records.repeat("|\\=\n", 100_000), body));
            Rfc5424Message frame = Rfc5424Message.parse(bytes);
            CefMessage message = CefMessage.parse(frame.msgText());

            assertThat(bytes.length).isLessThanOrEqualTo(8192).isGreaterThan(8192 - 8);
            assertThat(frame.params()).containsEntry("truncated", "true");
            assertThat(body).startsWith(message.extensions().get("msg"));
            assertThat(message.extensions().get("suser")).startsWith("|\\=\n|\\=\n");
        }
    }

    @Test
    void huge_hostile_fields_still_fit_the_smallest_maximum() {
        CefFormatter smallest = new CefFormatter(
                new Rfc5424Formatter(10, "h".repeat(300), "a".repeat(300), "p".repeat(300), 4096), "v".repeat(300));
        String huge = Records.repeat("\u0000=\\|\uD83D\uDE00", 100_000);

        byte[] bytes = smallest.format(Records.hostile(huge, huge));
        Rfc5424Message frame = Rfc5424Message.parse(bytes);
        CefMessage message = CefMessage.parse(frame.msgText());

        assertThat(bytes.length).isLessThanOrEqualTo(4096);
        assertThat(frame.params()).containsEntry("truncated", "true");
        assertThat(message.header().get(3)).hasSize(64);
        assertThat(message.extensions()).containsKeys("rt", "cat", "outcome", "suser");
    }

    private static ExportRecord withIp(String ip) {
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
                ip,
                r.error(),
                r.body(),
                r.hash(),
                r.mac());
    }
}
