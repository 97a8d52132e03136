package dev.ciamkit.audit.sink.webhook;

import dev.ciamkit.audit.sink.spi.AuditSink;
import dev.ciamkit.audit.sink.spi.AuditSinkFactory;
import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The {@code webhook} sink: signed JSON-lines POSTs through Keycloak's own HTTP client (its proxy and trust settings
 * apply). Enabled by {@code --spi-ciamkit-audit-sink--webhook--url} with {@code --spi-ciamkit-audit-sink--webhook--secret};
 * {@link WebhookOptions} lists the rest.
 */
public final class WebhookSinkFactory implements AuditSinkFactory {

    public static final String ID = "webhook";

    private WebhookOptions options;

    @Override
    public void init(Config.Scope config) {
        options = WebhookOptions.read(config);
    }

    @Override
    public boolean isEnabled() {
        return options != null && options.enabled();
    }

    @Override
    public AuditSink create(KeycloakSession session) {
        if (!isEnabled()) {
            return (records, earlier) -> new AuditSink.SendResult(0, "the webhook sink has no url configured");
        }
        return new WebhookSink(
                session.getProvider(HttpClientProvider.class).getHttpClient(), options, Clock.systemUTC());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return WebhookOptions.metadata();
    }
}
