package dev.ciamkit.risk.signal.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

class GreatCircleTest {

    static final double SEOUL_LAT = 37.5665;
    static final double SEOUL_LON = 126.9780;

    @Test
    void seoul_to_tokyo_is_about_1150_km() {
        assertThat(GreatCircle.km(SEOUL_LAT, SEOUL_LON, 35.6762, 139.6503)).isCloseTo(1152, within(10.0));
    }

    @Test
    void seoul_to_new_york_is_about_11050_km() {
        // published great-circle figure between the city centres: 11,050 km (6,867 mi)
        assertThat(GreatCircle.km(SEOUL_LAT, SEOUL_LON, 40.7128, -74.0060)).isCloseTo(11_050, withPercentage(1));
    }

    @Test
    void seoul_to_busan_is_about_325_km() {
        assertThat(GreatCircle.km(SEOUL_LAT, SEOUL_LON, 35.1796, 129.0756)).isCloseTo(325, within(5.0));
    }

    @Test
    void same_place_is_zero_and_antipodes_are_half_the_circumference() {
        assertThat(GreatCircle.km(SEOUL_LAT, SEOUL_LON, SEOUL_LAT, SEOUL_LON)).isZero();
        assertThat(GreatCircle.km(0, 0, 0, 180)).isCloseTo(Math.PI * GreatCircle.EARTH_RADIUS_KM, within(0.001));
        assertThat(GreatCircle.km(90, 0, -90, 0)).isNotNaN();
    }

    @Test
    void is_symmetric() {
        assertThat(GreatCircle.km(SEOUL_LAT, SEOUL_LON, 40.7128, -74.0060))
                .isCloseTo(GreatCircle.km(40.7128, -74.0060, SEOUL_LAT, SEOUL_LON), within(1e-9));
    }
}
