package dev.ciamkit.risk.device;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.RiskSignalFactory;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The {@value #ID} signal: is this browser one the user signed in with before? Its user-agent parser is built once, in
 * {@link #init}, and belongs to this factory alone.
 */
public final class DeviceSignalFactory implements RiskSignalFactory {

    public static final String ID = "device";
    public static final String NEW_DEVICE_POINTS = "device.new-device-points";
    public static final String MAX_KNOWN = "device.max-known";
    public static final String NEW_BROWSER_POINTS = "device.new-browser-points";

    static final int DEFAULT_NEW_DEVICE_POINTS = 40;
    static final int DEFAULT_MAX_KNOWN = 10;
    static final int DEFAULT_NEW_BROWSER_POINTS = 10;

    private UserAgents userAgents;

    @Override
    public void init(Config.Scope config) {
        userAgents = UserAgents.create();
    }

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new DeviceSignal(userAgents());
    }

    /** This factory's parser, for the learner that remembers the browser after a successful login. */
    public UserAgents userAgents() {
        UserAgents parser = userAgents;
        if (parser == null) {
            // create() before init() happens only in tests and tools; build one rather than fail.
            parser = UserAgents.create();
            userAgents = parser;
        }
        return parser;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int defaultWeight() {
        return 100;
    }

    @Override
    public boolean usefulAtRefresh() {
        return false;
    }

    /** How many browsers the learner keeps per user, from the evaluator's config (1–50, default 10). */
    public static int maxKnown(Map<String, String> config) {
        return BoundedInt.read(config, MAX_KNOWN, DEFAULT_MAX_KNOWN, 1, KnownDevices.MAX_KNOWN_LIMIT);
    }

    static int newDevicePoints(Map<String, String> config) {
        return BoundedInt.read(config, NEW_DEVICE_POINTS, DEFAULT_NEW_DEVICE_POINTS, 0, 100);
    }

    static int newBrowserPoints(Map<String, String> config) {
        return BoundedInt.read(config, NEW_BROWSER_POINTS, DEFAULT_NEW_BROWSER_POINTS, 0, 100);
    }

    @Override
    public List<ProviderConfigProperty> configProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(NEW_DEVICE_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskDeviceNewDevicePoints")
                .helpText("ciamkitRiskDeviceNewDevicePointsHelp")
                .defaultValue(DEFAULT_NEW_DEVICE_POINTS)
                .add()
                .property()
                .name(NEW_BROWSER_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskDeviceNewBrowserPoints")
                .helpText("ciamkitRiskDeviceNewBrowserPointsHelp")
                .defaultValue(DEFAULT_NEW_BROWSER_POINTS)
                .add()
                .property()
                .name(MAX_KNOWN)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskDeviceMaxKnown")
                .helpText("ciamkitRiskDeviceMaxKnownHelp")
                .defaultValue(DEFAULT_MAX_KNOWN)
                .add()
                .build();
    }
}
