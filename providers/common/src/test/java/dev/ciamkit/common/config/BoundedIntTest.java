package dev.ciamkit.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundedIntTest {

    @Test
    void reads_values_in_range_and_falls_back_for_missing_malformed_or_out_of_range_ones() {
        Map<String, String> config = Map.of("ok", " 7 ", "word", "seven", "big", "101", "blank", " ");

        assertThat(BoundedInt.read(config, "ok", 5, 1, 100)).isEqualTo(7);
        assertThat(BoundedInt.read(config, "word", 5, 1, 100)).isEqualTo(5);
        assertThat(BoundedInt.read(config, "big", 5, 1, 100)).isEqualTo(5);
        assertThat(BoundedInt.read(config, "blank", 5, 1, 100)).isEqualTo(5);
        assertThat(BoundedInt.read(config, "absent", 5, 1, 100)).isEqualTo(5);
    }
}
