package dev.ciamkit.sms.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Helpers for config forms that let the admin choose a sender: the option list and the per-sender properties. */
public final class SmsSenders {

    /** The config key that holds the chosen sender's id. */
    public static final String SENDER = "sms-sender";

    /** The option that turns SMS off. */
    public static final String NONE = "none";

    private SmsSenders() {}

    public static String prefix(String senderId) {
        return "sms-" + senderId + "-";
    }

    /** The sender choice plus every sender's own properties, prefixed; call from a factory's postInit. */
    public static List<ProviderConfigProperty> configProperties(KeycloakSessionFactory factory) {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        List<String> ids = new ArrayList<>(List.of(NONE));
        factory.getProviderFactoriesStream(SmsSender.class)
                .map(f -> f.getId())
                .sorted()
                .forEach(ids::add);
        ProviderConfigProperty choice = new ProviderConfigProperty();
        choice.setName(SENDER);
        choice.setLabel("ciamkitSmsSender");
        choice.setHelpText("ciamkitSmsSenderHelp");
        choice.setType(ProviderConfigProperty.LIST_TYPE);
        choice.setOptions(ids);
        choice.setDefaultValue(NONE);
        properties.add(choice);
        factory.getProviderFactoriesStream(SmsSender.class)
                .map(SmsSenderFactory.class::cast)
                .forEach(f -> f.getSenderConfigProperties().forEach(p -> {
                    ProviderConfigProperty copy = new ProviderConfigProperty(
                            prefix(f.getId()) + p.getName(),
                            p.getLabel(),
                            p.getHelpText(),
                            p.getType(),
                            p.getDefaultValue(),
                            p.isSecret());
                    copy.setOptions(p.getOptions());
                    properties.add(copy);
                }));
        return properties;
    }

    /** The chosen sender's properties from a config map, prefix removed. */
    public static Map<String, String> senderConfig(String senderId, Map<String, String> config) {
        Map<String, String> own = new LinkedHashMap<>();
        String prefix = prefix(senderId);
        config.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                own.put(key.substring(prefix.length()), value);
            }
        });
        return own;
    }
}
