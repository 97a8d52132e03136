package dev.ciamkit.ekyc.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.provider.ProviderConfigProperty;

class HttpEkycConfigTest {

    @Test
    void defaults_keep_one_call_within_three_seconds_with_one_retry() {
        HttpEkycConfig config = HttpEkycConfig.read(MapScope.of("base-url", "https://ekyc.bank.example/gw"));

        assertThat(config.configured()).isTrue();
        assertThat(config.deadlineMs()).isEqualTo(3000);
        assertThat(config.connectTimeoutMs()).isEqualTo(1000);
        assertThat(config.readTimeoutMs()).isEqualTo(2500);
        assertThat(config.retries()).isEqualTo(1);
        assertThat(config.breakerFailures()).isEqualTo(5);
        assertThat(config.breakerCoolDownMs()).isEqualTo(30_000);
        assertThat(config.maxImageBytes()).isEqualTo(5 * 1024 * 1024);
        assertThat(config.apiKeyHeader()).isEqualTo("X-API-Key");
        assertThat(config.vendor()).isEqualTo("http");
        assertThat(config.apiKey()).isNull();
    }

    @Test
    void without_a_base_url_it_is_not_configured() {
        assertThat(HttpEkycConfig.read(MapScope.of()).configured()).isFalse();
        assertThat(HttpEkycConfig.read(MapScope.of("base-url", " ")).configured())
                .isFalse();
    }

    @Test
    void numbers_out_of_range_or_unreadable_fall_back_to_their_default() {
        HttpEkycConfig config = HttpEkycConfig.read(MapScope.of(
                "base-url", "http://127.0.0.1:8089",
                "retries", "9",
                "read-timeout-ms", "abc",
                "deadline-ms", "10",
                "breaker-failures", "0"));

        assertThat(config.retries()).isEqualTo(1);
        assertThat(config.readTimeoutMs()).isEqualTo(2500);
        assertThat(config.deadlineMs()).isEqualTo(3000);
        assertThat(config.breakerFailures()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ekyc.example/gw",
                "ftp://ekyc.example/gw",
                "https://user:secret-pw@ekyc.example/gw",
                "https://ekyc.example/gw?key=secret-pw",
                "https://ekyc.example/gw#secret-pw",
                "http//x"
            })
    void a_base_url_that_is_set_but_unusable_stops_start_up_without_echoing_it(String url) {
        assertThatThrownBy(() -> HttpEkycConfig.read(MapScope.of("base-url", url)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("base-url must be an absolute http or https URL")
                .hasMessageNotContaining("secret-pw");
    }

    @Test
    void the_contract_paths_join_the_base_with_or_without_a_trailing_slash() {
        assertThat(HttpEkycConfig.read(MapScope.of("base-url", "https://gw.example/ekyc/"))
                        .resolve("/v1/id/ocr")
                        .toString())
                .isEqualTo("https://gw.example/ekyc/v1/id/ocr");
        assertThat(HttpEkycConfig.read(MapScope.of("base-url", "https://gw.example"))
                        .resolve("/v1/id/ocr")
                        .toString())
                .isEqualTo("https://gw.example/v1/id/ocr");
    }

    @Test
    void a_header_name_or_vendor_label_outside_their_alphabet_never_reaches_a_request_or_a_metric() {
        HttpEkycConfig config = HttpEkycConfig.read(MapScope.of(
                "base-url", "https://gw.example",
                "api-key-header", "X-Key\r\nInjected: 1",
                "vendor", "Vendor With Spaces {x}"));

        assertThat(config.apiKeyHeader()).isEqualTo("X-API-Key");
        assertThat(config.vendor()).isEqualTo("http");
        assertThat(HttpEkycConfig.read(MapScope.of("vendor", "acme-kr.v2")).vendor())
                .isEqualTo("acme-kr.v2");
    }

    @Test
    void its_description_never_holds_the_api_key() {
        HttpEkycConfig config =
                HttpEkycConfig.read(MapScope.of("base-url", "https://gw.example", "api-key", "key-secret-123"));

        assertThat(config.toString()).doesNotContain("key-secret-123").contains("apiKey=(set)");
    }

    @Test
    void the_options_are_described_with_the_api_key_masked() {
        List<ProviderConfigProperty> metadata = HttpEkycConfigProperties.all();

        assertThat(metadata)
                .extracting(ProviderConfigProperty::getName)
                .containsExactly(
                        "base-url",
                        "api-key",
                        "api-key-header",
                        "vendor",
                        "connect-timeout-ms",
                        "read-timeout-ms",
                        "deadline-ms",
                        "retries",
                        "backoff-ms",
                        "breaker-failures",
                        "breaker-cool-down-ms",
                        "max-image-bytes");
        assertThat(metadata).allSatisfy(p -> assertThat(p.getHelpText()).isNotBlank());
        assertThat(metadata.get(1).getType()).isEqualTo(ProviderConfigProperty.PASSWORD);
        assertThat(metadata.get(1).isSecret()).isTrue();
    }
}
