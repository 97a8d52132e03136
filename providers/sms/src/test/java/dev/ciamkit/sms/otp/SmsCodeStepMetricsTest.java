package dev.ciamkit.sms.otp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.sms.code.SmsChallenge.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code outcome} label of each code typed in a login ({@code ciamkit_factor_attempts_total{factor="sms_otp"}}). */
class SmsCodeStepMetricsTest {

    @ParameterizedTest
    @CsvSource({"ACCEPTED, success", "WRONG, invalid", "EXPIRED, expired", "EXHAUSTED, exhausted", "REPLAYED, replayed"
    })
    void each_outcome_is_labelled(Outcome outcome, String label) {
        assertThat(SmsCodeStep.metricOutcome(outcome).tag()).isEqualTo(label);
    }
}
