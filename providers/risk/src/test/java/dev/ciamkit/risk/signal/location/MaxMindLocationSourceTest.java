package dev.ciamkit.risk.signal.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaxMindLocationSourceTest {

    static final GeoPlace SEOUL = new GeoPlace("KR", "Seoul", 37.5665, 126.9780);
    static final GeoPlace TOKYO = new GeoPlace("JP", "Tokyo", 35.6762, 139.6503);
    static final GeoPlace BUSAN = new GeoPlace("KR", "Busan", 35.1796, 129.0756);
    static final GeoPlace US = GeoPlace.country("US");

    @TempDir
    Path dir;

    static Map<String, GeoPlace> networks() {
        Map<String, GeoPlace> networks = new LinkedHashMap<>();
        networks.put("192.0.2.0/24", SEOUL);
        networks.put("198.51.100.0/24", TOKYO);
        networks.put("203.0.113.128/25", US);
        networks.put("2001:db8::/32", SEOUL);
        networks.put("2001:db8:1::/48", BUSAN);
        return networks;
    }

    Optional<GeoPlace> lookup(MaxMindLocationSource source, String address) {
        return source.lookup(InetAddresses.forString(address));
    }

    @Test
    void reads_back_city_records_for_ipv4_and_ipv6() throws IOException {
        Path file = dir.resolve("city.mmdb");
        TestMmdbWriter.write(file, networks());
        try (MaxMindLocationSource source = MaxMindLocationSource.open(file)) {
            assertThat(source.kind()).isEqualTo("geoip-city");
            assertThat(lookup(source, "192.0.2.1")).contains(SEOUL);
            assertThat(lookup(source, "198.51.100.254")).contains(TOKYO);
            assertThat(lookup(source, "203.0.113.200")).contains(US);
            assertThat(lookup(source, "2001:db8:1::7")).contains(BUSAN);
            assertThat(lookup(source, "2001:db8:ffff::7")).contains(SEOUL);
        }
    }

    @Test
    void an_address_outside_the_database_has_no_place() throws IOException {
        Path file = dir.resolve("city.mmdb");
        TestMmdbWriter.write(file, networks());
        try (MaxMindLocationSource source = MaxMindLocationSource.open(file)) {
            assertThat(lookup(source, "203.0.113.1")).isEmpty();
            assertThat(lookup(source, "8.8.8.8")).isEmpty();
            assertThat(lookup(source, "2001:db9::1")).isEmpty();
        }
    }

    @Test
    void a_country_database_gives_the_country_alone() throws IOException {
        Path file = dir.resolve("country.mmdb");
        TestMmdbWriter.write(file, networks(), "GeoLite2-Country");
        try (MaxMindLocationSource source = MaxMindLocationSource.open(file)) {
            assertThat(source.kind()).isEqualTo("geoip-country");
            assertThat(lookup(source, "192.0.2.1")).contains(GeoPlace.country("KR"));
            assertThat(lookup(source, "2001:db8:1::7")).contains(GeoPlace.country("KR"));
        }
    }

    @Test
    void a_file_that_is_not_a_maxmind_database_does_not_open() throws IOException {
        Path file = dir.resolve("garbage.mmdb");
        Files.writeString(file, "network,country\n192.0.2.0/24,KR\n");
        assertThatThrownBy(() -> MaxMindLocationSource.open(file)).isInstanceOf(IOException.class);
    }

    @Test
    void a_database_of_another_kind_does_not_open() throws IOException {
        Path file = dir.resolve("asn.mmdb");
        TestMmdbWriter.write(file, networks(), "GeoLite2-ASN");
        assertThatThrownBy(() -> MaxMindLocationSource.open(file)).isInstanceOf(IOException.class);
    }

    @Test
    void a_closed_source_answers_empty() throws IOException {
        Path file = dir.resolve("city.mmdb");
        TestMmdbWriter.write(file, networks());
        MaxMindLocationSource source = MaxMindLocationSource.open(file);
        source.close();
        assertThat(lookup(source, "192.0.2.1")).isEmpty();
    }
}
