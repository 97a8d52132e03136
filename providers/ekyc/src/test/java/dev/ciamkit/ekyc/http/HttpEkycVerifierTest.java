package dev.ciamkit.ekyc.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.ekyc.metrics.EkycMetrics;
import dev.ciamkit.ekyc.sandbox.Behaviour;
import dev.ciamkit.ekyc.sandbox.EkycSandbox;
import dev.ciamkit.ekyc.sandbox.SandboxConfig;
import dev.ciamkit.ekyc.sandbox.SandboxOperation;
import dev.ciamkit.ekyc.sandbox.TestImages;
import dev.ciamkit.ekyc.spi.BankAccount;
import dev.ciamkit.ekyc.spi.EkycImage;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.FaceMatch;
import dev.ciamkit.ekyc.spi.FaceMatchRequest;
import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.spi.IdExtraction;
import dev.ciamkit.ekyc.spi.IdFields;
import dev.ciamkit.ekyc.spi.Liveness;
import dev.ciamkit.ekyc.spi.TransferCode;
import dev.ciamkit.ekyc.spi.TransferConfirmation;
import dev.ciamkit.ekyc.spi.TransferStart;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The http verifier against the real sandbox on an ephemeral loopback port: every method, verdict and failure. */
class HttpEkycVerifierTest {

    private static final String BANK = "004";
    private static final String ACCOUNT = "123-4567-8901-23";

    private EkycSandbox sandbox;
    private CloseableHttpClient client;
    private ScheduledExecutorService timer;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** The breakers' clock, moved by the tests: no sleeping through a cool-down. */
    private final AtomicLong breakerClock = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        sandbox = EkycSandbox.start(0);
        client = HttpClients.createDefault();
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() throws IOException {
        sandbox.close();
        client.close();
        timer.shutdownNow();
    }

    private HttpEkycVerifier verifierWithKey(String apiKey, String... options) {
        List<String> all =
                new ArrayList<>(List.of("base-url", sandbox.baseUrl(), "vendor", "sandbox", "backoff-ms", "10"));
        all.addAll(List.of(options));
        HttpEkycConfig config = HttpEkycConfig.read(MapScope.of(all.toArray(String[]::new)));
        return new HttpEkycVerifier(
                config,
                new GatewayTransport(client, timer, config, apiKey),
                new CircuitBreakers(config, breakerClock::get),
                new EkycMetrics(registry));
    }

    private HttpEkycVerifier verifier(String... options) {
        return verifierWithKey(sandbox.apiKey(), options);
    }

    private static EkycImage image(String file) {
        return new EkycImage(TestImages.bytes(file), TestImages.mediaType(file));
    }

    private static IdFields fields(HttpEkycVerifier verifier, String idImage) {
        return verifier.extractId(image(idImage)).fields().orElseThrow();
    }

    @Nested
    class EveryMethodPasses {

        @Test
        void ocr_reads_the_ids_fields() {
            IdExtraction extraction = verifier().extractId(image(TestImages.ID_HONG));

            assertThat(extraction.result().status()).isEqualTo(VerificationStatus.PASSED);
            assertThat(extraction.result().score()).hasValue(0.97);
            assertThat(extraction.result().vendorReference()).contains("sbx-ocr-000001");
            assertThat(extraction.fields())
                    .contains(new IdFields(
                            IdDocumentType.RESIDENT_CARD,
                            "홍길동",
                            LocalDate.of(1990, 1, 1),
                            "900101-1234567",
                            LocalDate.of(2020, 3, 15),
                            null));
        }

        @Test
        void the_authority_confirms_what_ocr_read_for_a_card_a_licence_and_a_passport() {
            HttpEkycVerifier verifier = verifier();

            for (String id : List.of(TestImages.ID_HONG_JPEG, TestImages.ID_LEE_LICENCE, TestImages.ID_PARK_PASSPORT)) {
                VerificationResult result = verifier.verifyId(fields(verifier, id));

                assertThat(result.status()).as(id).isEqualTo(VerificationStatus.PASSED);
                assertThat(result.reason()).isEqualTo(EkycReason.OK);
                assertThat(result.vendorReference())
                        .hasValueSatisfying(r -> assertThat(r).startsWith("sbx-verify-"));
            }
        }

        @Test
        void the_selfie_matches_the_id_and_is_live() {
            FaceMatch match = verifier()
                    .matchFace(new FaceMatchRequest(image(TestImages.SELFIE_HONG), image(TestImages.ID_HONG)));

            assertThat(match.result().status()).isEqualTo(VerificationStatus.PASSED);
            assertThat(match.result().score()).hasValue(0.95);
            assertThat(match.liveness()).isEqualTo(Liveness.LIVE);
            assertThat(match.livenessScore()).hasValue(0.97);
        }

        @Test
        void a_transfer_starts_and_the_memos_code_confirms_it() {
            HttpEkycVerifier verifier = verifier();

            TransferStart start = verifier.startTransfer(new BankAccount(BANK, ACCOUNT, "홍길동"));
            String id = start.transferId().orElseThrow();
            TransferConfirmation confirmation = verifier.confirmTransfer(
                    new TransferCode(id, sandbox.memoCode(id).orElseThrow()));

            assertThat(start.result().status()).isEqualTo(VerificationStatus.PASSED);
            assertThat(start.expiresAt()).isPresent();
            assertThat(confirmation.result().status()).isEqualTo(VerificationStatus.PASSED);
            assertThat(sandbox.memoCode(id)).contains(EkycSandbox.memoCode(BANK, ACCOUNT));
        }
    }

    @Nested
    class Verdicts {

        @Test
        void a_forged_revoked_or_expired_id_fails_authenticity_with_its_reason() {
            HttpEkycVerifier verifier = verifier();

            assertThat(verifier.verifyId(fields(verifier, TestImages.ID_FORGED)).reason())
                    .isEqualTo(EkycReason.ID_FORGED);
            assertThat(verifier.verifyId(fields(verifier, TestImages.ID_REVOKED))
                            .reason())
                    .isEqualTo(EkycReason.ID_REVOKED);
            VerificationResult expired = verifier.verifyId(fields(verifier, TestImages.ID_EXPIRED_PASSPORT));
            assertThat(expired.status()).isEqualTo(VerificationStatus.FAILED);
            assertThat(expired.reason()).isEqualTo(EkycReason.ID_EXPIRED);
        }

        @Test
        void a_genuine_id_with_an_altered_issue_date_is_forged() {
            HttpEkycVerifier verifier = verifier();
            IdFields read = fields(verifier, TestImages.ID_HONG);
            IdFields altered = new IdFields(
                    read.type(), read.name(), read.birthDate(), read.idNumber(), LocalDate.of(2021, 3, 15), null);

            assertThat(verifier.verifyId(altered).reason()).isEqualTo(EkycReason.ID_FORGED);
        }

        @Test
        void another_persons_selfie_is_a_mismatch_and_a_photo_of_a_photo_fails_liveness() {
            HttpEkycVerifier verifier = verifier();

            FaceMatch other =
                    verifier.matchFace(new FaceMatchRequest(image(TestImages.SELFIE_KIM), image(TestImages.ID_HONG)));
            FaceMatch spoof = verifier.matchFace(
                    new FaceMatchRequest(image(TestImages.SELFIE_HONG_SPOOF), image(TestImages.ID_HONG)));

            assertThat(other.result().status()).isEqualTo(VerificationStatus.FAILED);
            assertThat(other.result().reason()).isEqualTo(EkycReason.FACE_MISMATCH);
            assertThat(other.result().score()).hasValue(0.12);
            assertThat(spoof.result().reason()).isEqualTo(EkycReason.LIVENESS_FAILED);
            assertThat(spoof.liveness()).isEqualTo(Liveness.SPOOF);
        }

        @Test
        void a_wrong_code_fails_with_the_tries_left_and_the_third_uses_the_transfer_up() {
            HttpEkycVerifier verifier = verifier();
            String id = verifier.startTransfer(new BankAccount(BANK, ACCOUNT, null))
                    .transferId()
                    .orElseThrow();
            String wrong = sandbox.memoCode(id).orElseThrow().equals("0000") ? "0001" : "0000";

            TransferConfirmation first = verifier.confirmTransfer(new TransferCode(id, wrong));
            verifier.confirmTransfer(new TransferCode(id, wrong));
            TransferConfirmation third = verifier.confirmTransfer(new TransferCode(id, wrong));

            assertThat(first.result().status()).isEqualTo(VerificationStatus.FAILED);
            assertThat(first.result().reason()).isEqualTo(EkycReason.CODE_MISMATCH);
            assertThat(first.attemptsLeft()).hasValue(2);
            assertThat(third.result().reason()).isEqualTo(EkycReason.ATTEMPTS_EXHAUSTED);
            assertThat(third.attemptsLeft()).hasValue(0);
        }

        @Test
        void an_unknown_account_fails_and_an_unknown_transfer_is_not_found() {
            HttpEkycVerifier verifier = verifier();

            TransferStart start = verifier.startTransfer(new BankAccount(BANK, "110-000-009999", null));
            TransferConfirmation unknown = verifier.confirmTransfer(new TransferCode("tr_0000", "1234"));

            assertThat(start.result().reason()).isEqualTo(EkycReason.ACCOUNT_NOT_FOUND);
            assertThat(start.transferId()).isEmpty();
            assertThat(unknown.result().status()).isEqualTo(VerificationStatus.FAILED);
            assertThat(unknown.result().reason()).isEqualTo(EkycReason.TRANSFER_NOT_FOUND);
        }

        @Test
        void a_transfer_id_no_gateway_could_have_given_never_goes_into_a_path() {
            TransferConfirmation result = verifier().confirmTransfer(new TransferCode("../../sandbox/reset", "1"));

            assertThat(result.result().reason()).isEqualTo(EkycReason.TRANSFER_NOT_FOUND);
            assertThat(sandbox.requests(SandboxOperation.CONFIRM)).isZero();
        }
    }

    @Nested
    class InputTheVendorCannotUse {

        @Test
        void a_blurry_image_a_non_image_and_a_photo_without_an_id_are_rejected_with_their_reason() {
            HttpEkycVerifier verifier = verifier();

            assertThat(verifier.extractId(image(TestImages.ID_HONG_BLURRY)).result())
                    .extracting(VerificationResult::status, VerificationResult::reason)
                    .containsExactly(VerificationStatus.INPUT_REJECTED, EkycReason.IMAGE_BLURRY);
            assertThat(verifier.extractId(image(TestImages.NOT_AN_IMAGE))
                            .result()
                            .reason())
                    .isEqualTo(EkycReason.IMAGE_INVALID);
            assertThat(verifier.extractId(image(TestImages.PHOTO_NO_MARKER))
                            .result()
                            .reason())
                    .isEqualTo(EkycReason.IMAGE_NOT_ID);
            assertThat(verifier.matchFace(
                                    new FaceMatchRequest(image(TestImages.PHOTO_NO_MARKER), image(TestImages.ID_HONG)))
                            .result()
                            .reason())
                    .isEqualTo(EkycReason.FACE_NOT_FOUND);
            assertThat(verifier.startTransfer(new BankAccount("4", "12", null)).result())
                    .extracting(VerificationResult::status, VerificationResult::reason)
                    .containsExactly(VerificationStatus.INPUT_REJECTED, EkycReason.ACCOUNT_INVALID);
        }

        @Test
        void an_image_over_the_size_limit_is_rejected_without_a_call() {
            EkycImage large = new EkycImage(new byte[70_000], "image/png");

            IdExtraction extraction = verifier("max-image-bytes", "65536").extractId(large);

            assertThat(extraction.result().reason()).isEqualTo(EkycReason.IMAGE_TOO_LARGE);
            assertThat(sandbox.requests(SandboxOperation.OCR)).isZero();
        }
    }

    @Nested
    class VendorTrouble {

        @Test
        void a_sandbox_slower_than_the_read_timeout_is_a_timeout_within_about_the_timeout() {
            sandbox.configure(SandboxConfig.defaults().with(SandboxOperation.VERIFY, Behaviour.slow(5000)));
            // a deadline past the sandbox's latency: only the read timeout can end the call before its answer
            HttpEkycVerifier verifier = verifier("read-timeout-ms", "300", "deadline-ms", "10000", "retries", "0");
            IdFields hong = fields(verifier, TestImages.ID_HONG);

            VerificationResult result = verifier.verifyId(hong);

            assertThat(result.status()).isEqualTo(VerificationStatus.TIMEOUT);
            assertThat(result.reason()).isEqualTo(EkycReason.VENDOR_TIMEOUT);
            assertThat(result.elapsed())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(250))
                    .as("the timeout, not the sandbox's 5 s")
                    .isLessThan(Duration.ofMillis(4000));
        }

        @Test
        void a_5xx_is_retried_for_ocr_which_then_passes() {
            sandbox.configure(
                    SandboxConfig.defaults().with(SandboxOperation.OCR, new Behaviour(null, 0.5, 500, false)));

            IdExtraction extraction = verifier("retries", "1").extractId(image(TestImages.ID_HONG));

            assertThat(extraction.result().status()).isEqualTo(VerificationStatus.PASSED);
            assertThat(sandbox.requests(SandboxOperation.OCR))
                    .as("the 500, then the retry")
                    .isEqualTo(2);
        }

        @Test
        void a_5xx_is_never_retried_for_starting_or_confirming_a_transfer() {
            HttpEkycVerifier verifier = verifier("retries", "3");
            String id = verifier.startTransfer(new BankAccount(BANK, ACCOUNT, null))
                    .transferId()
                    .orElseThrow();
            sandbox.configure(SandboxConfig.defaults()
                    .with(SandboxOperation.TRANSFER, Behaviour.failing(500))
                    .with(SandboxOperation.CONFIRM, Behaviour.failing(503)));

            TransferStart start = verifier.startTransfer(new BankAccount(BANK, ACCOUNT, null));
            TransferConfirmation confirmation = verifier.confirmTransfer(
                    new TransferCode(id, sandbox.memoCode(id).orElseThrow()));

            assertThat(start.result().status()).isEqualTo(VerificationStatus.UNAVAILABLE);
            assertThat(start.result().reason()).isEqualTo(EkycReason.VENDOR_ERROR);
            assertThat(confirmation.result().reason()).isEqualTo(EkycReason.VENDOR_ERROR);
            assertThat(sandbox.requests(SandboxOperation.TRANSFER))
                    .as("the first start, then one")
                    .isEqualTo(2);
            assertThat(sandbox.requests(SandboxOperation.CONFIRM)).isEqualTo(1);
        }

        @Test
        void a_malformed_answer_is_a_handled_failure_and_not_retried() {
            sandbox.configure(SandboxConfig.defaults().with(SandboxOperation.FACE, Behaviour.malformedAnswers()));

            FaceMatch match = verifier("retries", "2")
                    .matchFace(new FaceMatchRequest(image(TestImages.SELFIE_HONG), image(TestImages.ID_HONG)));

            assertThat(match.result().status()).isEqualTo(VerificationStatus.UNAVAILABLE);
            assertThat(match.result().reason()).isEqualTo(EkycReason.VENDOR_MALFORMED_RESPONSE);
            assertThat(match.liveness()).isEqualTo(Liveness.UNKNOWN);
            assertThat(sandbox.requests(SandboxOperation.FACE)).isEqualTo(1);
        }

        @Test
        void a_wrong_api_key_is_an_auth_failure() {
            VerificationResult result = verifierWithKey("not-the-key")
                    .verifyId(new IdFields(
                            IdDocumentType.PASSPORT, "박민수", LocalDate.of(1988, 8, 8), "M12345678", null, null));

            assertThat(result.status()).isEqualTo(VerificationStatus.UNAVAILABLE);
            assertThat(result.reason()).isEqualTo(EkycReason.VENDOR_AUTH_FAILED);
        }

        @Test
        void a_gateway_that_is_gone_is_unreachable_for_every_method() {
            HttpEkycVerifier verifier = verifier();
            sandbox.stop();

            assertThat(verifier.extractId(image(TestImages.ID_HONG)).result().reason())
                    .isEqualTo(EkycReason.VENDOR_UNREACHABLE);
            assertThat(verifier.startTransfer(new BankAccount(BANK, ACCOUNT, null))
                            .result()
                            .reason())
                    .isEqualTo(EkycReason.VENDOR_UNREACHABLE);
            assertThat(verifier.confirmTransfer(new TransferCode("tr_1", "1"))
                            .result()
                            .status())
                    .isEqualTo(VerificationStatus.UNAVAILABLE);
        }
    }

    @Nested
    class CircuitBreakerPerMethod {

        @Test
        void a_failing_method_opens_and_fails_fast_while_the_others_still_work_then_recovers() {
            sandbox.configure(SandboxConfig.defaults().with(SandboxOperation.OCR, Behaviour.failing(503)));
            HttpEkycVerifier verifier =
                    verifier("retries", "0", "breaker-failures", "2", "breaker-cool-down-ms", "1000");

            verifier.extractId(image(TestImages.ID_HONG));
            verifier.extractId(image(TestImages.ID_HONG));
            IdExtraction fastFail = verifier.extractId(image(TestImages.ID_HONG));

            assertThat(fastFail.result().status()).isEqualTo(VerificationStatus.UNAVAILABLE);
            assertThat(fastFail.result().reason()).isEqualTo(EkycReason.CIRCUIT_OPEN);
            assertThat(sandbox.requests(SandboxOperation.OCR))
                    .as("the open breaker called nobody")
                    .isEqualTo(2);
            assertThat(verifier.matchFace(
                                    new FaceMatchRequest(image(TestImages.SELFIE_HONG), image(TestImages.ID_HONG)))
                            .result()
                            .status())
                    .isEqualTo(VerificationStatus.PASSED);

            sandbox.configure(SandboxConfig.defaults());
            breakerClock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));

            assertThat(verifier.extractId(image(TestImages.ID_HONG)).result().status())
                    .isEqualTo(VerificationStatus.PASSED);
            assertThat(verifier.extractId(image(TestImages.ID_HONG)).result().status())
                    .as("closed again")
                    .isEqualTo(VerificationStatus.PASSED);
        }

        @Test
        void verdicts_and_rejected_input_never_open_it() {
            HttpEkycVerifier verifier = verifier("breaker-failures", "1");

            verifier.extractId(image(TestImages.ID_HONG_BLURRY));
            verifier.verifyId(fields(verifier, TestImages.ID_FORGED));

            assertThat(verifier.extractId(image(TestImages.ID_HONG)).result().status())
                    .isEqualTo(VerificationStatus.PASSED);
            assertThat(verifier.verifyId(fields(verifier, TestImages.ID_HONG)).status())
                    .isEqualTo(VerificationStatus.PASSED);
        }

        @Test
        void timeouts_open_it_too() {
            sandbox.configure(SandboxConfig.defaults().with(SandboxOperation.FACE, Behaviour.slow(5000)));
            HttpEkycVerifier verifier = verifier("read-timeout-ms", "200", "retries", "0", "breaker-failures", "1");
            FaceMatchRequest request = new FaceMatchRequest(image(TestImages.SELFIE_HONG), image(TestImages.ID_HONG));

            assertThat(verifier.matchFace(request).result().reason()).isEqualTo(EkycReason.VENDOR_TIMEOUT);
            assertThat(verifier.matchFace(request).result().reason()).isEqualTo(EkycReason.CIRCUIT_OPEN);
        }
    }

    @Nested
    class Metrics {

        @Test
        void each_call_is_timed_by_method_vendor_and_outcome_circuit_open_included() {
            IdFields forged = fields(verifierWithKey(sandbox.apiKey(), "vendor", "other"), TestImages.ID_FORGED);
            sandbox.configure(SandboxConfig.defaults().with(SandboxOperation.OCR, Behaviour.failing(500)));
            HttpEkycVerifier verifier = verifier("retries", "0", "breaker-failures", "1");

            verifier.extractId(image(TestImages.ID_HONG));
            verifier.extractId(image(TestImages.ID_HONG));
            verifier.verifyId(forged);

            assertThat(registry.get(EkycMetrics.CALL)
                            .tags("method", "id_ocr", "vendor", "sandbox", "outcome", "unavailable")
                            .timer()
                            .count())
                    .isEqualTo(2);
            assertThat(registry.get(EkycMetrics.CALL)
                            .tags("method", "id_authenticity", "vendor", "sandbox", "outcome", "failed")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get(EkycMetrics.CALL)
                            .tags("method", "id_ocr", "vendor", "other", "outcome", "passed")
                            .timer()
                            .count())
                    .isEqualTo(1);
        }
    }
}
