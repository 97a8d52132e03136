package dev.ciamkit.risk.signal.location;

import dev.ciamkit.risk.profile.RiskProfile;
import dev.ciamkit.risk.signal.network.Cidr;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.SignalResult;
import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the login comes from, against where the user's earlier logins came from: impossible travel (too far, too fast
 * since the last successful login) first, then a country the user has never logged in from. Reads only the input's
 * address, profile, config and time: no session, realm or user.
 */
final class LocationSignal implements RiskSignal {

    public static final String IMPOSSIBLE_TRAVEL = "impossible_travel";
    public static final String NEW_COUNTRY = "new_country";
    public static final String KNOWN_COUNTRY = "known_country";
    public static final String FIRST_COUNTRY = "first_country";
    public static final String BAD_ADDRESS = "bad_address";
    public static final String UNKNOWN_LOCATION = "unknown_location";
    public static final String PRIVATE_ADDRESS = "private_address";

    /** Keys of what the learner stores after a successful login. */
    public static final String OBSERVED_COUNTRY = "country";

    public static final String OBSERVED_CITY = "city";
    public static final String OBSERVED_LAT = "lat";
    public static final String OBSERVED_LON = "lon";

    /** Longer than any address literal with a scope: not worth handing to a parser. */
    private final LocationSource source;

    private final String noSourceReason;

    /**
     * @param source the factory's source, or null when there is none
     * @param noSourceReason the reason given when {@code source} is null (none configured, or it failed to load)
     */
    LocationSignal(LocationSource source, String noSourceReason) {
        this.source = source;
        this.noSourceReason = noSourceReason;
    }

    @Override
    public SignalResult evaluate(RiskInput input) {
        if (source == null) {
            return SignalResult.unknown(LocationSignalFactory.ID, noSourceReason);
        }
        Optional<InetAddress> address = parse(input.clientAddress());
        if (address.isEmpty()) {
            return SignalResult.unknown(LocationSignalFactory.ID, BAD_ADDRESS);
        }
        if (address.get().isLoopbackAddress()
                || address.get().isSiteLocalAddress()
                || address.get().isLinkLocalAddress()
                || address.get().isAnyLocalAddress()) {
            // an internal address has no place; that is neither risky nor evidence
            return SignalResult.clear(LocationSignalFactory.ID, PRIVATE_ADDRESS);
        }
        Optional<GeoPlace> place = source.lookup(address.get());
        if (place.isEmpty()) {
            return SignalResult.unknown(LocationSignalFactory.ID, UNKNOWN_LOCATION);
        }
        return decide(place.get(), input).observing(observed(place.get()));
    }

    private static SignalResult decide(GeoPlace place, RiskInput input) {
        LocationConfig config = LocationConfig.read(input.config());
        RiskProfile profile = input.profile();
        if (impossibleTravel(place, profile.last(), input.now(), config)) {
            return SignalResult.decisive(LocationSignalFactory.ID, config.impossibleTravelPoints(), IMPOSSIBLE_TRAVEL);
        }
        if (profile.countries().isEmpty()) {
            return SignalResult.clear(LocationSignalFactory.ID, FIRST_COUNTRY);
        }
        if (!profile.knowsCountry(place.country())) {
            return SignalResult.fired(LocationSignalFactory.ID, config.newCountryPoints(), NEW_COUNTRY);
        }
        return SignalResult.known(LocationSignalFactory.ID, KNOWN_COUNTRY);
    }

    static boolean impossibleTravel(GeoPlace place, RiskProfile.LastLogin last, Instant now, LocationConfig config) {
        if (last == null || !place.hasCoordinates() || !GeoPlace.validCoordinates(last.latitude(), last.longitude())) {
            return false;
        }
        double km = GreatCircle.km(last.latitude(), last.longitude(), place.latitude(), place.longitude());
        if (km < config.minTravelKm()) {
            return false;
        }
        long seconds = (now == null ? Instant.now() : now).getEpochSecond() - last.epochSecond();
        if (seconds <= 0) {
            // same second, or a clock that went back: as if instantaneous
            return true;
        }
        return km / (seconds / 3600.0) > config.maxSpeedKmh();
    }

    /** The address Keycloak resolved, as a literal only (never a name lookup); empty when it is not one. */
    static Optional<InetAddress> parse(String address) {
        return Cidr.address(address);
    }

    private static Map<String, String> observed(GeoPlace place) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(OBSERVED_COUNTRY, place.country());
        if (place.city() != null) {
            values.put(OBSERVED_CITY, place.city());
        }
        if (place.hasCoordinates()) {
            values.put(OBSERVED_LAT, Double.toString(place.latitude()));
            values.put(OBSERVED_LON, Double.toString(place.longitude()));
        }
        return values;
    }
}
