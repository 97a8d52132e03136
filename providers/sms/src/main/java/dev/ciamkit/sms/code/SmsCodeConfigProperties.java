package dev.ciamkit.sms.code;

import dev.ciamkit.sms.spi.SmsSenders;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The admin console's form for {@link SmsCodeConfig}: typed fields, labels and help texts as message keys. */
public final class SmsCodeConfigProperties {

    private SmsCodeConfigProperties() {}

    /** The code settings, then the sender choice and every sender's own fields; call from a factory's postInit. */
    public static List<ProviderConfigProperty> all(KeycloakSessionFactory factory) {
        List<ProviderConfigProperty> properties = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property()
                .name(SmsCodeConfig.DIGITS)
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("6", "7", "8")
                .defaultValue(String.valueOf(SmsCodeConfig.DEFAULT_DIGITS))
                .label("ciamkitSmsCodeDigits")
                .helpText("ciamkitSmsCodeDigitsHelp")
                .add()
                .property()
                .name(SmsCodeConfig.TTL_SECONDS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(SmsCodeConfig.DEFAULT_TTL_SECONDS))
                .label("ciamkitSmsCodeTtl")
                .helpText("ciamkitSmsCodeTtlHelp")
                .add()
                .property()
                .name(SmsCodeConfig.MAX_TRIES)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(SmsCodeConfig.DEFAULT_MAX_TRIES))
                .label("ciamkitSmsCodeMaxTries")
                .helpText("ciamkitSmsCodeMaxTriesHelp")
                .add()
                .property()
                .name(SmsCodeConfig.COOLDOWN_SECONDS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(SmsCodeConfig.DEFAULT_COOLDOWN_SECONDS))
                .label("ciamkitSmsCodeCooldown")
                .helpText("ciamkitSmsCodeCooldownHelp")
                .add()
                .property()
                .name(SmsCodeConfig.MAX_PER_PHONE)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(SmsCodeConfig.DEFAULT_MAX_PER_PHONE))
                .label("ciamkitSmsCodeMaxPerPhone")
                .helpText("ciamkitSmsCodeMaxPerPhoneHelp")
                .add()
                .property()
                .name(SmsCodeConfig.MAX_PER_USER)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(SmsCodeConfig.DEFAULT_MAX_PER_USER))
                .label("ciamkitSmsCodeMaxPerUser")
                .helpText("ciamkitSmsCodeMaxPerUserHelp")
                .add()
                .property()
                .name(SmsCodeConfig.MAX_PER_ADDRESS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(SmsCodeConfig.DEFAULT_MAX_PER_ADDRESS))
                .label("ciamkitSmsCodeMaxPerAddress")
                .helpText("ciamkitSmsCodeMaxPerAddressHelp")
                .add()
                .property()
                .name(SmsCodeConfig.CAP_WINDOW_SECONDS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(SmsCodeConfig.DEFAULT_CAP_WINDOW_SECONDS))
                .label("ciamkitSmsCodeCapWindow")
                .helpText("ciamkitSmsCodeCapWindowHelp")
                .add()
                .build());
        properties.addAll(SmsSenders.configProperties(factory));
        return properties;
    }
}
