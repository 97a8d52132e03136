package dev.ciamkit.risk.signal.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ciamkit.risk.profile.RiskProfile;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.SignalResult;
import dev.ciamkit.risk.spi.SignalResult.State;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LocationSignalTest {

    static final String SEOUL = "192.0.2.10";
    static final String TOKYO = "198.51.100.10";
    static final String NEW_YORK = "203.0.113.10";
    static final String BUSAN_V6 = "2001:db8:1::10";
    static final String SEOUL_V6 = "2001:db8::10";
    static final String NOWHERE = "100.64.0.1";
    static final String KOREA_NO_COORDINATES = "100.100.0.1";

    static final Instant LAST = Instant.parse("2026-11-20T01:00:00Z");

    static final CsvLocationSource SOURCE = source();

    static CsvLocationSource source() {
        try {
            return CsvLocationSource.parse(new StringReader("""
                            192.0.2.0/24,KR,Seoul,37.5665,126.9780
                            198.51.100.0/24,JP,Tokyo,35.6762,139.6503
                            203.0.113.0/24,US,New York,40.7128,-74.0060
                            2001:db8::/32,KR,Seoul,37.5665,126.9780
                            2001:db8:1::/48,KR,Busan,35.1796,129.0756
                            100.100.0.0/16,KR,,,
                            """), "test.csv");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A user whose last (and only) successful login was in Seoul at {@link #LAST}. */
    static RiskProfile seoulUser() {
        return RiskProfile.empty().learn(LAST, "KR", 37.5665, 126.9780);
    }

    static SignalResult evaluate(String address, RiskProfile profile, Instant now) {
        return evaluate(address, profile, now, Map.of());
    }

    static SignalResult evaluate(String address, RiskProfile profile, Instant now, Map<String, String> config) {
        RiskInput input =
                new RiskInput(null, null, null, RiskPhase.LOGIN, address, "", null, null, profile, config, now);
        return new LocationSignal(SOURCE, LocationSignalFactory.NO_SOURCE).evaluate(input);
    }

    @Nested
    class Impossible_travel {

        @Test
        void seoul_then_new_york_one_hour_later_fires() {
            SignalResult result = evaluate(NEW_YORK, seoulUser(), LAST.plus(Duration.ofHours(1)));
            assertThat(result.state()).isEqualTo(State.FIRED);
            assertThat(result.reason()).isEqualTo(LocationSignal.IMPOSSIBLE_TRAVEL);
            assertThat(result.points()).isEqualTo(LocationConfig.DEFAULT_IMPOSSIBLE_TRAVEL_POINTS);
        }

        @Test
        void seoul_then_new_york_twenty_hours_later_is_only_a_new_country() {
            // 11,050 km in 20 h is 553 km/h: a flight
            SignalResult result = evaluate(NEW_YORK, seoulUser(), LAST.plus(Duration.ofHours(20)));
            assertThat(result.reason()).isEqualTo(LocationSignal.NEW_COUNTRY);
            assertThat(result.points()).isEqualTo(LocationConfig.DEFAULT_NEW_COUNTRY_POINTS);
        }

        @Test
        void seoul_then_busan_ten_minutes_later_fires_at_the_default_speed() {
            // 325 km in 10 min is 1,950 km/h
            SignalResult result = evaluate(BUSAN_V6, seoulUser(), LAST.plus(Duration.ofMinutes(10)));
            assertThat(result.reason()).isEqualTo(LocationSignal.IMPOSSIBLE_TRAVEL);
        }

        @Test
        void seoul_then_busan_ten_minutes_later_is_known_when_the_speed_limit_is_higher() {
            SignalResult result = evaluate(
                    BUSAN_V6,
                    seoulUser(),
                    LAST.plus(Duration.ofMinutes(10)),
                    Map.of(LocationConfig.MAX_SPEED_KMH, "2000"));
            assertThat(result.state()).isEqualTo(State.CLEAR);
            assertThat(result.reason()).isEqualTo(LocationSignal.KNOWN_COUNTRY);
        }

        @Test
        void seoul_then_busan_ten_minutes_later_is_known_below_the_minimum_distance() {
            SignalResult result = evaluate(
                    BUSAN_V6,
                    seoulUser(),
                    LAST.plus(Duration.ofMinutes(10)),
                    Map.of(LocationConfig.MIN_TRAVEL_KM, "400"));
            assertThat(result.reason()).isEqualTo(LocationSignal.KNOWN_COUNTRY);
        }

        @Test
        void the_same_place_a_second_later_is_known() {
            SignalResult result = evaluate(SEOUL_V6, seoulUser(), LAST.plusSeconds(1));
            assertThat(result.reason()).isEqualTo(LocationSignal.KNOWN_COUNTRY);
        }

        @Test
        void no_time_elapsed_or_a_clock_gone_back_counts_as_instantaneous() {
            assertThat(evaluate(TOKYO, seoulUser(), LAST).reason()).isEqualTo(LocationSignal.IMPOSSIBLE_TRAVEL);
            assertThat(evaluate(TOKYO, seoulUser(), LAST.minusSeconds(60)).reason())
                    .isEqualTo(LocationSignal.IMPOSSIBLE_TRAVEL);
        }

        @Test
        void needs_coordinates_on_both_sides() {
            RiskProfile noCoordinates = RiskProfile.empty().learn(LAST, "KR", null, null);
            assertThat(evaluate(NEW_YORK, noCoordinates, LAST.plusSeconds(60)).reason())
                    .isEqualTo(LocationSignal.NEW_COUNTRY);
            assertThat(evaluate(KOREA_NO_COORDINATES, seoulUser(), LAST.plusSeconds(60))
                            .reason())
                    .isEqualTo(LocationSignal.KNOWN_COUNTRY);
        }

        @Test
        void its_points_are_the_realms() {
            SignalResult result = evaluate(
                    NEW_YORK, seoulUser(), LAST.plusSeconds(60), Map.of(LocationConfig.IMPOSSIBLE_TRAVEL_POINTS, "55"));
            assertThat(result.points()).isEqualTo(55);
        }
    }

    @Nested
    class Countries {

        @Test
        void a_country_new_to_a_known_user_fires() {
            SignalResult result = evaluate(TOKYO, seoulUser(), LAST.plus(Duration.ofDays(2)));
            assertThat(result.state()).isEqualTo(State.FIRED);
            assertThat(result.reason()).isEqualTo(LocationSignal.NEW_COUNTRY);
            assertThat(result.evidence()).isFalse();
        }

        @Test
        void a_known_country_is_evidence() {
            RiskProfile profile = seoulUser().learn(LAST.plus(Duration.ofDays(1)), "JP", 35.6762, 139.6503);
            SignalResult result = evaluate(SEOUL, profile, LAST.plus(Duration.ofDays(3)));
            assertThat(result.state()).isEqualTo(State.CLEAR);
            assertThat(result.reason()).isEqualTo(LocationSignal.KNOWN_COUNTRY);
            assertThat(result.evidence()).isTrue();
        }

        @Test
        void a_first_login_is_clear_without_evidence() {
            SignalResult result = evaluate(NEW_YORK, RiskProfile.empty(), LAST);
            assertThat(result.state()).isEqualTo(State.CLEAR);
            assertThat(result.reason()).isEqualTo(LocationSignal.FIRST_COUNTRY);
            assertThat(result.evidence()).isFalse();
        }

        @Test
        void a_new_country_costs_the_realms_points() {
            SignalResult result = evaluate(
                    TOKYO, seoulUser(), LAST.plus(Duration.ofDays(2)), Map.of(LocationConfig.NEW_COUNTRY_POINTS, "0"));
            assertThat(result.state()).isEqualTo(State.FIRED);
            assertThat(result.points()).isZero();
        }
    }

    @Nested
    class Observed {

        @Test
        void holds_country_city_and_coordinates_for_the_learner() {
            SignalResult result = evaluate(BUSAN_V6, RiskProfile.empty(), LAST);
            assertThat(result.observed())
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("country", "KR", "city", "Busan", "lat", "35.1796", "lon", "129.0756"));
        }

        @Test
        void holds_only_what_is_known() {
            assertThat(evaluate(KOREA_NO_COORDINATES, RiskProfile.empty(), LAST).observed())
                    .containsExactly(Map.entry("country", "KR"));
        }

        @Test
        void is_kept_when_the_signal_fires() {
            assertThat(evaluate(NEW_YORK, seoulUser(), LAST.plusSeconds(60)).observed())
                    .containsEntry("country", "US")
                    .containsEntry("city", "New York");
        }
    }

    @Nested
    class Unknown {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    " ",
                    "not-an-address",
                    "example.com",
                    "localhost",
                    "192.0.2",
                    "192.0.2.256",
                    "[2001:db8::1]",
                    "192.0.2.10:8080",
                    "2001:db8::1::2",
                    "%",
                    "192.0.2.10%",
                    "\u0000",
                    "１９２.0.2.10"
                })
        void a_malformed_address_is_unknown_without_exception(String address) {
            assertThatCode(() -> evaluate(address, seoulUser(), LAST)).doesNotThrowAnyException();
            SignalResult result = evaluate(address, seoulUser(), LAST);
            assertThat(result.state()).isEqualTo(State.UNKNOWN);
            assertThat(result.reason()).isIn(LocationSignal.BAD_ADDRESS, LocationSignal.UNKNOWN_LOCATION);
        }

        @Test
        void a_huge_address_is_bad_without_reaching_the_parser() {
            SignalResult result = evaluate("1".repeat(100_000), seoulUser(), LAST);
            assertThat(result.state()).isEqualTo(State.UNKNOWN);
            assertThat(result.reason()).isEqualTo(LocationSignal.BAD_ADDRESS);
        }

        @Test
        void an_address_the_source_does_not_know_is_unknown_location() {
            SignalResult result = evaluate(NOWHERE, seoulUser(), LAST);
            assertThat(result.reason()).isEqualTo(LocationSignal.UNKNOWN_LOCATION);
            assertThat(result.observed()).isEmpty();
        }

        @Test
        void without_a_source_the_factorys_reason_is_given() {
            RiskInput input =
                    new RiskInput(null, null, null, RiskPhase.REFRESH, SEOUL, null, null, null, null, null, LAST);
            SignalResult result = new LocationSignal(null, LocationSignalFactory.NO_SOURCE).evaluate(input);
            assertThat(result.state()).isEqualTo(State.UNKNOWN);
            assertThat(result.reason()).isEqualTo("no_location_source");
        }

        @Test
        void a_link_local_scope_is_ignored() {
            assertThat(LocationSignal.parse("fe80::1%eth0")).isPresent();
            assertThat(LocationSignal.parse("2001:db8:1::10%1")).isPresent();
        }
    }

    @Test
    void ipv6_addresses_are_located() {
        SignalResult result = evaluate(SEOUL_V6, seoulUser(), LAST.plus(Duration.ofDays(1)));
        assertThat(result.reason()).isEqualTo(LocationSignal.KNOWN_COUNTRY);
        assertThat(result.observed()).containsEntry("city", "Seoul");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"127.0.0.1", "::1", "10.1.2.3", "192.168.0.7", "fe80::1"})
    void an_internal_address_has_no_place_and_is_neither_risky_nor_evidence(String address) {
        SignalResult result = evaluate(address, seoulUser(), LAST.plusSeconds(60));
        assertThat(result.state()).isEqualTo(SignalResult.State.CLEAR);
        assertThat(result.reason()).isEqualTo(LocationSignal.PRIVATE_ADDRESS);
        assertThat(result.evidence()).isFalse();
    }
}
