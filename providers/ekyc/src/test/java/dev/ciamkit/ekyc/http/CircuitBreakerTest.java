package dev.ciamkit.ekyc.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CircuitBreaker breaker = new CircuitBreaker("sandbox id_ocr", 3, 1000, now::get);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.record(true);
        }
    }

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Nested
    class Closed {

        @Test
        void stays_closed_below_the_threshold() {
            fail(2);

            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.tryAcquire()).isTrue();
        }

        @Test
        void a_success_resets_the_count_so_only_consecutive_failures_open_it() {
            fail(2);
            breaker.record(false);
            fail(2);

            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        }

        @Test
        void opens_at_the_threshold_and_refuses_calls() {
            fail(3);

            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(breaker.tryAcquire()).isFalse();
        }
    }

    @Nested
    class Open {

        @Test
        void refuses_until_the_cool_down_has_passed_then_lets_one_trial_through() {
            fail(3);
            advanceMillis(999);
            assertThat(breaker.tryAcquire()).isFalse();

            advanceMillis(1);

            assertThat(breaker.tryAcquire()).isTrue();
            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
            assertThat(breaker.tryAcquire())
                    .as("a second call while the trial runs")
                    .isFalse();
        }

        @Test
        void a_successful_trial_closes_it() {
            fail(3);
            advanceMillis(1000);
            breaker.tryAcquire();

            breaker.record(false);

            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.tryAcquire()).isTrue();
        }

        @Test
        void a_failed_trial_opens_it_for_another_cool_down() {
            fail(3);
            advanceMillis(1000);
            breaker.tryAcquire();

            breaker.record(true);

            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
            advanceMillis(999);
            assertThat(breaker.tryAcquire()).isFalse();
            advanceMillis(1);
            assertThat(breaker.tryAcquire()).isTrue();
        }

        @Test
        void a_trial_that_never_reports_back_is_given_up_after_a_cool_down() {
            fail(3);
            advanceMillis(1000);
            breaker.tryAcquire();

            advanceMillis(1000);

            assertThat(breaker.tryAcquire()).isTrue();
        }
    }
}
