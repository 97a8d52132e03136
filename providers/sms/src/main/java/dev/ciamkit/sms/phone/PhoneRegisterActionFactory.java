package dev.ciamkit.sms.phone;

import dev.ciamkit.sms.code.SmsCodeConfigProperties;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Registers the required action {@value #ID}; its config form holds the region, the code settings and the sender. */
public final class PhoneRegisterActionFactory implements RequiredActionFactory {

    public static final String ID = "ciamkit-phone-register";

    private final PhoneRegisterAction action = new PhoneRegisterAction();
    private List<ProviderConfigProperty> properties = List.of();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return action;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        List<ProviderConfigProperty> all = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property()
                .name(PhoneRegisterConfig.DEFAULT_REGION)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(PhoneRegisterConfig.DEFAULT_REGION_VALUE)
                .label("ciamkitPhoneDefaultRegion")
                .helpText("ciamkitPhoneDefaultRegionHelp")
                .add()
                .property()
                .name(PhoneRegisterConfig.ALLOWED_REGIONS)
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .label("ciamkitPhoneAllowedRegions")
                .helpText("ciamkitPhoneAllowedRegionsHelp")
                .add()
                .build());
        all.addAll(SmsCodeConfigProperties.all(factory));
        all.addAll(MAX_AUTH_AGE_CONFIG_PROPERTIES);
        properties = List.copyOf(all);
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return properties;
    }

    @Override
    public String getDisplayText() {
        return "CIAM Kit: register phone number";
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void close() {}
}
