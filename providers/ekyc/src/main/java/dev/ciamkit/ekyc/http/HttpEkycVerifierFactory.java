package dev.ciamkit.ekyc.http;

import dev.ciamkit.ekyc.metrics.EkycMetrics;
import dev.ciamkit.ekyc.spi.EkycVerifier;
import dev.ciamkit.ekyc.spi.EkycVerifierFactory;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.vault.VaultStringSecret;

/**
 * The {@code http} verifier: the gateway contract of the module README over Keycloak's own HTTP client (its proxy,
 * trust store and client certificate settings apply), configured by server options
 * ({@code --spi-ciamkit-ekyc-verifier--http--base-url=...}, {@link HttpEkycConfigProperties}). The factory holds what
 * outlives a request: the options, one circuit breaker per operation, and the thread that aborts requests at their
 * deadline.
 */
public final class HttpEkycVerifierFactory implements EkycVerifierFactory {

    public static final String ID = "http";

    private static final Logger LOG = Logger.getLogger(HttpEkycVerifierFactory.class);
    private static final String VAULT_PREFIX = "${vault.";

    private HttpEkycConfig config;
    private CircuitBreakers breakers;
    private ScheduledThreadPoolExecutor timer;
    private boolean closed;

    @Override
    public void init(Config.Scope scope) {
        config = HttpEkycConfig.read(scope);
        breakers = new CircuitBreakers(config, System::nanoTime);
        if (config.configured()) {
            LOG.infof("CIAM Kit eKYC http verifier: %s", config);
        }
    }

    @Override
    public EkycVerifier create(KeycloakSession session) {
        if (!config.configured()) {
            return new HttpEkycVerifier(config, null, breakers, EkycMetrics.global());
        }
        String apiKey = config.apiKey();
        if (apiKey != null && apiKey.startsWith(VAULT_PREFIX)) {
            apiKey = vault(session, apiKey);
            if (apiKey == null) {
                LOG.warnf(
                        "CIAM Kit eKYC http verifier: the vault entry of %s is missing or unreadable in this realm",
                        HttpEkycConfigProperties.API_KEY);
                return new HttpEkycVerifier(config, null, breakers, EkycMetrics.global());
            }
        }
        ScheduledExecutorService deadlines = timer();
        if (deadlines == null) {
            // the server is stopping: an answer all the same, never an exception to the flow
            return new HttpEkycVerifier(config, null, breakers, EkycMetrics.global());
        }
        GatewayTransport transport = new GatewayTransport(
                session.getProvider(HttpClientProvider.class).getHttpClient(), deadlines, config, apiKey);
        return new HttpEkycVerifier(config, transport, breakers, EkycMetrics.global());
    }

    /** The entry's value, trimmed (a vault file's final newline would break the header); null when there is none. */
    private static String vault(KeycloakSession session, String reference) {
        try (VaultStringSecret secret = session.vault().getStringSecret(reference)) {
            return secret.get().map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        } catch (RuntimeException e) {
            // no realm in the context (the vault is per realm), or a vault provider that failed
            return null;
        }
    }

    /** Null once the factory is closed: no thread may outlive it. */
    private synchronized ScheduledExecutorService timer() {
        if (closed) {
            return null;
        }
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "ciamkit-ekyc-deadline");
                thread.setDaemon(true);
                return thread;
            });
            // an answered request cancels its abort: drop it from the queue at once, not at its deadline
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return HttpEkycConfigProperties.all();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
