package dev.ciamkit.sms.http;

import dev.ciamkit.sms.spi.SmsSender;
import dev.ciamkit.sms.spi.SmsSenderFactory;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.keycloak.Config;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.vault.VaultStringSecret;

/**
 * Posts each message to the bank's SMS gateway through Keycloak's own HTTP client (its proxy and trust settings
 * apply), as {@link HttpSmsGateway} describes: a body from the admin's template (JSON or form), basic, header or bearer
 * authentication with secrets that may be vault references, bounded timeouts and retries within one deadline.
 */
public final class HttpSmsSenderFactory implements SmsSenderFactory {

    public static final String ID = "http";

    /** Aborts requests that reach their deadline; one daemon thread the factory owns, started at first use. */
    private ScheduledThreadPoolExecutor timer;

    private boolean closed;

    @Override
    public SmsSender create(KeycloakSession session) {
        return (message, config) -> new HttpSmsGateway(
                        session.getProvider(HttpClientProvider.class).getHttpClient(), timer())
                .send(message, HttpSmsConfig.read(config, value -> vault(session, value)));
    }

    private synchronized ScheduledExecutorService timer() {
        if (closed) {
            // a message sent while the server stops: not sent, never a thread that outlives the factory
            throw new IllegalStateException("the http SMS sender is closed");
        }
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "ciamkit-sms-deadline");
                thread.setDaemon(true);
                return thread;
            });
            // an answered request cancels its abort: drop it from the queue at once, not at its deadline
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    private static String vault(KeycloakSession session, String value) {
        try (VaultStringSecret secret = session.vault().getStringSecret(value)) {
            return secret.get().orElse(null);
        }
    }

    @Override
    public List<ProviderConfigProperty> getSenderConfigProperties() {
        return HttpSmsConfigProperties.all();
    }

    @Override
    public void init(Config.Scope config) {}

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
