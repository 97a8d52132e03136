package dev.ciamkit.ekyc.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The contract's values: never print personal data, never share mutable bytes, never hold a contradiction. */
class EkycRecordsTest {

    private static final IdFields HONG = new IdFields(
            IdDocumentType.RESIDENT_CARD,
            "홍길동",
            LocalDate.of(1990, 1, 1),
            "900101-1234567",
            LocalDate.of(2020, 3, 15),
            null);

    private static VerificationResult result(EkycOperation operation, VerificationStatus status) {
        return VerificationResult.without(operation, status, EkycReason.OK, Duration.ofMillis(5));
    }

    @Test
    void id_fields_print_which_fields_are_set_never_their_values() {
        String text = HONG.toString();

        assertThat(text)
                .doesNotContain("홍길동")
                .doesNotContain("900101")
                .doesNotContain("1234567")
                .doesNotContain("1990")
                .doesNotContain("2020")
                .contains("RESIDENT_CARD");
        assertThat(new IdExtraction(result(EkycOperation.ID_OCR, VerificationStatus.PASSED), Optional.of(HONG))
                        .toString())
                .doesNotContain("홍길동")
                .doesNotContain("900101");
    }

    @Test
    void an_account_and_a_code_print_neither_number_nor_code_nor_holder() {
        assertThat(new BankAccount("004", "123-4567-8901-23", "홍길동").toString())
                .contains("004")
                .doesNotContain("4567")
                .doesNotContain("8901")
                .doesNotContain("홍길동");
        assertThat(new TransferCode("tr_abc", "4676").toString())
                .contains("tr_abc")
                .doesNotContain("4676");
    }

    @Test
    void an_image_keeps_its_own_copy_and_prints_only_type_and_size() {
        byte[] bytes = {1, 2, 3};
        EkycImage image = new EkycImage(bytes, " Image/PNG ");
        bytes[0] = 9;
        image.bytes()[1] = 9;

        assertThat(image.bytes()).containsExactly(1, 2, 3);
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image).isEqualTo(new EkycImage(new byte[] {1, 2, 3}, "image/png"));
        assertThat(image.toString()).isEqualTo("EkycImage[image/png, 3 bytes]");
    }

    @Test
    void results_fill_in_what_is_missing_instead_of_holding_null() {
        VerificationResult result = new VerificationResult(
                EkycOperation.FACE_MATCH,
                VerificationStatus.TIMEOUT,
                EkycReason.VENDOR_TIMEOUT,
                null,
                null,
                Duration.ofMillis(-3));

        assertThat(result.score()).isEqualTo(OptionalDouble.empty());
        assertThat(result.vendorReference()).isEmpty();
        assertThat(result.elapsed()).isEqualTo(Duration.ZERO);
        assertThat(FaceMatch.without(result).liveness()).isEqualTo(Liveness.UNKNOWN);
    }

    @Test
    void a_pass_without_what_it_must_carry_cannot_be_built() {
        VerificationResult passedOcr = result(EkycOperation.ID_OCR, VerificationStatus.PASSED);
        VerificationResult passedFace = result(EkycOperation.FACE_MATCH, VerificationStatus.PASSED);
        VerificationResult passedTransfer = result(EkycOperation.TRANSFER_START, VerificationStatus.PASSED);

        assertThatThrownBy(() -> IdExtraction.without(passedOcr)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaceMatch(passedFace, Liveness.SPOOF, OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferStart.without(passedTransfer)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new IdExtraction(result(EkycOperation.ID_OCR, VerificationStatus.FAILED), Optional.of(HONG)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_passed_and_failed_are_verdicts() {
        assertThat(VerificationStatus.values())
                .filteredOn(VerificationStatus::isVerdict)
                .containsExactly(VerificationStatus.PASSED, VerificationStatus.FAILED);
    }
}
