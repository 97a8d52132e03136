package dev.ciamkit.risk.signal.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvLocationSourceTest {

    static CsvLocationSource parse(String csv) throws IOException {
        return CsvLocationSource.parse(new StringReader(csv), "test.csv");
    }

    static Optional<GeoPlace> lookup(CsvLocationSource source, String address) {
        return source.lookup(InetAddresses.forString(address));
    }

    @Nested
    class Longest_prefix {

        final CsvLocationSource source = parse("""
                network,country,city,latitude,longitude
                10.0.0.0/8,KR,,,
                10.1.0.0/16,JP,Tokyo,35.6762,139.6503
                10.1.2.0/24,US,New York,40.7128,-74.0060
                10.1.2.3/32,KR,Busan,35.1796,129.0756
                """);

        Longest_prefix() throws IOException {}

        @Test
        void the_most_specific_network_wins_whatever_the_order() {
            assertThat(lookup(source, "10.1.2.3")).map(GeoPlace::city).contains("Busan");
            assertThat(lookup(source, "10.1.2.4")).map(GeoPlace::city).contains("New York");
            assertThat(lookup(source, "10.1.3.1")).map(GeoPlace::city).contains("Tokyo");
            assertThat(lookup(source, "10.200.0.1")).map(GeoPlace::country).contains("KR");
        }

        @Test
        void an_address_outside_every_network_has_no_place() {
            assertThat(lookup(source, "11.0.0.1")).isEmpty();
            assertThat(lookup(source, "2001:db8::1")).isEmpty();
        }

        @Test
        void places_without_city_or_coordinates_keep_the_country() {
            GeoPlace place = lookup(source, "10.9.9.9").orElseThrow();
            assertThat(place.city()).isNull();
            assertThat(place.hasCoordinates()).isFalse();
        }

        @Test
        void host_bits_after_the_prefix_are_ignored() throws IOException {
            CsvLocationSource loose = parse("192.0.2.77/24,KR,Seoul,37.5665,126.9780\n");
            assertThat(lookup(loose, "192.0.2.1")).map(GeoPlace::country).contains("KR");
        }
    }

    @Nested
    class Ipv6 {

        final CsvLocationSource source = parse("""
                2001:db8::/32,KR,Seoul,37.5665,126.9780
                2001:db8:1::/48,KR,Busan,35.1796,129.0756
                192.0.2.0/24,JP,Tokyo,35.6762,139.6503
                """);

        Ipv6() throws IOException {}

        @Test
        void finds_the_longest_ipv6_prefix() {
            assertThat(lookup(source, "2001:db8:1::42")).map(GeoPlace::city).contains("Busan");
            assertThat(lookup(source, "2001:db8:2::42")).map(GeoPlace::city).contains("Seoul");
            assertThat(lookup(source, "2001:db9::1")).isEmpty();
        }

        @Test
        void ipv4_mapped_ipv6_addresses_are_looked_up_as_ipv4() {
            // Guava gives an Inet4Address for ::ffff:a.b.c.d, as Keycloak's address would be compared
            assertThat(lookup(source, "::ffff:192.0.2.9")).map(GeoPlace::city).contains("Tokyo");
        }

        @Test
        void families_do_not_mix() {
            // ::c000:209 has the same low 32 bits as 192.0.2.9
            assertThat(lookup(source, "::c000:209")).isEmpty();
        }
    }

    @Nested
    class Bad_lines {

        @Test
        void are_skipped_and_counted_by_line_number() throws IOException {
            CsvLocationSource source = parse("""
                    # synthetic
                    network,country,city,latitude,longitude
                    192.0.2.0/24,KR,Seoul,37.5665,126.9780
                    not-an-address/24,KR,,,
                    198.51.100.0/33,JP,,,
                    198.51.100.0,JP,,,
                    203.0.113.0/24,USA,,,
                    203.0.113.0/24,US,New York,91,0
                    203.0.113.0/24,US,New York,40.7,
                    203.0.113.0/24,US,New York,abc,def
                    2001:db8::/129,KR,,,
                    192.0.2.0/24,JP,,,
                    example.com/24,US,,,
                    fe80::/10%eth0,US,,,
                    192.0.2.0/24,KR,Seoul,1,2,extra
                    203.0.113.0/24,US
                    """);
            assertThat(source.badLines()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
            assertThat(source.size()).isEqualTo(2);
            assertThat(lookup(source, "192.0.2.1")).map(GeoPlace::city).contains("Seoul");
            assertThat(lookup(source, "203.0.113.1")).map(GeoPlace::country).contains("US");
        }

        @Test
        void comments_blank_lines_and_the_header_are_not_data() throws IOException {
            CsvLocationSource source = parse("""
                    \uFEFF# a comment, with commas, that would not parse
                    NETWORK, country, city, latitude, longitude

                      # indented comment
                    192.0.2.0/24,kr,Seoul,37.5665,126.9780
                    """);
            assertThat(source.badLines()).isEmpty();
            assertThat(lookup(source, "192.0.2.200")).map(GeoPlace::country).contains("KR");
        }
    }

    @Test
    void the_realm_config_sample_parses_without_bad_lines() throws IOException {
        Path sample = Path.of("../../realm-config/geo/ciamkit-geo-sample.csv");
        assumeThat(Files.exists(sample)).isTrue();
        CsvLocationSource source = CsvLocationSource.load(sample);
        assertThat(source.badLines()).isEmpty();
        assertThat(lookup(source, "192.0.2.10")).map(GeoPlace::city).contains("Seoul");
        assertThat(lookup(source, "198.51.100.10")).map(GeoPlace::city).contains("Tokyo");
        assertThat(lookup(source, "203.0.113.10")).map(GeoPlace::city).contains("New York");
        assertThat(lookup(source, "2001:db8:1::10")).map(GeoPlace::city).contains("Busan");
    }
}
