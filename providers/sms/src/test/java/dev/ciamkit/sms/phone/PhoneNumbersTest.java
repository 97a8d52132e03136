package dev.ciamkit.sms.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @Nested
    class Normalizing {

        @ParameterizedTest
        @CsvSource({
            "010-1234-5678, KR, +821012345678",
            "01012345678, KR, +821012345678",
            "+82 10 1234 5678, KR, +821012345678",
            "+82 10 1234 5678, JP, +821012345678",
            "090-1234-5678, JP, +819012345678",
            "'  010 1234 5678 ', KR, +821012345678",
            "０１０-１２３４-５６７８, KR, +821012345678",
        })
        void reads_mobile_numbers_in_national_or_international_form(String typed, String region, String e164) {
            assertThat(PhoneNumbers.toE164(typed, region)).contains(e164);
        }

        @Test
        void uses_korea_when_no_region_is_configured() {
            assertThat(PhoneNumbers.toE164("010-1234-5678", null)).contains("+821012345678");
            assertThat(PhoneNumbers.toE164("010-1234-5678", " kr ")).contains("+821012345678");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "   ",
                    "abc",
                    "12",
                    "02-123-4567",
                    "1588-1234",
                    "010-1234",
                    "+82 10 1234 5678 9999 99",
                    "<script>",
                    "0101234567801012345678010123456780101234567801012345678"
                })
        void refuses_what_cannot_receive_sms(String typed) {
            assertThat(PhoneNumbers.toE164(typed, "KR")).isEmpty();
        }

        @Test
        void refuses_null() {
            assertThat(PhoneNumbers.toE164(null, "KR")).isEmpty();
        }
    }

    @Nested
    class Masking {

        @Test
        void shows_a_home_number_in_national_form_with_the_middle_hidden() {
            assertThat(PhoneNumbers.masked("+821012345678", "KR")).isEqualTo("010-****-5678");
            assertThat(PhoneNumbers.masked("+819012345678", "JP")).isEqualTo("090-****-5678");
        }

        @Test
        void keeps_the_country_code_of_a_number_from_abroad() {
            assertThat(PhoneNumbers.masked("+819012345678", "KR")).isEqualTo("+81 90-****-5678");
        }

        @Test
        void hides_everything_of_a_value_that_is_no_number() {
            assertThat(PhoneNumbers.masked("not a number", "KR")).isEqualTo("****");
        }
    }
}
