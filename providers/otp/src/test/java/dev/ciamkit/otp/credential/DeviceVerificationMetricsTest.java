package dev.ciamkit.otp.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.otp.credential.DeviceVerification.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code outcome} label of each device check ({@code ciamkit_factor_attempts_total{factor="mobile_otp"}}). */
class DeviceVerificationMetricsTest {

    @ParameterizedTest
    @CsvSource({
        "ACCEPTED, success",
        "INVALID, invalid",
        // a device that is not the user's is a wrong code to whoever sent it
        "UNKNOWN_DEVICE, invalid",
        "REPLAYED, replayed",
        "LOCKED, locked",
        // our side could not check: apart from the user's failures
        "UNREADABLE, error"
    })
    void each_outcome_is_labelled(Outcome outcome, String label) {
        assertThat(DeviceVerification.metricOutcome(outcome).tag()).isEqualTo(label);
    }
}
