package dev.ciamkit.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxSettingsTest {

    @Test
    void the_back_off_doubles_per_attempt_up_to_the_maximum() {
        OutboxSettings settings = new OutboxSettings(1000, 500, 60, 1000, 8000);
        assertThat(settings.backoffMillis(1)).isEqualTo(1000);
        assertThat(settings.backoffMillis(2)).isEqualTo(2000);
        assertThat(settings.backoffMillis(4)).isEqualTo(8000);
        assertThat(settings.backoffMillis(5)).isEqualTo(8000);
        // no overflow however long a receiver stays down
        assertThat(settings.backoffMillis(Integer.MAX_VALUE)).isEqualTo(8000);
    }

    @Test
    void the_defaults_retry_within_a_second_and_at_most_every_five_minutes() {
        assertThat(OutboxSettings.DEFAULT.backoffMillis(1)).isEqualTo(1000);
        assertThat(OutboxSettings.DEFAULT.backoffMillis(100)).isEqualTo(300_000);
    }
}
