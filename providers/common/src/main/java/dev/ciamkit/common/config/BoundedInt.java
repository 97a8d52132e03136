package dev.ciamkit.common.config;

import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;

/** Reads an integer config value; a missing, malformed or out-of-range value falls back to the default, logged. */
public final class BoundedInt {

    private static final Logger LOG = Logger.getLogger(BoundedInt.class);

    private BoundedInt() {}

    public static int read(Map<String, String> config, String key, int defaultValue, int min, int max) {
        return parse(config.get(key), key, defaultValue, min, max);
    }

    /** The same for a server option ({@code --spi-<spi>--<provider>--<key>}). */
    public static int read(Config.Scope config, String key, int defaultValue, int min, int max) {
        return parse(config.get(key), key, defaultValue, min, max);
    }

    private static int parse(String raw, String key, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the warning
        }
        LOG.warnf(
                "CIAM Kit config %s='%s' is not a whole number from %d to %d; using %d",
                key, raw, min, max, defaultValue);
        return defaultValue;
    }
}
