package dev.ciamkit.risk.signal.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.RiskSignalFactory;
import dev.ciamkit.risk.spi.SignalResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;

class LocationSignalFactoryTest {

    @TempDir
    Path dir;

    final LocationSignalFactory factory = new LocationSignalFactory();

    @AfterEach
    void close() {
        factory.close();
    }

    void init(String geoipDatabase, String csv) {
        Config.Scope scope = mock(Config.Scope.class);
        given(scope.get(LocationSignalFactory.GEOIP_DATABASE)).willReturn(geoipDatabase);
        given(scope.get(LocationSignalFactory.CSV)).willReturn(csv);
        factory.init(scope);
    }

    SignalResult evaluate(String address) {
        RiskInput input = new RiskInput(
                null, null, null, RiskPhase.LOGIN, address, "", null, null, null, Map.of(), Instant.now());
        return factory.create(null).evaluate(input);
    }

    Path csv(String content) throws IOException {
        return Files.writeString(dir.resolve("networks.csv"), content);
    }

    @Nested
    class Sources {

        @Test
        void without_options_the_signal_is_unknown_no_location_source() {
            init(null, " ");
            assertThat(evaluate("192.0.2.1").state()).isEqualTo(SignalResult.State.UNKNOWN);
            assertThat(evaluate("192.0.2.1").reason()).isEqualTo("no_location_source");
            assertThat(factory.getOperationalInfo()).containsEntry("source", "no_location_source");
        }

        @Test
        void a_csv_is_read_at_init() throws IOException {
            init(null, csv("192.0.2.0/24,KR,Seoul,37.5665,126.9780\n").toString());
            SignalResult result = evaluate("192.0.2.1");
            assertThat(result.reason()).isEqualTo(LocationSignal.FIRST_COUNTRY);
            assertThat(result.observed()).containsEntry("country", "KR");
            assertThat(factory.getOperationalInfo())
                    .containsEntry("source", "csv")
                    .containsEntry("networks", "1");
        }

        @Test
        void with_both_the_csv_networks_come_first_and_the_database_answers_the_rest() throws IOException {
            Path mmdb = dir.resolve("city.mmdb");
            TestMmdbWriter.write(
                    mmdb, Map.of("192.0.2.0/24", GeoPlace.country("JP"), "198.51.100.0/24", GeoPlace.country("US")));
            init(mmdb.toString(), csv("192.0.2.0/24,KR,,,\n").toString());
            assertThat(evaluate("192.0.2.1").observed()).containsEntry("country", "KR");
            assertThat(evaluate("198.51.100.7").observed()).containsEntry("country", "US");
            assertThat(evaluate("203.0.113.9").state()).isEqualTo(SignalResult.State.UNKNOWN);
            assertThat(factory.getOperationalInfo())
                    .containsEntry("source", "csv+geoip-city")
                    .containsEntry("networks", "1");
        }

        @Test
        void a_database_alone_answers_every_address() throws IOException {
            Path mmdb = dir.resolve("city.mmdb");
            TestMmdbWriter.write(mmdb, Map.of("192.0.2.0/24", GeoPlace.country("JP")));
            init(mmdb.toString(), null);
            assertThat(evaluate("192.0.2.1").observed()).containsEntry("country", "JP");
            assertThat(factory.getOperationalInfo()).containsEntry("source", "geoip-city");
        }

        @Test
        void a_broken_database_leaves_the_csv_working() throws IOException {
            init(
                    csv("192.0.2.0/24,KR,,,\n").toString(),
                    csv("192.0.2.0/24,KR,,,\n").toString());
            assertThat(evaluate("192.0.2.1").observed()).containsEntry("country", "KR");
            assertThat(factory.getOperationalInfo())
                    .as("the server info page says which file failed")
                    .containsEntry("source", "csv")
                    .containsEntry(LocationSignalFactory.SOURCE_FAILED, LocationSignalFactory.GEOIP_DATABASE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"geoip", "csv"})
        void a_missing_file_does_not_stop_the_server_and_the_signal_is_unknown(String option) {
            String missing = dir.resolve("missing").toString();
            init(option.equals("geoip") ? missing : null, option.equals("csv") ? missing : null);
            assertThat(evaluate("192.0.2.1").state()).isEqualTo(SignalResult.State.UNKNOWN);
            assertThat(evaluate("192.0.2.1").reason()).isEqualTo(LocationSignalFactory.SOURCE_FAILED);
        }

        @Test
        void a_file_that_is_not_a_database_does_not_stop_the_server() throws IOException {
            init(csv("192.0.2.0/24,KR,,,\n").toString(), null);
            assertThat(evaluate("192.0.2.1").reason()).isEqualTo(LocationSignalFactory.SOURCE_FAILED);
        }

        @Test
        void a_csv_without_one_usable_network_is_a_failed_source() throws IOException {
            init(null, csv("# nothing\nnot,a,list\n").toString());
            assertThat(evaluate("192.0.2.1").reason()).isEqualTo(LocationSignalFactory.SOURCE_FAILED);
        }

        @Test
        void a_relative_path_starts_at_the_keycloak_home() {
            String before = System.getProperty("kc.home.dir");
            try {
                System.setProperty("kc.home.dir", "/opt/keycloak");
                assertThat(LocationSignalFactory.resolve("conf/geo.csv"))
                        .isEqualTo(Path.of("/opt/keycloak/conf/geo.csv"));
                assertThat(LocationSignalFactory.resolve("/data/geo.csv")).isEqualTo(Path.of("/data/geo.csv"));
            } finally {
                if (before == null) {
                    System.clearProperty("kc.home.dir");
                } else {
                    System.setProperty("kc.home.dir", before);
                }
            }
        }
    }

    @Nested
    class Declarations {

        @Test
        void is_registered_as_a_risk_signal() {
            assertThat(ServiceLoader.load(RiskSignalFactory.class).stream().map(ServiceLoader.Provider::type))
                    .contains(LocationSignalFactory.class);
        }

        @Test
        void is_the_location_signal_useful_at_refresh() {
            assertThat(factory.getId()).isEqualTo("location");
            assertThat(factory.usefulAtRefresh()).isTrue();
            assertThat(factory.defaultWeight()).isBetween(1, 100);
        }

        @Test
        void declares_the_two_server_options() {
            assertThat(factory.getConfigMetadata())
                    .extracting(ProviderConfigProperty::getName)
                    .containsExactlyInAnyOrder("geoip-database", "csv");
        }

        @Test
        void realm_settings_are_typed_prefixed_and_labelled_in_every_language() throws IOException {
            var properties = factory.configProperties();
            assertThat(properties)
                    .extracting(ProviderConfigProperty::getName)
                    .containsExactlyInAnyOrder(
                            LocationConfig.MAX_SPEED_KMH,
                            LocationConfig.MIN_TRAVEL_KM,
                            LocationConfig.IMPOSSIBLE_TRAVEL_POINTS,
                            LocationConfig.NEW_COUNTRY_POINTS)
                    .allMatch(name -> name.startsWith("location."));
            assertThat(properties).allMatch(p -> ProviderConfigProperty.INTEGER_TYPE.equals(p.getType()));
            for (String language : new String[] {"en", "ko", "ja"}) {
                Properties messages = messages(language);
                for (ProviderConfigProperty property : properties) {
                    assertThat(messages.getProperty(property.getLabel()))
                            .as(language)
                            .isNotBlank();
                    assertThat(messages.getProperty(property.getHelpText()))
                            .as(language)
                            .isNotBlank();
                }
            }
        }

        @Test
        void korean_and_japanese_messages_are_utf8_text() throws IOException {
            assertThat(messages("ko").getProperty("ciamkitRiskLocationMaxSpeed"))
                    .contains("속도");
            assertThat(messages("ja").getProperty("ciamkitRiskLocationMaxSpeed"))
                    .contains("速度");
        }

        Properties messages(String language) throws IOException {
            Properties messages = new Properties();
            try (InputStream in =
                    getClass().getResourceAsStream("/theme-resources/messages/messages_" + language + ".properties")) {
                assertThat(in).as(language).isNotNull();
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return messages;
        }
    }

    @Test
    void defaults_apply_when_the_realm_sets_nothing_or_nonsense() {
        assertThat(LocationConfig.read(null)).isEqualTo(new LocationConfig(900, 30, 60, 100));
        assertThat(LocationConfig.read(
                        Map.of(LocationConfig.MAX_SPEED_KMH, "fast", LocationConfig.NEW_COUNTRY_POINTS, "101")))
                .isEqualTo(new LocationConfig(900, 30, 60, 100));
    }
}
