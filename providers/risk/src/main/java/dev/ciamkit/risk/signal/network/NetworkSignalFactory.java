package dev.ciamkit.risk.signal.network;

import dev.ciamkit.common.config.ServerPaths;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.RiskSignalFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The {@code network} signal. The known-bad list is a server option ({@code
 * --spi-ciamkit-risk-signal--network--bad-address-list=<file>}), read once at start: a realm admin never points the
 * server at its files. The realm's allow and deny lists are parsed once per distinct value and kept by this factory.
 */
public final class NetworkSignalFactory implements RiskSignalFactory {

    public static final String ALLOW = "network.allow";
    public static final String DENY = "network.deny";
    public static final String DENY_POINTS = "network.deny-points";
    public static final String BAD_POINTS = "network.bad-list-points";
    static final String BAD_LIST_OPTION = "bad-address-list";
    private static final int MAX_CACHED_LISTS = 64;
    private static final Logger LOG = Logger.getLogger(NetworkSignalFactory.class);

    private final Map<String, AddressList> lists = new ConcurrentHashMap<>();
    private volatile AddressList badAddresses = AddressList.empty();

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new NetworkSignal(this);
    }

    @Override
    public void init(Config.Scope config) {
        String file = config.get(BAD_LIST_OPTION);
        if (file == null || file.isBlank()) {
            return;
        }
        Path path = ServerPaths.resolve(file);
        try {
            badAddresses = AddressList.read(path);
            LOG.infof(
                    "CIAM Kit risk: %d known-bad addresses and networks from %s (%d lines skipped)",
                    badAddresses.size(), path, badAddresses.skipped());
        } catch (IOException | RuntimeException e) {
            LOG.warnf(
                    "CIAM Kit risk: bad-address list %s could not be read (%s); the list is empty",
                    path, Files.exists(path) ? e.getClass().getSimpleName() : "no such file");
        }
    }

    AddressList badAddresses() {
        return badAddresses;
    }

    /** The parsed list of a config value: {@code ##} (the admin console's multivalued separator), commas or spaces. */
    AddressList list(String value) {
        if (value == null || value.isBlank()) {
            return AddressList.empty();
        }
        AddressList cached = lists.get(value);
        if (cached != null) {
            return cached;
        }
        if (lists.size() >= MAX_CACHED_LISTS) {
            lists.clear();
        }
        AddressList parsed = AddressList.of(Arrays.asList(value.split("(##|[,\\s])+")));
        lists.put(value, parsed);
        return parsed;
    }

    @Override
    public String getId() {
        return NetworkSignal.ID;
    }

    @Override
    public int defaultWeight() {
        return 100;
    }

    @Override
    public boolean usefulAtRefresh() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> configProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(DENY)
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .label("ciamkitRiskNetworkDeny")
                .helpText("ciamkitRiskNetworkDenyHelp")
                .add()
                .property()
                .name(DENY_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskNetworkDenyPoints")
                .helpText("ciamkitRiskNetworkDenyPointsHelp")
                .defaultValue("100")
                .add()
                .property()
                .name(ALLOW)
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .label("ciamkitRiskNetworkAllow")
                .helpText("ciamkitRiskNetworkAllowHelp")
                .add()
                .property()
                .name(BAD_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskNetworkBadPoints")
                .helpText("ciamkitRiskNetworkBadPointsHelp")
                .defaultValue("60")
                .add()
                .build();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(BAD_LIST_OPTION)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("A file of known-bad addresses and networks, one per line, or Tor's exit list.")
                .add()
                .build();
    }
}
