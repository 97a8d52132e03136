package dev.ciamkit.ekyc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailurePlanTest {

    private final FailurePlan plan = new FailurePlan();

    private List<Integer> failing(SandboxOperation operation, double rate, int requests) {
        List<Integer> failed = new ArrayList<>();
        for (int n = 1; n <= requests; n++) {
            if (plan.fails(operation, rate)) {
                failed.add(n);
            }
        }
        return failed;
    }

    @Test
    void a_rate_fails_evenly_spread_requests() {
        assertThat(failing(SandboxOperation.OCR, 0.25, 12)).containsExactly(1, 5, 9);
        assertThat(failing(SandboxOperation.FACE, 0.5, 6)).containsExactly(1, 3, 5);
        assertThat(failing(SandboxOperation.VERIFY, 1, 3)).containsExactly(1, 2, 3);
        assertThat(failing(SandboxOperation.CONFIRM, 0, 100)).isEmpty();
    }

    @Test
    void a_rate_without_an_exact_binary_form_still_fails_exactly_its_share() {
        assertThat(failing(SandboxOperation.OCR, 0.7, 10)).hasSize(7).containsExactly(1, 2, 3, 5, 6, 8, 9);
        assertThat(failing(SandboxOperation.FACE, 0.1, 30)).containsExactly(1, 11, 21);
    }

    @Test
    void each_operation_counts_on_its_own_and_a_reset_starts_again() {
        failing(SandboxOperation.OCR, 0.5, 1);
        assertThat(failing(SandboxOperation.TRANSFER, 0.5, 2)).containsExactly(1);
        assertThat(failing(SandboxOperation.OCR, 0.5, 2))
                .as("the 2nd and 3rd of OCR")
                .containsExactly(2);

        plan.reset();

        assertThat(failing(SandboxOperation.OCR, 0.5, 2)).containsExactly(1);
    }
}
