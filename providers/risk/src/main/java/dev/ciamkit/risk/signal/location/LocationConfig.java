package dev.ciamkit.risk.signal.location;

import dev.ciamkit.common.config.BoundedInt;
import java.util.Map;

/**
 * The realm's settings of the location signal, read null-safely from the evaluator's config with defaults.
 *
 * @param maxSpeedKmh faster than this between two logins is impossible travel (900: an airliner)
 * @param newCountryPoints points when the country is new to a user who has logged in from others
 * @param impossibleTravelPoints points for impossible travel
 * @param minTravelKm below this distance there is no speed check: within one metro area GeoIP places jump around
 */
public record LocationConfig(int maxSpeedKmh, int newCountryPoints, int impossibleTravelPoints, int minTravelKm) {

    public static final String MAX_SPEED_KMH = "location.max-speed-kmh";
    public static final String NEW_COUNTRY_POINTS = "location.new-country-points";
    public static final String IMPOSSIBLE_TRAVEL_POINTS = "location.impossible-travel-points";
    public static final String MIN_TRAVEL_KM = "location.min-travel-km";

    public static final int DEFAULT_MAX_SPEED_KMH = 900;
    public static final int DEFAULT_NEW_COUNTRY_POINTS = 30;
    public static final int DEFAULT_IMPOSSIBLE_TRAVEL_POINTS = 60;
    public static final int DEFAULT_MIN_TRAVEL_KM = 100;

    /** Half the Earth's circumference: no two places are further apart. */
    static final int MAX_KM = 20_040;

    public static LocationConfig read(Map<String, String> config) {
        Map<String, String> c = config == null ? Map.of() : config;
        return new LocationConfig(
                BoundedInt.read(c, MAX_SPEED_KMH, DEFAULT_MAX_SPEED_KMH, 1, 100_000),
                BoundedInt.read(c, NEW_COUNTRY_POINTS, DEFAULT_NEW_COUNTRY_POINTS, 0, 100),
                BoundedInt.read(c, IMPOSSIBLE_TRAVEL_POINTS, DEFAULT_IMPOSSIBLE_TRAVEL_POINTS, 0, 100),
                BoundedInt.read(c, MIN_TRAVEL_KM, DEFAULT_MIN_TRAVEL_KM, 0, MAX_KM));
    }
}
