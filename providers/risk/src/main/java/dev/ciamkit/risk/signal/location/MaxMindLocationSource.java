package dev.ciamkit.risk.signal.location;

import com.maxmind.db.CHMCache;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.AbstractCountryResponse;
import com.maxmind.geoip2.record.Location;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A GeoIP2 or GeoLite2 City or Country database, read by MaxMind's own reader (memory-mapped, with its node cache).
 * City databases answer with city and coordinates, Country databases with the country alone; which one is decided
 * once from the database's type, so a lookup never tries a query the file cannot answer.
 */
public final class MaxMindLocationSource implements LocationSource {

    private static final Logger LOG = Logger.getLogger(MaxMindLocationSource.class);

    private final DatabaseReader reader;
    private final boolean city;

    private MaxMindLocationSource(DatabaseReader reader) {
        this.reader = reader;
        String type = reader.getMetadata().getDatabaseType();
        // GeoIP2-City, GeoLite2-City, GeoIP2-Enterprise carry city records; GeoIP2-Country, GeoLite2-Country do not
        this.city = type != null && (type.contains("City") || type.contains("Enterprise"));
    }

    /** Opens the database; throws when the file is missing or is not a MaxMind DB. */
    public static MaxMindLocationSource open(Path database) throws IOException {
        DatabaseReader reader = new DatabaseReader.Builder(database.toFile())
                .withCache(new CHMCache())
                .build();
        String type = reader.getMetadata().getDatabaseType();
        if (type == null || !(type.contains("City") || type.contains("Country") || type.contains("Enterprise"))) {
            reader.close();
            throw new IOException("not a GeoIP2/GeoLite2 City or Country database (type " + type + ")");
        }
        return new MaxMindLocationSource(reader);
    }

    @Override
    public Optional<GeoPlace> lookup(InetAddress address) {
        try {
            if (city) {
                return reader.tryCity(address).flatMap(r -> place(r, r.getCity().getName(), r.getLocation()));
            }
            return reader.tryCountry(address).flatMap(r -> place(r, null, null));
        } catch (Exception e) {
            // a broken record or a closed reader: no place, and never the address in the log
            LOG.debugf("CIAM Kit: GeoIP lookup failed (%s)", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Optional<GeoPlace> place(AbstractCountryResponse response, String city, Location location) {
        String country = response.getCountry().getIsoCode();
        if (country == null) {
            // some networks (satellite, anycast) only have the country they are registered in
            country = response.getRegisteredCountry().getIsoCode();
        }
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        Double latitude = location == null ? null : location.getLatitude();
        Double longitude = location == null ? null : location.getLongitude();
        return Optional.of(new GeoPlace(country, city, latitude, longitude));
    }

    @Override
    public String kind() {
        return city ? "geoip-city" : "geoip-country";
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            LOG.debugf(
                    "CIAM Kit: closing the GeoIP database failed (%s)",
                    e.getClass().getSimpleName());
        }
    }
}
