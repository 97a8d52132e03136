package dev.ciamkit.otp.pin.register;

import dev.ciamkit.otp.pin.PinBlocklist;
import dev.ciamkit.otp.pin.PinCredentialProvider;
import dev.ciamkit.otp.pin.PinPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The PIN required action. Its blocklist is a server file named by the SPI option
 * {@code --spi-required-action--ciamkit-pin-register--blocklist-file=<path>} (relative paths start at the Keycloak
 * home), read once at start; a configured file that cannot be read stops the start. Never realm config: a realm admin
 * must not point the server at its files.
 */
public final class PinRegisterActionFactory implements RequiredActionFactory {

    public static final String ID = PinCredentialProvider.REGISTER_ACTION;
    public static final String BLOCKLIST_FILE = "blocklist-file";

    private static final Logger LOG = Logger.getLogger(PinRegisterActionFactory.class);

    private static final List<ProviderConfigProperty> PROPERTIES;

    static {
        List<ProviderConfigProperty> all = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property()
                .name(PinRegisterConfig.LENGTH)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(PinPolicy.DEFAULT_LENGTH))
                .label("ciamkitPinLength")
                .helpText("ciamkitPinLengthHelp")
                .add()
                .property()
                .name(PinRegisterConfig.BIRTH_DATE_ATTRIBUTE)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(PinRegisterConfig.DEFAULT_BIRTH_DATE_ATTRIBUTE)
                .label("ciamkitPinBirthDateAttribute")
                .helpText("ciamkitPinBirthDateAttributeHelp")
                .add()
                .build());
        all.addAll(MAX_AUTH_AGE_CONFIG_PROPERTIES);
        PROPERTIES = List.copyOf(all);
    }

    private PinRegisterAction action = new PinRegisterAction(Set.of());

    @Override
    public void init(Config.Scope config) {
        String file = config.get(BLOCKLIST_FILE);
        if (file == null || file.isBlank()) {
            return;
        }
        Set<String> blocklist = PinBlocklist.load(resolve(file.trim()));
        LOG.infof("CIAM Kit: PIN blocklist %s has %d entries", file, blocklist.size());
        action = new PinRegisterAction(blocklist);
    }

    private static Path resolve(String file) {
        Path path = Path.of(file);
        String home = System.getProperty("kc.home.dir");
        return path.isAbsolute() || home == null ? path : Path.of(home).resolve(path);
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return action;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return PROPERTIES;
    }

    @Override
    public String getDisplayText() {
        return "CIAM Kit: set or change PIN";
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
