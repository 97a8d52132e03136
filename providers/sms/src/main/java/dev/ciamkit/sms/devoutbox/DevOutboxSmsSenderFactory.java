package dev.ciamkit.sms.devoutbox;

import dev.ciamkit.sms.spi.SmsException;
import dev.ciamkit.sms.spi.SmsMessage;
import dev.ciamkit.sms.spi.SmsSender;
import dev.ciamkit.sms.spi.SmsSenderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.util.JsonSerialization;

/**
 * For development only: appends each message as a JSON line to {@code data/ciamkit-sms-outbox.jsonl} under the
 * Keycloak home, never to the server log. It refuses to send unless Keycloak runs in development mode
 * ({@code kc.sh start-dev}), so a forgotten setting cannot swallow real users' messages.
 */
public final class DevOutboxSmsSenderFactory implements SmsSenderFactory {

    public static final String ID = "dev-outbox";

    private Path outbox;

    @Override
    public void init(Config.Scope config) {
        String home = System.getProperty("kc.home.dir", ".");
        outbox = Path.of(config.get(
                "file", Path.of(home, "data", "ciamkit-sms-outbox.jsonl").toString()));
    }

    @Override
    public SmsSender create(KeycloakSession session) {
        return (message, config) -> write(message);
    }

    private synchronized void write(SmsMessage message) throws SmsException {
        if (!Environment.isDevMode()) {
            throw new SmsException(
                    SmsException.Reason.NOT_CONFIGURED,
                    "the dev-outbox SMS sender only runs in development mode (kc.sh start-dev)");
        }
        try {
            Files.createDirectories(outbox.toAbsolutePath().getParent());
            String line = JsonSerialization.writeValueAsString(Map.of("to", message.to(), "text", message.text()));
            Files.writeString(
                    outbox, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SmsException(SmsException.Reason.UNREACHABLE, "cannot write the SMS outbox " + outbox, e);
        }
    }

    @Override
    public List<ProviderConfigProperty> getSenderConfigProperties() {
        return List.of();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
