package dev.ciamkit.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciamkit.common.ratelimit.SlotLimiter.Limit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class SlotLimiterTest {

    /** Keycloak's single-use store in memory, with lifespans on a clock the test moves. */
    static final class FakeStore implements SingleUseObjectProvider {
        long now;
        final Map<String, Long> expiries = new HashMap<>();

        @Override
        public boolean putIfAbsent(String key, long lifespanSeconds) {
            if (contains(key)) {
                return false;
            }
            expiries.put(key, now + lifespanSeconds);
            return true;
        }

        @Override
        public boolean contains(String key) {
            Long expiry = expiries.get(key);
            return expiry != null && expiry > now;
        }

        @Override
        public Map<String, String> remove(String key) {
            return expiries.remove(key) == null ? null : Map.of();
        }

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            expiries.put(key, now + lifespanSeconds);
        }

        @Override
        public Map<String, String> get(String key) {
            return contains(key) ? Map.of() : null;
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            return contains(key);
        }

        @Override
        public void close() {}
    }

    private final FakeStore store = new FakeStore();
    private final SlotLimiter limiter = new SlotLimiter(store);

    @Nested
    class One_limit {

        private final List<Limit> perUser = List.of(new Limit("user", "sms:user:u1", 3, 60));

        @Test
        void allows_max_per_window_then_refuses() {
            for (int i = 0; i < 3; i++) {
                assertThat(limiter.tryAcquire(perUser).allowed()).isTrue();
            }
            SlotLimiter.Decision refused = limiter.tryAcquire(perUser);
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.refusedBy()).isEqualTo("user");
        }

        @Test
        void a_slot_comes_back_a_window_after_it_was_taken() {
            limiter.tryAcquire(perUser);
            store.now = 30;
            limiter.tryAcquire(perUser);
            limiter.tryAcquire(perUser);
            assertThat(limiter.tryAcquire(perUser).allowed()).isFalse();

            store.now = 60;
            assertThat(limiter.tryAcquire(perUser).allowed()).isTrue();
            assertThat(limiter.tryAcquire(perUser).allowed()).isFalse();
        }

        @Test
        void occupied_counts_the_acquisitions_of_the_last_window_and_saturates_at_max() {
            assertThat(limiter.occupied(perUser.get(0))).isZero();
            limiter.tryAcquire(perUser);
            store.now = 30;
            limiter.tryAcquire(perUser);
            assertThat(limiter.occupied(perUser.get(0))).isEqualTo(2);

            store.now = 60;
            assertThat(limiter.occupied(perUser.get(0)))
                    .as("the first slot expired")
                    .isEqualTo(1);
            limiter.tryAcquire(perUser);
            limiter.tryAcquire(perUser);
            limiter.tryAcquire(perUser);
            assertThat(limiter.occupied(perUser.get(0))).isEqualTo(3);
        }

        @Test
        void keys_are_independent_and_carry_our_prefix() {
            for (int i = 0; i < 3; i++) {
                limiter.tryAcquire(perUser);
            }
            assertThat(limiter.tryAcquire(List.of(new Limit("user", "sms:user:u2", 3, 60)))
                            .allowed())
                    .isTrue();
            assertThat(store.expiries.keySet())
                    .allSatisfy(key -> assertThat(key).startsWith("ciamkit:"));
        }
    }

    @Nested
    class Several_limits {

        @Test
        void a_refusal_by_a_later_limit_gives_back_the_earlier_slots() {
            Limit cooldown = new Limit("cooldown", "sms:cooldown:u1", 1, 60);
            Limit address = new Limit("address", "sms:addr:a1", 1, 3600);
            limiter.tryAcquire(List.of(new Limit("other", "sms:cooldown:u2", 1, 60), address));

            assertThat(limiter.tryAcquire(List.of(cooldown, address)).refusedBy())
                    .isEqualTo("address");

            assertThat(limiter.tryAcquire(List.of(cooldown)).allowed()).isTrue();
        }

        @Test
        void released_slots_come_back_at_once_and_the_others_stay_taken() {
            Limit cooldown = new Limit("cooldown", "c", 1, 60);
            Limit address = new Limit("address", "a", 1, 3600);
            SlotLimiter.Decision granted = limiter.tryAcquire(List.of(cooldown, address));

            limiter.release(granted, List.of("cooldown"));

            assertThat(limiter.tryAcquire(List.of(cooldown)).allowed()).isTrue();
            assertThat(limiter.tryAcquire(List.of(address)).refusedBy()).isEqualTo("address");
        }

        @Test
        void cooldown_refuses_a_second_send_until_it_expires() {
            List<Limit> limits = List.of(new Limit("cooldown", "c", 1, 60), new Limit("user", "u", 5, 3600));
            assertThat(limiter.tryAcquire(limits).allowed()).isTrue();
            assertThat(limiter.tryAcquire(limits).refusedBy()).isEqualTo("cooldown");
            store.now = 60;
            assertThat(limiter.tryAcquire(limits).allowed()).isTrue();
        }
    }

    @Test
    void a_limit_needs_positive_max_and_window() {
        assertThatThrownBy(() -> new Limit("x", "k", 0, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit("x", "k", 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
