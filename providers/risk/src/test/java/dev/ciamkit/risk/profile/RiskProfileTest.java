package dev.ciamkit.risk.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

class RiskProfileTest {

    private static final Instant MONDAY_0930 = Instant.parse("2026-11-23T09:30:00Z");

    @Test
    void hour_of_week_starts_monday_midnight_utc() {
        assertThat(RiskProfile.hourOfWeek(Instant.parse("2026-11-23T00:00:00Z")))
                .isZero();
        assertThat(RiskProfile.hourOfWeek(MONDAY_0930)).isEqualTo(9);
        assertThat(RiskProfile.hourOfWeek(Instant.parse("2026-11-29T23:59:00Z")))
                .isEqualTo(167);
    }

    @Test
    void counters_are_halved_together_before_one_passes_the_cap() {
        RiskProfile profile = RiskProfile.empty().learn(Instant.parse("2026-11-24T03:00:00Z"), null, null, null);
        for (int i = 0; i < 2 * RiskProfile.COUNTER_CAP; i++) {
            profile = profile.learn(MONDAY_0930, "KR", 37.5, 127.0);
        }
        assertThat(java.util.stream.IntStream.of(profile.hours()).max().orElse(0))
                .isLessThan(RiskProfile.COUNTER_CAP);
        assertThat(profile.loginsAround(9)).isGreaterThanOrEqualTo(RiskProfile.COUNTER_CAP / 2);
    }

    @Test
    void countries_keep_the_most_recent_ones_only() {
        RiskProfile profile = RiskProfile.empty();
        for (int i = 0; i < RiskProfile.MAX_COUNTRIES + 5; i++) {
            profile = profile.learn(MONDAY_0930, "C" + i, null, null);
        }
        assertThat(profile.countries()).hasSize(RiskProfile.MAX_COUNTRIES);
        assertThat(profile.knowsCountry("C0")).isFalse();
        assertThat(profile.knowsCountry("C24")).isTrue();
        assertThat(profile.last().country()).isEqualTo("C24");
    }

    @Test
    void the_band_wraps_around_the_week() {
        RiskProfile profile = RiskProfile.empty().learn(Instant.parse("2026-11-29T23:10:00Z"), null, null, null);
        assertThat(profile.loginsAround(0)).isEqualTo(1);
    }

    @Test
    void a_stored_profile_with_a_wrong_histogram_reads_as_empty_counters() throws Exception {
        RiskProfile odd = JsonSerialization.readValue("{\"hours\":[1,2,3],\"countries\":[\"KR\"]}", RiskProfile.class);
        assertThat(odd.logins()).isZero();
        assertThat(odd.countries()).containsExactly("KR");
        RiskProfile back = JsonSerialization.readValue(
                JsonSerialization.writeValueAsBytes(RiskProfile.empty().learn(MONDAY_0930, "KR", 1.0, 2.0)),
                RiskProfile.class);
        assertThat(back.logins()).isEqualTo(1);
        assertThat(IntStream.of(back.hours()).sum()).isEqualTo(1);
        assertThat(back.last().latitude()).isEqualTo(1.0);
    }
}
