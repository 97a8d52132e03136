package dev.ciamkit.risk.signal.location;

import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.RiskSignalFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The {@code location} signal. Its data is a server setting, never a realm's: a GeoIP2/GeoLite2 database
 * ({@code --spi-ciamkit-risk-signal--location--geoip-database=/path/GeoLite2-City.mmdb}), a CIDR list
 * ({@code --spi-ciamkit-risk-signal--location--csv=/path/networks.csv}), or both: then the list's networks are looked
 * up first and the database answers for every other address; relative paths start at the Keycloak home.
 * The file is loaded once here; one that is missing or broken is a warning at start, not a failed start: the signal
 * then answers unknown, which costs logins their location evidence but never locks anyone out.
 */
public final class LocationSignalFactory implements RiskSignalFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "location";
    public static final String GEOIP_DATABASE = "geoip-database";
    public static final String CSV = "csv";

    /** No file configured. */
    static final String NO_SOURCE = "no_location_source";
    /** A file configured that did not load. */
    static final String SOURCE_FAILED = "location_source_failed";

    private static final Logger LOG = Logger.getLogger(LocationSignalFactory.class);

    private LocationSource source;
    private String noSourceReason = NO_SOURCE;
    /** The options whose file did not load, for the server info page (one of two may have failed). */
    private final java.util.List<String> failed = new java.util.ArrayList<>();

    @Override
    public void init(Config.Scope config) {
        String database = blankToNull(config.get(GEOIP_DATABASE));
        String csv = blankToNull(config.get(CSV));
        LocationSource list = csv == null ? null : load(CSV, resolve(csv), false);
        LocationSource geoip = database == null ? null : load(GEOIP_DATABASE, resolve(database), true);
        if (csv != null && list == null) {
            failed.add(CSV);
        }
        if (database != null && geoip == null) {
            failed.add(GEOIP_DATABASE);
        }
        if (list instanceof CsvLocationSource overrides && geoip != null) {
            // both: the list's networks first (corrections, a bank's own ranges), the database for the rest
            source = new LayeredLocationSource(overrides, geoip);
        } else {
            source = geoip != null ? geoip : list;
        }
        if (source != null) {
            LOG.infof("CIAM Kit: location signal reads %s", source.kind());
        } else if (database == null && csv == null) {
            LOG.debug("CIAM Kit: no location source configured; the location signal answers unknown");
        } else {
            noSourceReason = SOURCE_FAILED;
        }
    }

    /** The source in a file, or null (with a warning naming the option) when it does not load or holds nothing. */
    private static LocationSource load(String option, Path path, boolean geoip) {
        try {
            if (!Files.isRegularFile(path)) {
                throw new NoSuchFileException(path.toString());
            }
            LocationSource loaded = geoip ? MaxMindLocationSource.open(path) : CsvLocationSource.load(path);
            if (loaded instanceof CsvLocationSource list && list.size() == 0) {
                LOG.warnf(
                        "CIAM Kit: location CSV %s (option %s) holds no usable network; it is not used", path, option);
                return null;
            }
            LOG.infof("CIAM Kit: location file %s loaded (%s)", path, loaded.kind());
            return loaded;
        } catch (Exception e) {
            // class name only: a parser's message could quote the file
            LOG.warnf(
                    "CIAM Kit: location file %s (option %s of spi ciamkit-risk-signal, provider %s) %s; it is not"
                            + " used until it is fixed and the server restarted",
                    path,
                    option,
                    ID,
                    e instanceof NoSuchFileException
                            ? "does not exist or is not a file"
                            : "does not load (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    static Path resolve(String configured) {
        return dev.ciamkit.common.config.ServerPaths.resolve(configured);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new LocationSignal(source, noSourceReason);
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
        return LocationConfigProperties.all();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(GEOIP_DATABASE)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Path of a GeoIP2 or GeoLite2 City or Country database (.mmdb); relative paths start at"
                        + " the Keycloak home. With " + CSV + " set too, the CSV's networks are looked up first.")
                .add()
                .property()
                .name(CSV)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Path of a CSV list network,country,city,latitude,longitude (CIDR networks, IPv4 and IPv6),"
                        + " looked up before the " + GEOIP_DATABASE + " when both are set (corrections, own ranges);"
                        + " relative paths start at the Keycloak home.")
                .add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("source", source == null ? noSourceReason : source.kind());
        if (!failed.isEmpty()) {
            info.put(SOURCE_FAILED, String.join(",", failed));
        }
        CsvLocationSource list = source instanceof LayeredLocationSource layered
                ? layered.overrides()
                : source instanceof CsvLocationSource csv ? csv : null;
        if (list != null) {
            info.put("networks", Integer.toString(list.size()));
            info.put("skippedLines", Integer.toString(list.badLines().size()));
        }
        return info;
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
            source = null;
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
