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

    static OutboxHandler.Result deliver(
            KeycloakSession session, String realmId, String topic, List<OutboxMessage> messages) {
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
    private static String send(
            KeycloakSession session, RealmModel realm, AnomalyConfig config, String topic, String payload) {
        if (AnomalyActions.WEBHOOK_TOPIC.equals(topic)) {
            if (config.webhookUrl().isEmpty()) {
                LOG.warnf(
                        "CIAM Kit audit: realm %s has no anomaly webhook any more; an alert is dropped",
                        realm.getName());
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

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {}
}
