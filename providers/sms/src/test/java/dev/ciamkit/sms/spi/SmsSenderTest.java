package dev.ciamkit.sms.spi;

import static org.assertj.core.api.Assertions.assertThat;

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
    void every_senders_list_options_reach_the_config_form() {
        org.keycloak.models.KeycloakSessionFactory factory =
                org.mockito.Mockito.mock(org.keycloak.models.KeycloakSessionFactory.class);
        org.mockito.Mockito.when(factory.getProviderFactoriesStream(SmsSender.class))
                .thenAnswer(i -> java.util.stream.Stream.of(new dev.ciamkit.sms.http.HttpSmsSenderFactory()));

        assertThat(SmsSenders.configProperties(factory))
                .filteredOn(p -> p.getName().equals("sms-http-auth"))
                .singleElement()
                .satisfies(p -> assertThat(p.getOptions()).containsExactly("basic", "header", "bearer", "none"));
    }

    @Test
    void sender_config_is_read_without_its_prefix_and_ignores_other_senders() {
        Map<String, String> config = Map.of(
                "sms-http-url", "http://gateway", "sms-http-password", "s3cret", "sms-other-url", "x", "window", "1");

        assertThat(SmsSenders.senderConfig("http", config))
                .containsOnly(Map.entry("url", "http://gateway"), Map.entry("password", "s3cret"));
    }

    @Test
    void the_dev_outbox_exists_only_where_the_servers_build_enables_it() {
        dev.ciamkit.sms.devoutbox.DevOutboxSmsSenderFactory factory =
                new dev.ciamkit.sms.devoutbox.DevOutboxSmsSenderFactory();

        assertThat(factory.isSupported(new org.keycloak.Config.SystemPropertiesScope("ciamkit-test.off.")))
                .isFalse();
        System.setProperty("ciamkit-test.on.enabled", "true");
        try {
            assertThat(factory.isSupported(new org.keycloak.Config.SystemPropertiesScope("ciamkit-test.on.")))
                    .isTrue();
        } finally {
            System.clearProperty("ciamkit-test.on.enabled");
        }
    }
}
