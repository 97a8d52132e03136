package dev.ciamkit.ekyc.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.ekyc.spi.EkycOperation;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Timing bounds here are generous on purpose (the project's rule: no timing assertion that can flake): a slow call
 * sleeps 10 s and the test only asks that the answer comes well before that.
 */
class EkycOrchestratorTest {

    private static final Duration SLOW = Duration.ofSeconds(10);

    private final EkycOrchestrator orchestrator = new EkycOrchestrator(4);

    @AfterEach
    void close() {
        orchestrator.close();
    }

    private static VerificationResult passed(EkycOperation operation) {
        return VerificationResult.without(operation, VerificationStatus.PASSED, EkycReason.OK, Duration.ZERO);
    }

    private VerificationResult run(Supplier<VerificationResult> call, Duration budget) {
        return orchestrator.run(EkycOperation.ID_OCR, call, r -> r, budget);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Nested
    class WithinBudget {
        @Test
        void a_call_that_answers_returns_its_result() {
            VerificationResult answer = passed(EkycOperation.ID_OCR);

            assertThat(run(() -> answer, Duration.ofSeconds(5))).isSameAs(answer);
        }

        @Test
        void two_calls_under_one_deadline_run_together() {
            // each call waits for the other to have started: run one after the other, both would time out
            CyclicBarrier both = new CyclicBarrier(2);
            Supplier<VerificationResult> meetThenAnswer = () -> {
                try {
                    both.await(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return passed(EkycOperation.ID_AUTHENTICITY);
            };
            long deadline = EkycOrchestrator.deadline(Duration.ofSeconds(8));

            var first = orchestrator.submit(EkycOperation.ID_AUTHENTICITY, meetThenAnswer, r -> r);
            var second = orchestrator.submit(EkycOperation.FACE_MATCH, meetThenAnswer, r -> r);

            assertThat(first.await(deadline).status()).isEqualTo(VerificationStatus.PASSED);
            assertThat(second.await(deadline).status()).isEqualTo(VerificationStatus.PASSED);
        }

        @Test
        void two_calls_under_one_deadline_take_the_slower_ones_time_not_the_sum() {
            Duration each = Duration.ofMillis(2000);
            long started = System.nanoTime();
            long deadline = EkycOrchestrator.deadline(Duration.ofSeconds(15));

            var first = orchestrator.submit(
                    EkycOperation.ID_AUTHENTICITY,
                    () -> {
                        sleep(each);
                        return passed(EkycOperation.ID_AUTHENTICITY);
                    },
                    r -> r);
            var second = orchestrator.submit(
                    EkycOperation.FACE_MATCH,
                    () -> {
                        sleep(each);
                        return passed(EkycOperation.FACE_MATCH);
                    },
                    r -> r);
            first.await(deadline);
            second.await(deadline);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(each.multipliedBy(2));
        }
    }

    @Nested
    class TooSlow {
        @Test
        void a_slow_call_times_out_near_the_budget_and_is_interrupted() throws Exception {
            CountDownLatch interrupted = new CountDownLatch(1);
            long started = System.nanoTime();

            VerificationResult result = run(
                    () -> {
                        try {
                            Thread.sleep(SLOW.toMillis());
                        } catch (InterruptedException e) {
                            interrupted.countDown();
                        }
                        return passed(EkycOperation.ID_OCR);
                    },
                    Duration.ofMillis(300));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SLOW.dividedBy(2));
            assertThat(result.status()).isEqualTo(VerificationStatus.TIMEOUT);
            assertThat(result.reason()).isEqualTo(EkycReason.VENDOR_TIMEOUT);
            assertThat(result.operation()).isEqualTo(EkycOperation.ID_OCR);
            assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            assertThat(interrupted.await(5, TimeUnit.SECONDS))
                    .as("the call was interrupted")
                    .isTrue();
        }

        @Test
        void a_waiter_that_is_interrupted_reads_a_timeout_and_keeps_its_interrupt() {
            CountDownLatch never = new CountDownLatch(1);
            Thread.currentThread().interrupt();
            try {
                VerificationResult result = run(
                        () -> {
                            try {
                                never.await(SLOW.toMillis(), TimeUnit.MILLISECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return passed(EkycOperation.ID_OCR);
                        },
                        Duration.ofSeconds(5));

                assertThat(result.status()).isEqualTo(VerificationStatus.TIMEOUT);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Nested
    class NoAnswer {
        @Test
        void a_throwing_call_is_a_vendor_error() {
            VerificationResult result = run(
                    () -> {
                        throw new IllegalStateException("the verifier broke its contract");
                    },
                    Duration.ofSeconds(5));

            assertThat(result.status()).isEqualTo(VerificationStatus.UNAVAILABLE);
            assertThat(result.reason()).isEqualTo(EkycReason.VENDOR_ERROR);
        }

        @Test
        void a_full_pool_is_unavailable() {
            CountDownLatch release = new CountDownLatch(1);
            try (EkycOrchestrator one = new EkycOrchestrator(1)) {
                one.submit(
                        EkycOperation.ID_OCR,
                        () -> {
                            try {
                                release.await(SLOW.toMillis(), TimeUnit.MILLISECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return passed(EkycOperation.ID_OCR);
                        },
                        r -> r);
                long started = System.nanoTime();

                VerificationResult result =
                        one.run(EkycOperation.FACE_MATCH, () -> passed(EkycOperation.FACE_MATCH), r -> r, SLOW);

                assertThat(result.status()).isEqualTo(VerificationStatus.UNAVAILABLE);
                assertThat(result.reason()).isEqualTo(EkycReason.VENDOR_UNREACHABLE);
                assertThat(result.operation()).isEqualTo(EkycOperation.FACE_MATCH);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SLOW.dividedBy(2));
            } finally {
                release.countDown();
            }
        }

        @Test
        void after_close_a_call_is_unavailable() {
            orchestrator.close();

            VerificationResult result = run(() -> passed(EkycOperation.ID_OCR), Duration.ofSeconds(5));

            assertThat(result.status()).isEqualTo(VerificationStatus.UNAVAILABLE);
            assertThat(result.reason()).isEqualTo(EkycReason.VENDOR_UNREACHABLE);
        }

        @Test
        void the_failed_function_turns_the_result_into_the_calls_type() {
            String answer = orchestrator.run(
                    EkycOperation.TRANSFER_START,
                    () -> {
                        throw new IllegalStateException();
                    },
                    r -> "failed: " + r.reason().code(),
                    Duration.ofSeconds(5));

            assertThat(answer).isEqualTo("failed: vendor_error");
        }
    }
}
