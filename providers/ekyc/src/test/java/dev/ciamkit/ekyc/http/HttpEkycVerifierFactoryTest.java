package dev.ciamkit.ekyc.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.ciamkit.ekyc.sandbox.EkycSandbox;
import dev.ciamkit.ekyc.sandbox.SandboxOperation;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.EkycVerifier;
import dev.ciamkit.ekyc.spi.EkycVerifierFactory;
import dev.ciamkit.ekyc.spi.EkycVerifierSpi;
import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.spi.IdFields;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Spi;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

class HttpEkycVerifierFactoryTest {

    private static final IdFields PARK = new IdFields(
            IdDocumentType.PASSPORT,
            "박민수",
            LocalDate.of(1988, 8, 8),
            "M12345678",
            LocalDate.of(2021, 1, 10),
            LocalDate.of(2031, 1, 10));

    private EkycSandbox sandbox;
    private CloseableHttpClient client;
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final VaultTranscriber vault = mock(VaultTranscriber.class);
    private final HttpEkycVerifierFactory factory = new HttpEkycVerifierFactory();

    @BeforeEach
    void start() throws IOException {
        sandbox = EkycSandbox.start(0);
        client = HttpClients.createDefault();
        HttpClientProvider http = mock(HttpClientProvider.class);
        given(http.getHttpClient()).willReturn(client);
        given(session.getProvider(HttpClientProvider.class)).willReturn(http);
        given(session.vault()).willReturn(vault);
    }

    @AfterEach
    void stop() throws IOException {
        factory.close();
        sandbox.close();
        client.close();
    }

    private void vaultHas(String reference, String value) {
        VaultStringSecret secret = mock(VaultStringSecret.class);
        given(secret.get()).willReturn(Optional.ofNullable(value));
        given(vault.getStringSecret(reference)).willReturn(secret);
    }

    @Test
    void without_a_base_url_every_call_is_unavailable_not_configured_and_nothing_throws() {
        factory.init(MapScope.of());

        VerificationResult result = factory.create(session).verifyId(PARK);

        assertThat(result.status()).isEqualTo(VerificationStatus.UNAVAILABLE);
        assertThat(result.reason()).isEqualTo(EkycReason.NOT_CONFIGURED);
    }

    @Test
    void an_api_key_from_the_vault_is_read_at_each_call_and_trimmed() {
        vaultHas("${vault.ekyc-api-key}", sandbox.apiKey() + "\n");
        factory.init(MapScope.of("base-url", sandbox.baseUrl(), "api-key", "${vault.ekyc-api-key}"));

        assertThat(factory.create(session).verifyId(PARK).status()).isEqualTo(VerificationStatus.PASSED);
    }

    @Test
    void a_missing_vault_entry_calls_nobody() {
        vaultHas("${vault.gone}", null);
        factory.init(MapScope.of("base-url", sandbox.baseUrl(), "api-key", "${vault.gone}"));

        assertThat(factory.create(session).verifyId(PARK).reason()).isEqualTo(EkycReason.NOT_CONFIGURED);
        assertThat(sandbox.requests(SandboxOperation.VERIFY)).isZero();
    }

    @Test
    void a_plain_api_key_is_sent_as_it_is() {
        factory.init(MapScope.of("base-url", sandbox.baseUrl(), "api-key", sandbox.apiKey()));

        assertThat(factory.create(session).verifyId(PARK).status()).isEqualTo(VerificationStatus.PASSED);
    }

    @Test
    void after_close_it_still_answers_but_starts_no_thread() {
        factory.init(MapScope.of("base-url", sandbox.baseUrl(), "api-key", sandbox.apiKey()));
        factory.close();

        EkycVerifier verifier = factory.create(session);

        assertThat(verifier.verifyId(PARK).reason()).isEqualTo(EkycReason.NOT_CONFIGURED);
    }

    @Test
    void breakers_outlive_a_request_so_an_open_method_stays_open_for_the_next_session() {
        factory.init(MapScope.of(
                "base-url",
                "http://127.0.0.1:1",
                "retries",
                "0",
                "breaker-failures",
                "1",
                "connect-timeout-ms",
                "200"));

        factory.create(session).verifyId(PARK);

        assertThat(factory.create(session).verifyId(PARK).reason()).isEqualTo(EkycReason.CIRCUIT_OPEN);
    }

    @Test
    void the_spi_and_the_http_factory_are_registered_for_keycloak_to_find() {
        assertThat(ServiceLoader.load(Spi.class).stream().map(ServiceLoader.Provider::type))
                .contains(EkycVerifierSpi.class);
        assertThat(ServiceLoader.load(EkycVerifierFactory.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(HttpEkycVerifierFactory.class);
        assertThat(new EkycVerifierSpi().getName()).isEqualTo("ciamkit-ekyc-verifier");
        assertThat(factory.getId()).isEqualTo("http");
        assertThat(factory.getConfigMetadata())
                .hasSize(HttpEkycConfigProperties.all().size());
    }
}
