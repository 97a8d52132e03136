package dev.ciamkit.ekyc.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ciamkit.ekyc.spi.EkycOperation;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.FaceMatch;
import dev.ciamkit.ekyc.spi.IdExtraction;
import dev.ciamkit.ekyc.spi.Liveness;
import dev.ciamkit.ekyc.spi.TransferConfirmation;
import dev.ciamkit.ekyc.spi.TransferStart;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How every answer the contract allows, and some it does not, becomes a result. */
class GatewayAnswersTest {

    private static final Duration ELAPSED = Duration.ofMillis(42);

    private static Exchange answer(int status, String json) {
        try {
            JsonNode body = json == null ? MissingNode.getInstance() : GatewayTransport.JSON.readTree(json);
            return new Exchange.Answered(status, body, 1);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static VerificationResult read(int status, String json) {
        return GatewayAnswers.read(EkycOperation.ID_AUTHENTICITY, answer(status, json), ELAPSED);
    }

    @Nested
    class Verdicts {

        @Test
        void a_pass_carries_score_reference_and_elapsed_time() {
            VerificationResult result =
                    read(200, "{\"result\":\"PASSED\",\"reason\":\"ok\",\"score\":0.91,\"reference\":\"v-123\"}");

            assertThat(result.status()).isEqualTo(VerificationStatus.PASSED);
            assertThat(result.reason()).isEqualTo(EkycReason.OK);
            assertThat(result.score()).hasValue(0.91);
            assertThat(result.vendorReference()).contains("v-123");
            assertThat(result.elapsed()).isEqualTo(ELAPSED);
            assertThat(result.operation()).isEqualTo(EkycOperation.ID_AUTHENTICITY);
        }

        @Test
        void a_failure_keeps_a_known_reason_and_hides_an_unknown_one() {
            assertThat(read(200, "{\"result\":\"FAILED\",\"reason\":\"id_revoked\"}")
                            .reason())
                    .isEqualTo(EkycReason.ID_REVOKED);
            assertThat(read(200, "{\"result\":\"FAILED\",\"reason\":\"ERR-77 <b>\"}")
                            .reason())
                    .isEqualTo(EkycReason.VENDOR_DECLINED);
            assertThat(read(200, "{\"result\":\"FAILED\",\"reason\":\"vendor_timeout\"}")
                            .reason())
                    .as("not a verdict's reason")
                    .isEqualTo(EkycReason.VENDOR_DECLINED);
        }

        @Test
        void a_score_outside_zero_to_one_and_an_unprintable_reference_are_dropped() {
            VerificationResult result = read(200, "{\"result\":\"PASSED\",\"score\":97,\"reference\":\"a b\\u0000\"}");

            assertThat(result.passed()).isTrue();
            assertThat(result.score()).isEmpty();
            assertThat(result.vendorReference()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {"{\"result\":\"MAYBE\"}", "[\"PASSED\"]", "{}", "\"PASSED\""})
        void a_2xx_without_a_passed_or_failed_result_is_malformed(String json) {
            VerificationResult result = read(200, json);

            assertThat(result.status()).isEqualTo(VerificationStatus.UNAVAILABLE);
            assertThat(result.reason()).isEqualTo(EkycReason.VENDOR_MALFORMED_RESPONSE);
        }

        @Test
        void a_2xx_whose_body_did_not_parse_is_malformed() {
            assertThat(read(200, null).reason()).isEqualTo(EkycReason.VENDOR_MALFORMED_RESPONSE);
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @CsvSource({
            "401, unauthorized, UNAVAILABLE, VENDOR_AUTH_FAILED",
            "403, forbidden, UNAVAILABLE, VENDOR_AUTH_FAILED",
            "429, rate_limited, UNAVAILABLE, VENDOR_RATE_LIMITED",
            "500, sandbox_failure, UNAVAILABLE, VENDOR_ERROR",
            "503, , UNAVAILABLE, VENDOR_ERROR",
            "504, , TIMEOUT, VENDOR_TIMEOUT",
            "302, , UNAVAILABLE, VENDOR_ERROR",
            "400, image_invalid, INPUT_REJECTED, IMAGE_INVALID",
            "422, image_blurry, INPUT_REJECTED, IMAGE_BLURRY",
            "422, image_not_id, INPUT_REJECTED, IMAGE_NOT_ID",
            "422, face_not_found, INPUT_REJECTED, FACE_NOT_FOUND",
            "422, account_invalid, INPUT_REJECTED, ACCOUNT_INVALID",
            "413, image_too_large, INPUT_REJECTED, IMAGE_TOO_LARGE",
            "413, , INPUT_REJECTED, IMAGE_TOO_LARGE",
            "422, something_new, INPUT_REJECTED, INPUT_REJECTED",
            "404, transfer_not_found, FAILED, TRANSFER_NOT_FOUND",
            "404, not_found, UNAVAILABLE, VENDOR_REJECTED_REQUEST",
            "400, invalid_request, UNAVAILABLE, VENDOR_REJECTED_REQUEST",
            "409, id_forged, UNAVAILABLE, VENDOR_REJECTED_REQUEST"
        })
        void each_status_and_error_code_has_one_meaning(
                int status, String error, VerificationStatus outcome, EkycReason reason) {
            VerificationResult result = read(status, error == null ? "{}" : "{\"error\":\"" + error + "\"}");

            assertThat(result.status()).isEqualTo(outcome);
            assertThat(result.reason()).isEqualTo(reason);
        }

        @Test
        void no_answer_is_passed_on_as_it_came() {
            VerificationResult result = GatewayAnswers.read(
                    EkycOperation.FACE_MATCH,
                    new Exchange.NoAnswer(VerificationStatus.TIMEOUT, EkycReason.VENDOR_TIMEOUT, 2),
                    ELAPSED);

            assertThat(result.status()).isEqualTo(VerificationStatus.TIMEOUT);
            assertThat(result.reason()).isEqualTo(EkycReason.VENDOR_TIMEOUT);
        }
    }

    @Nested
    class PerOperation {

        @Test
        void ocr_that_passes_without_a_complete_document_is_malformed() {
            IdExtraction noBirthDate = OutcomeReaders.extraction(
                    answer(
                            200,
                            "{\"result\":\"PASSED\",\"document\":{\"type\":\"passport\",\"name\":\"X\","
                                    + "\"idNumber\":\"M1\"}}"),
                    ELAPSED);
            IdExtraction badIssueDate = OutcomeReaders.extraction(
                    answer(
                            200,
                            "{\"result\":\"PASSED\",\"document\":{\"type\":\"passport\",\"name\":\"X\","
                                    + "\"idNumber\":\"M1\",\"birthDate\":\"1990-01-01\",\"issueDate\":\"01/02/2020\"}}"),
                    ELAPSED);

            assertThat(noBirthDate.result().reason()).isEqualTo(EkycReason.VENDOR_MALFORMED_RESPONSE);
            assertThat(noBirthDate.fields()).isEmpty();
            assertThat(badIssueDate.result().reason()).isEqualTo(EkycReason.VENDOR_MALFORMED_RESPONSE);
        }

        @Test
        void a_face_pass_with_a_spoof_liveness_is_a_liveness_failure() {
            FaceMatch match = OutcomeReaders.face(
                    answer(200, "{\"result\":\"PASSED\",\"score\":0.9,\"liveness\":{\"result\":\"SPOOF\"}}"), ELAPSED);

            assertThat(match.result().status()).isEqualTo(VerificationStatus.FAILED);
            assertThat(match.result().reason()).isEqualTo(EkycReason.LIVENESS_FAILED);
            assertThat(match.liveness()).isEqualTo(Liveness.SPOOF);
        }

        @Test
        void a_face_pass_without_liveness_is_malformed() {
            FaceMatch match = OutcomeReaders.face(answer(200, "{\"result\":\"PASSED\",\"score\":0.9}"), ELAPSED);

            assertThat(match.result().reason()).isEqualTo(EkycReason.VENDOR_MALFORMED_RESPONSE);
        }

        @Test
        void a_transfer_id_that_could_not_go_into_a_path_is_malformed() {
            TransferStart start = OutcomeReaders.transfer(
                    answer(201, "{\"result\":\"PASSED\",\"transferId\":\"../admin\"}"), ELAPSED);

            assertThat(start.result().reason()).isEqualTo(EkycReason.VENDOR_MALFORMED_RESPONSE);
            assertThat(start.transferId()).isEmpty();
        }

        @Test
        void tries_left_are_read_only_when_a_whole_number_of_at_least_zero() {
            TransferConfirmation two = OutcomeReaders.confirmation(
                    answer(200, "{\"result\":\"FAILED\",\"reason\":\"code_mismatch\",\"attemptsLeft\":2}"), ELAPSED);
            TransferConfirmation odd = OutcomeReaders.confirmation(
                    answer(200, "{\"result\":\"FAILED\",\"reason\":\"code_mismatch\",\"attemptsLeft\":-1}"), ELAPSED);

            assertThat(two.attemptsLeft()).hasValue(2);
            assertThat(odd.attemptsLeft()).isEmpty();
        }
    }
}
