package dev.ciamkit.ekyc.step;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MaskedIdTest {

    @Nested
    class ResidentNumbers {
        @Test
        void keep_the_birth_date_and_the_digit_after_the_hyphen() {
            assertThat(MaskedId.of("900101-1234567")).isEqualTo("900101-1******");
        }

        @Test
        void without_a_hyphen_are_shown_with_one() {
            assertThat(MaskedId.of("9001011234567")).isEqualTo("900101-1******");
        }

        @Test
        void surrounding_spaces_are_ignored() {
            assertThat(MaskedId.of(" 900101-1234567 ")).isEqualTo("900101-1******");
        }

        @Test
        void a_digit_too_many_or_too_few_is_not_read_as_one() {
            assertThat(MaskedId.of("900101-12345678")).isEqualTo("90" + "*".repeat(13));
            assertThat(MaskedId.of("900101-123456")).isEqualTo("90" + "*".repeat(11));
        }
    }

    @Nested
    class OtherNumbers {
        @Test
        void a_licence_keeps_its_first_two_characters() {
            assertThat(MaskedId.of("11-92-123456-70")).isEqualTo("11*************");
        }

        @Test
        void a_passport_keeps_its_first_two_characters() {
            assertThat(MaskedId.of("M12345678")).isEqualTo("M1*******");
        }

        @Test
        void the_mask_is_as_long_as_the_number() {
            assertThat(MaskedId.of("M12345678")).hasSize("M12345678".length());
        }
    }

    @Nested
    class ShortValues {
        @Test
        void two_characters_or_fewer_are_shown_as_they_are() {
            assertThat(MaskedId.of("AB")).isEqualTo("AB");
            assertThat(MaskedId.of("A")).isEqualTo("A");
        }

        @Test
        void an_empty_value_stays_empty() {
            assertThat(MaskedId.of("")).isEmpty();
            assertThat(MaskedId.of("   ")).isEmpty();
        }

        @Test
        void three_characters_hide_the_last() {
            assertThat(MaskedId.of("ABC")).isEqualTo("AB*");
        }
    }
}
