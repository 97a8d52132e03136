package dev.ciamkit.audit.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.audit.config.AuditRealmConfig;
import dev.ciamkit.common.outbox.OutboxMessage;
import dev.ciamkit.common.outbox.spi.OutboxHandler;
import dev.ciamkit.common.outbox.spi.OutboxHandlerFactory;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * Delivers the outbox topics {@code ciamkit-anomaly:webhook} and {@code ciamkit-anomaly:email} with the realm's
 * settings as they are at delivery: a webhook or contact removed since drops what waits for it (the alert stays in the
 * trail); a receiver that fails keeps it for the next round.
 */
public final class AnomalyNotifierFactory implements OutboxHandlerFactory {

    public static final String ID = "ciamkit-anomaly";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(AnomalyNotifierFactory.class);

    @Override
    public OutboxHandler create(KeycloakSession session) {
        return (realmId, topic, messages) -> deliver(session, realmId, topic, messages);
    }

    OutboxHandler.Result deliver(KeycloakSession session, String realmId, String topic, List<OutboxMessage> messages) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return new OutboxHandler.Result(messages.size(), null);
        }
        session.getContext().setRealm(realm);
        AnomalyConfig config = AnomalyConfig.of(AuditRealmConfig.of(realm));
        int delivered = 0;
        for (OutboxMessage message : messages) {
            String error = send(session, realm, config, topic, message.payload());
            if (error != null) {
                return new OutboxHandler.Result(delivered, error);
            }
            delivered++;
        }
        return new OutboxHandler.Result(delivered, null);
    }

    /** Null when delivered (or dropped because the realm no longer wants it), else why not (no payload, no secret). */
    private String send(KeycloakSession session, RealmModel realm, AnomalyConfig config, String topic, String payload) {
        if (AnomalyActions.WEBHOOK_TOPIC.equals(topic)) {
            if (config.webhookUrl().isEmpty()) {
                LOG.warnf(
                        "CIAM Kit audit: realm %s has no anomaly webhook any more; an alert is dropped",
                        realm.getName());
                return null;
            }
            if (!allows(config.webhookUrl().get())) {
                LOG.warnf(
                        "CIAM Kit audit: realm %s's anomaly webhook names a host the server's %s option does not"
                                + " allow; an alert is dropped (it stays in the trail)",
                        realm.getName(), WEBHOOK_HOSTS);
                return null;
            }
            if (config.webhookSecret().isEmpty()) {
                return "the realm's anomaly webhook has no secret of " + AnomalyConfig.MIN_SECRET + " characters";
            }
            return AnomalyWebhook.post(
                    session.getProvider(HttpClientProvider.class).getHttpClient(),
                    config.webhookUrl().get(),
                    config.webhookSecret().get(),
                    payload);
        }
        if (AnomalyActions.EMAIL_TOPIC.equals(topic)) {
            if (config.securityEmail().isEmpty()) {
                LOG.warnf(
                        "CIAM Kit audit: realm %s has no security contact any more; an alert is dropped",
                        realm.getName());
                return null;
            }
            try {
                JsonNode alert = JSON.readTree(payload);
                return AnomalyMail.send(session, realm, config, alert);
            } catch (java.io.IOException e) {
                return e.getClass().getName();
            }
        }
        LOG.warnf("CIAM Kit audit: unknown anomaly topic %s; its message is dropped", topic);
        return null;
    }

    /** Server option: the hosts a realm's anomaly webhook may name (comma-separated); none by default. */
    public static final String WEBHOOK_HOSTS = "webhook-hosts";

    private java.util.Set<String> webhookHosts = java.util.Set.of();

    /**
     * Whether the server's operator allows this webhook URL: https, or http to a host the option names, and its host
     * in {@value #WEBHOOK_HOSTS}. A realm admin chooses the URL, the platform where alerts may go (no request of ours
     * to an internal address a realm admin picked).
     */
    public boolean allows(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            String host = uri.getHost();
            return host != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getUserInfo() == null
                    && webhookHosts.contains(host.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The factory deployed on this server, for the detector's check before it enqueues. */
    static java.util.Optional<AnomalyNotifierFactory> of(KeycloakSession session) {
        return java.util.Optional.ofNullable(session.getKeycloakSessionFactory()
                        .getProviderFactory(dev.ciamkit.common.outbox.spi.OutboxHandler.class, ID))
                .filter(AnomalyNotifierFactory.class::isInstance)
                .map(AnomalyNotifierFactory.class::cast);
    }

    @Override
    public void init(Config.Scope config) {
        String hosts = config.get(WEBHOOK_HOSTS);
        if (hosts != null && !hosts.isBlank()) {
            webhookHosts = java.util.Arrays.stream(hosts.split(","))
                    .map(h -> h.trim().toLowerCase(java.util.Locale.ROOT))
                    .filter(h -> !h.isEmpty())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {}
}
