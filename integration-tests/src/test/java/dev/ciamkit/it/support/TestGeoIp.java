package dev.ciamkit.it.support;

import dev.ciamkit.risk.signal.location.GeoPlace;
import dev.ciamkit.risk.signal.location.TestMmdbWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The IT server's GeoIP2 City database, written before it starts (no GeoLite data can be fetched here). Its networks
 * are in the benchmarking range 198.18.0.0/15, which the shipped sample CSV does not hold, so an address there is
 * placed by MaxMind's reader in the server and one in the documentation ranges by the CSV.
 */
public final class TestGeoIp {

    public static final String LONDON = "198.18.0.10";
    public static final String SYDNEY = "198.18.1.10";

    private TestGeoIp() {}

    static Path write(Path file) throws IOException {
        TestMmdbWriter.write(
                file,
                Map.of(
                        "198.18.0.0/24", new GeoPlace("GB", "London", 51.5074, -0.1278),
                        "198.18.1.0/24", new GeoPlace("AU", "Sydney", -33.8688, 151.2093)));
        return file;
    }
}
