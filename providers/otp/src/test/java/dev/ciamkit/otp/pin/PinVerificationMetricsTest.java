package dev.ciamkit.otp.pin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.otp.pin.PinVerification.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code outcome} label of each PIN check ({@code ciamkit_factor_attempts_total{factor="pin"}}). */
class PinVerificationMetricsTest {

    @ParameterizedTest
    @CsvSource({
        "ACCEPTED, success",
        "INVALID, invalid",
        "LOCKED, locked",
        "NOT_SET, not_set",
        "UNREADABLE, error",
        "UNCHECKED, invalid"
    })
    void each_outcome_is_labelled(Outcome outcome, String label) {
        assertThat(PinVerification.metricOutcome(outcome).tag()).isEqualTo(label);
    }
}
