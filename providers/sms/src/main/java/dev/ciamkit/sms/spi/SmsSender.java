package dev.ciamkit.sms.spi;

import java.util.Map;
import org.keycloak.provider.Provider;

/**
 * Delivers one text message. Implementations must not log the number or the text, and must throw
 * {@link SmsException} (never return silently) when the gateway did not accept the message. Callers invoke it after
 * their transaction commits, never inside it.
 */
public interface SmsSender extends Provider {

    /**
     * @param config the sender's properties from the admin's config form, keys without the {@code sms-<id>-} prefix
     */
    void send(SmsMessage message, Map<String, String> config) throws SmsException;

    @Override
    default void close() {}
}
