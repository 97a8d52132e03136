package dev.ciamkit.ekyc.vault.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AttemptCounterTest {

    private final EntityManager em = mock(EntityManager.class);
    private final Query update = mock(Query.class, RETURNS_SELF);

    @SuppressWarnings("unchecked")
    private final TypedQuery<Integer> count = mock(TypedQuery.class, RETURNS_SELF);

    AttemptCounterTest() {
        given(em.createQuery(anyString())).willReturn(update);
        given(em.createQuery(anyString(), eq(Integer.class))).willReturn(count);
    }

    @Test
    void the_first_attempt_of_a_day_inserts_a_row_of_one() {
        given(update.executeUpdate()).willReturn(0);

        assertThat(AttemptCounter.once(em, "r", "u", 20_000)).isEqualTo(1);
        verify(em).persist(any(EkycAttemptEntity.class));
        verify(em).flush();
    }

    @Test
    void a_later_attempt_increments_in_the_database_and_reads_its_count() {
        given(update.executeUpdate()).willReturn(1);
        given(count.getSingleResult()).willReturn(4);

        assertThat(AttemptCounter.once(em, "r", "u", 20_000)).isEqualTo(4);
        verify(em, never()).persist(any());
    }

    @Test
    void an_insert_that_lost_the_race_is_tried_again_in_a_new_transaction() {
        AtomicInteger tries = new AtomicInteger();
        AttemptCounter counter = new AttemptCounter(work -> {
            if (tries.incrementAndGet() == 1) {
                throw new EntityExistsException("duplicate key");
            }
            return 2;
        });

        assertThat(counter.increment("r", "u", 20_000)).isEqualTo(2);
        assertThat(tries).hasValue(2);
    }

    @Test
    void it_gives_up_after_three_tries_without_naming_the_user() {
        AttemptCounter counter = new AttemptCounter(work -> {
            throw new IllegalStateException("database down");
        });

        assertThatThrownBy(() -> counter.increment("r", "user-secret", 20_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("user-secret");
    }
}
