package dev.ciamkit.audit.sink.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.ciamkit.audit.sink.spi.AuditSink.SendResult;
import dev.ciamkit.audit.sink.testing.MapScope;
import dev.ciamkit.audit.sink.testing.Records;
import java.util.List;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

class WebhookSinkFactoryTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void is_not_enabled_without_url() {
        WebhookSinkFactory factory = new WebhookSinkFactory();
        factory.init(MapScope.of("secret", SECRET));

        assertThat(factory.isEnabled()).isFalse();
        assertThat(factory.create(null)
                        .send(List.of(Records.record("r1", 1)), null)
                        .error())
                .contains("no url");
    }

    @Test
    void reads_defaults() {
        WebhookOptions options = WebhookOptions.read(MapScope.of("url", "https://siem.example/in", "secret", SECRET));

        assertThat(options.timeoutMillis()).isEqualTo(5000);
        assertThat(options.maxBatch()).isEqualTo(500);
        assertThat(options.toString()).doesNotContain(SECRET).contains("https://siem.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "too-short"})
    void refuses_a_url_without_a_proper_secret(String secret) {
        WebhookSinkFactory factory = new WebhookSinkFactory();
        MapScope scope = secret.isEmpty()
                ? MapScope.of("url", "https://siem.example/in")
                : MapScope.of("url", "https://siem.example/in", "secret", secret);

        assertThatThrownBy(() -> factory.init(scope))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret is required")
                .hasMessageNotContaining("too-short");
    }

    @ParameterizedTest
    @ValueSource(strings = {"siem.example/in", "ftp://siem.example/in", "https://user:pw@siem.example/in", "http//x"})
    void refuses_urls_that_are_not_plain_http(String url) {
        assertThatThrownBy(() -> WebhookOptions.read(MapScope.of("url", url, "secret", SECRET)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("absolute http or https")
                .hasMessageNotContaining("pw");
    }

    @Test
    void describes_its_options_with_a_masked_secret() {
        List<ProviderConfigProperty> metadata = new WebhookSinkFactory().getConfigMetadata();

        assertThat(metadata)
                .extracting(ProviderConfigProperty::getName)
                .containsExactly("url", "secret", "timeout-millis", "max-batch");
        assertThat(metadata).allSatisfy(p -> assertThat(p.getHelpText()).isNotBlank());
        assertThat(metadata.get(1).getType()).isEqualTo(ProviderConfigProperty.PASSWORD);
        assertThat(metadata.get(1).isSecret()).isTrue();
    }

    @Test
    void creates_sinks_on_keycloaks_http_client() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                CloseableHttpClient client = HttpClients.createDefault()) {
            KeycloakSession session = mock(KeycloakSession.class);
            HttpClientProvider http = mock(HttpClientProvider.class);
            when(session.getProvider(HttpClientProvider.class)).thenReturn(http);
            when(http.getHttpClient()).thenReturn(client);
            WebhookSinkFactory factory = new WebhookSinkFactory();
            factory.init(MapScope.of("url", receiver.url().toString(), "secret", SECRET));

            SendResult result = factory.create(session).send(List.of(Records.record("r1", 1)), null);

            assertThat(factory.isEnabled()).isTrue();
            assertThat(result).isEqualTo(SendResult.all(1));
            assertThat(receiver.requests()).hasSize(1);
        }
    }
}
