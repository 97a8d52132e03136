package dev.ciamkit.ekyc.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EkycReasonTest {

    @ParameterizedTest
    @EnumSource(EkycReason.class)
    void each_code_is_a_stable_lower_case_token_that_reads_back(EkycReason reason) {
        assertThat(reason.code()).matches("[a-z_]+").isEqualTo(reason.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(EkycReason.fromCode(reason.code())).contains(reason);
    }

    @Test
    void codes_are_unique_and_unknown_ones_do_not_read() {
        assertThat(Arrays.stream(EkycReason.values()).map(EkycReason::code)).doesNotHaveDuplicates();
        assertThat(EkycReason.fromCode("ID_FORGED")).isEmpty();
        assertThat(EkycReason.fromCode("<script>")).isEmpty();
    }

    @Test
    void labels_of_operations_and_statuses_are_lower_case() {
        assertThat(EkycOperation.TRANSFER_CONFIRM.tag()).isEqualTo("transfer_confirm");
        assertThat(VerificationStatus.INPUT_REJECTED.tag()).isEqualTo("input_rejected");
    }
}
