package dev.ciamkit.ekyc.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class RetentionTest {

    @Nested
    class Periods {
        private final RealmModel realm = mock(RealmModel.class);

        @Test
        void a_realm_without_attributes_keeps_images_30_days_and_records_5_years() {
            assertThat(RetentionPeriods.of(realm)).isEqualTo(new RetentionPeriods(2_592_000, 157_680_000));
        }

        @Test
        void periods_read_from_the_realm_in_seconds() {
            given(realm.getAttribute(RetentionPeriods.IMAGES_ATTRIBUTE)).willReturn("5");
            given(realm.getAttribute(RetentionPeriods.RECORDS_ATTRIBUTE)).willReturn(" 10 ");

            assertThat(RetentionPeriods.of(realm)).isEqualTo(new RetentionPeriods(5, 10));
        }

        @Test
        void an_unreadable_or_out_of_range_attribute_reads_as_its_default() {
            given(realm.getAttribute(RetentionPeriods.IMAGES_ATTRIBUTE)).willReturn("soon");
            given(realm.getAttribute(RetentionPeriods.RECORDS_ATTRIBUTE)).willReturn("0");

            assertThat(RetentionPeriods.of(realm)).isEqualTo(RetentionPeriods.DEFAULT);
        }

        @Test
        void zero_negative_or_centuries_are_refused_with_a_reason() {
            assertThat(new RetentionPeriods(0, 10).problem())
                    .hasValueSatisfying(p -> assertThat(p).contains("imagesSeconds"));
            assertThat(new RetentionPeriods(10, -1).problem())
                    .hasValueSatisfying(p -> assertThat(p).contains("recordsSeconds"));
            assertThat(new RetentionPeriods(1, RetentionPeriods.MAX_SECONDS + 1).problem())
                    .isPresent();
            assertThat(new RetentionPeriods(1, 1).problem()).isEmpty();
        }

        @Test
        void stored_periods_go_to_the_realm_attributes() {
            new RetentionPeriods(7, 9).store(realm);

            verify(realm).setAttribute("ciamkit.ekyc.retention.images-seconds", "7");
            verify(realm).setAttribute("ciamkit.ekyc.retention.records-seconds", "9");
        }
    }

    @Nested
    class Cutoffs {
        private final RetentionCutoffs at = RetentionCutoffs.at(100_000, new RetentionPeriods(10, 50));

        @Test
        void an_image_goes_once_older_than_the_image_period() {
            assertThat(at.imagesBefore()).isEqualTo(90_000);
            assertThat(at.imageExpired(89_999)).isTrue();
            assertThat(at.imageExpired(90_000)).isFalse();
        }

        @Test
        void a_record_goes_only_when_past_both_its_retention_and_its_validity() {
            assertThat(at.recordExpired(49_999, 100_000)).isTrue();
            assertThat(at.recordExpired(49_999, 100_001)).isFalse(); // still valid
            assertThat(at.recordExpired(50_000, 0)).isFalse(); // not old enough
        }
    }
}
