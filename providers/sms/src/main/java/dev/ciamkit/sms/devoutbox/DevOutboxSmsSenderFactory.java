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
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.util.JsonSerialization;

/**
 * For development and tests only: appends each message as a JSON line to {@code data/ciamkit-sms-outbox.jsonl} under
 * the Keycloak home (SPI option {@code spi-ciamkit-sms-sender--dev-outbox--file}), never to the server log. It exists
 * only in a server built with {@code spi-ciamkit-sms-sender--dev-outbox--enabled=true}: Keycloak asks
 * {@link #isSupported} at build time, so a server built without that option (the Docker image, or our jars dropped
 * into another Keycloak) never lists it, and no admin can choose it there.
 */
public final class DevOutboxSmsSenderFactory implements SmsSenderFactory, EnvironmentDependentProviderFactory {

    public static final String ID = "dev-outbox";

    private Path outbox;

    @Override
    public void init(Config.Scope config) {
        String home = System.getProperty("kc.home.dir", ".");
        outbox = Path.of(config.get(
                "file", Path.of(home, "data", "ciamkit-sms-outbox.jsonl").toString()));
    }

    /** Off unless the server's build enables it; Keycloak checks {@code enabled} itself, with true as its default. */
    @Override
    public boolean isSupported(Config.Scope config) {
        return Boolean.TRUE.equals(config.getBoolean("enabled", false));
    }

    @Override
    public SmsSender create(KeycloakSession session) {
        return (message, config) -> write(message);
    }

    private synchronized void write(SmsMessage message) throws SmsException {
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
