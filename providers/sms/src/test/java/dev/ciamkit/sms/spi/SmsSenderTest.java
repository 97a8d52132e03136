package dev.ciamkit.sms.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsSenderTest {

    @Test
    void a_message_never_prints_its_number_or_text() {
        SmsMessage message = new SmsMessage("+821012345678", "Your link: https://example/abc");

        assertThat(message.toString())
                .doesNotContain("1012345")
                .doesNotContain("https")
                .contains("***78");
    }

    @Test
    void sender_config_is_read_without_its_prefix_and_ignores_other_senders() {
        Map<String, String> config = Map.of(
                "sms-http-url", "http://gateway", "sms-http-password", "s3cret", "sms-other-url", "x", "window", "1");

        assertThat(SmsSenders.senderConfig("http", config))
                .containsOnly(Map.entry("url", "http://gateway"), Map.entry("password", "s3cret"));
    }

    @Test
    void the_http_sender_bounds_its_timeout_and_survives_bad_values() {
        assertThat(HttpSmsSenderFactory.parseTimeout(null)).isEqualTo(5000);
        assertThat(HttpSmsSenderFactory.parseTimeout("abc")).isEqualTo(5000);
        assertThat(HttpSmsSenderFactory.parseTimeout("10")).isEqualTo(500);
        assertThat(HttpSmsSenderFactory.parseTimeout("999999")).isEqualTo(30_000);
    }

    @Test
    void the_http_sender_refuses_to_send_without_a_gateway_url() {
        SmsSender sender = new HttpSmsSenderFactory().create(null);

        assertThatThrownBy(() -> sender.send(new SmsMessage("+821012345678", "x"), Map.of()))
                .isInstanceOf(SmsException.class)
                .hasMessageContaining("no valid gateway URL");
        assertThatThrownBy(() -> sender.send(new SmsMessage("+821012345678", "x"), Map.of("url", "http://bad host/")))
                .isInstanceOf(SmsException.class)
                .hasMessageContaining("no valid gateway URL");
    }

    @Test
    void the_dev_outbox_refuses_outside_development_mode() {
        DevOutboxSmsSenderFactory factory = new DevOutboxSmsSenderFactory();
        factory.init(new org.keycloak.Config.SystemPropertiesScope("ciamkit-test."));

        assertThatThrownBy(() -> factory.create(null).send(new SmsMessage("+821012345678", "x"), Map.of()))
                .isInstanceOf(SmsException.class)
                .hasMessageContaining("development mode");
    }
}
