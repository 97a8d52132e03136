package dev.ciamkit.sms.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciamkit.sms.spi.SmsException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class HttpSmsConfigTest {

    private static final String URL = "https://sms.example/send";

    @Test
    void defaults_keep_a_request_within_three_seconds() throws Exception {
        HttpSmsConfig config = HttpSmsConfig.read(Map.of("url", URL), UnaryOperator.identity());

        assertThat(config.deadlineMs()).isEqualTo(3000);
        assertThat(config.connectTimeoutMs()).isEqualTo(1000);
        assertThat(config.readTimeoutMs()).isEqualTo(2500);
        assertThat(config.retries()).isEqualTo(2);
        assertThat(config.auth()).isEqualTo(HttpSmsConfig.Auth.NONE);
        assertThat(config.body().format()).isEqualTo(BodyTemplate.Format.JSON);
        assertThat(config.body().template()).isEqualTo(BodyTemplate.DEFAULT_JSON);
    }

    @Test
    void numbers_out_of_range_are_clamped_and_unreadable_ones_fall_back() throws Exception {
        HttpSmsConfig config = HttpSmsConfig.read(
                Map.of(
                        "url", URL,
                        "retries", "99",
                        "deadline-ms", "10",
                        "connect-timeout-ms", "abc",
                        "read-timeout-ms", "999999",
                        "backoff-ms", "-5"),
                UnaryOperator.identity());

        assertThat(config.retries()).isEqualTo(5);
        assertThat(config.deadlineMs()).isEqualTo(500);
        assertThat(config.connectTimeoutMs()).isEqualTo(1000);
        assertThat(config.readTimeoutMs()).isEqualTo(30_000);
        assertThat(config.backoffMs()).isZero();
    }

    @Test
    void a_configuration_from_before_the_auth_choice_still_sends_with_basic_auth_and_its_timeout() throws Exception {
        HttpSmsConfig config = HttpSmsConfig.read(
                Map.of("url", URL, "username", "bank", "password", "pw", "timeout-ms", "700"),
                UnaryOperator.identity());

        assertThat(config.auth()).isEqualTo(HttpSmsConfig.Auth.BASIC);
        assertThat(config.connectTimeoutMs()).isEqualTo(700);
        assertThat(config.readTimeoutMs()).isEqualTo(700);
    }

    @Test
    void a_legacy_timeout_longer_than_the_default_deadline_keeps_its_time() throws Exception {
        HttpSmsConfig config = HttpSmsConfig.read(Map.of("url", URL, "timeout-ms", "5000"), UnaryOperator.identity());

        assertThat(config.deadlineMs()).isEqualTo(5000);
        assertThat(HttpSmsConfig.read(Map.of("url", URL, "deadline-ms", "60000"), UnaryOperator.identity())
                        .deadlineMs())
                .as("a user's request never waits longer than 5 s")
                .isEqualTo(5000);
    }

    @Test
    void basic_without_a_user_name_sends_no_credentials() throws Exception {
        assertThat(HttpSmsConfig.read(Map.of("url", URL, "auth", "basic"), UnaryOperator.identity())
                        .auth())
                .isEqualTo(HttpSmsConfig.Auth.NONE);
        assertThat(HttpSmsConfig.read(Map.of("url", URL, "auth", "bearer", "token", "t"), UnaryOperator.identity())
                        .auth())
                .isEqualTo(HttpSmsConfig.Auth.BEARER);
    }

    @Test
    void secrets_are_trimmed_and_a_vault_entry_that_is_missing_cannot_send() throws Exception {
        UnaryOperator<String> vault = v -> v.startsWith("${vault.") ? (v.equals("${vault.ok}") ? "tok\n" : null) : v;

        assertThat(HttpSmsConfig.read(Map.of("url", URL, "token", "${vault.ok}"), vault)
                        .token())
                .isEqualTo("tok");
        assertThatThrownBy(() -> HttpSmsConfig.read(Map.of("url", URL, "token", "${vault.gone}"), vault))
                .isInstanceOfSatisfying(
                        SmsException.class, e -> assertThat(e.reason()).isEqualTo(SmsException.Reason.NOT_CONFIGURED));
    }

    @Test
    void a_container_host_name_with_an_underscore_is_a_valid_gateway() throws Exception {
        assertThat(HttpSmsConfig.read(Map.of("url", "http://sms_gw:8080/send"), UnaryOperator.identity())
                        .url()
                        .toString())
                .isEqualTo("http://sms_gw:8080/send");
    }

    @Test
    void a_header_name_that_is_not_a_token_never_reaches_the_request() throws Exception {
        HttpSmsConfig config = HttpSmsConfig.read(
                Map.of("url", URL, "auth", "header", "auth-header", "X-Key\r\nInjected: 1"), UnaryOperator.identity());

        assertThat(config.authHeader()).isEqualTo("X-API-Key");
    }

    @Test
    void without_an_absolute_http_url_nothing_can_be_sent() {
        for (String url : new String[] {null, "", "sms.example/send", "http://bad host/", "file:///etc/passwd"}) {
            Map<String, String> config = new java.util.HashMap<>();
            config.put("url", url);
            assertThatThrownBy(() -> HttpSmsConfig.read(config, UnaryOperator.identity()))
                    .as("url %s", url)
                    .isInstanceOfSatisfying(
                            SmsException.class,
                            e -> assertThat(e.reason()).isEqualTo(SmsException.Reason.NOT_CONFIGURED));
        }
    }

    @Test
    void its_description_never_holds_a_secret() throws Exception {
        HttpSmsConfig config = HttpSmsConfig.read(
                Map.of(
                        "url", "https://user:url-secret@sms.example/send?apikey=query-secret",
                        "username", "bank",
                        "password", "pw-secret",
                        "token", "tok-secret"),
                UnaryOperator.identity());

        assertThat(config.toString())
                .doesNotContain("pw-secret")
                .doesNotContain("tok-secret")
                .doesNotContain("url-secret")
                .doesNotContain("query-secret")
                .contains("https://sms.example/send");
    }
}
