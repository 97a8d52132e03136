package dev.ciamkit.otp.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciamkit.otp.pin.PinPolicy.Verdict;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PinPolicyTest {

    private static final PinPolicy SIX = new PinPolicy(6, Set.of("135790"));
    private static final PinPolicy FOUR = new PinPolicy(4, Set.of());

    @Test
    void accepts_a_pin_with_no_pattern() {
        assertThat(SIX.check("283915", null)).isEqualTo(Verdict.ACCEPTED);
        assertThat(FOUR.check("2839", "1990-05-12")).isEqualTo(Verdict.ACCEPTED);
    }

    @Nested
    class Shape {

        @ParameterizedTest
        @ValueSource(strings = {"28391a", "28 391", "-28391", "٢٨٣٩١٥"})
        void refuses_anything_but_ascii_digits(String pin) {
            assertThat(SIX.check(pin, null)).isEqualTo(Verdict.NOT_DIGITS);
        }

        @Test
        void refuses_nothing_typed() {
            assertThat(SIX.check(null, null)).isEqualTo(Verdict.NOT_DIGITS);
            assertThat(SIX.check(PinPolicy.typed("   "), null)).isEqualTo(Verdict.NOT_DIGITS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"28391", "2839150", "2839"})
        void refuses_another_length_than_configured(String pin) {
            assertThat(SIX.check(pin, null)).isEqualTo(Verdict.WRONG_LENGTH);
        }

        @Test
        void reads_full_width_digits_and_spaces_as_the_ascii_pin() {
            String typed = PinPolicy.typed("２８３\u3000９１５");
            assertThat(typed).isEqualTo("283915");
            assertThat(SIX.check(typed, null)).isEqualTo(Verdict.ACCEPTED);
        }

        @Test
        void only_lengths_from_four_to_eight_are_a_policy() {
            assertThatThrownBy(() -> new PinPolicy(3, Set.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PinPolicy(9, Set.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Patterns {

        @ParameterizedTest
        @ValueSource(strings = {"123456", "987654", "456789", "789012", "210987", "012345"})
        void refuses_runs_up_and_down(String pin) {
            assertThat(SIX.check(pin, null)).isEqualTo(Verdict.RUN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234", "4321", "7890", "0987"})
        void refuses_four_digit_runs(String pin) {
            assertThat(FOUR.check(pin, null)).isEqualTo(Verdict.RUN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1111", "0000", "1212", "2020"})
        void refuses_four_digit_repeats(String pin) {
            assertThat(FOUR.check(pin, null)).isEqualTo(Verdict.REPEAT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"000000", "999999", "121212", "123123", "454545"})
        void refuses_six_digit_repeats(String pin) {
            assertThat(SIX.check(pin, null)).isEqualTo(Verdict.REPEAT);
        }

        @Test
        void an_odd_length_repeat_is_a_repeat() {
            assertThat(new PinPolicy(5, Set.of()).check("12121", null)).isEqualTo(Verdict.REPEAT);
        }

        @Test
        void refuses_what_the_blocklist_holds() {
            assertThat(SIX.check("135790", null)).isEqualTo(Verdict.BLOCKLISTED);
        }
    }

    @Nested
    class BirthDate {

        @ParameterizedTest
        @CsvSource({
            "6, 900512", // YYMMDD
            "6, 120590", // DDMMYY
            "6, 051290", // MMDDYY
            "4, 0512", // MMDD
            "4, 1205", // DDMM
            "4, 1990", // YYYY
            "8, 19900512", // YYYYMMDD
            "8, 12051990" // DDMMYYYY
        })
        void refuses_the_birth_date_in_every_form_that_fits(int length, String pin) {
            assertThat(new PinPolicy(length, Set.of()).check(pin, "1990-05-12")).isEqualTo(Verdict.BIRTH_DATE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1990-05-12", "19900512", "1990/05/12", "1990.05.12", " 1990-05-12 "})
        void reads_the_usual_ways_a_profile_holds_it(String birthDate) {
            assertThat(SIX.check("900512", birthDate)).isEqualTo(Verdict.BIRTH_DATE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "unknown", "1990-5-12", "12.05.1990x"})
        void a_birth_date_it_cannot_read_refuses_nothing(String birthDate) {
            assertThat(SIX.check("900512", birthDate)).isEqualTo(Verdict.ACCEPTED);
        }
    }

    @Nested
    class Blocklist {

        @TempDir
        Path dir;

        @Test
        void reads_one_pin_per_line_skipping_comments_blanks_and_non_digits() throws Exception {
            Path file = dir.resolve("blocklist.txt");
            Files.writeString(file, "# common PINs\n\n 135790 \n2468\nabc123\n112358\n");
            assertThat(PinBlocklist.load(file)).containsExactlyInAnyOrder("135790", "2468", "112358");
        }

        @Test
        void a_missing_file_is_an_error_not_an_empty_list() {
            assertThatThrownBy(() -> PinBlocklist.load(dir.resolve("missing.txt")))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("missing.txt");
        }
    }

    @Test
    void every_refusal_has_a_message_key() {
        for (Verdict verdict : Verdict.values()) {
            assertThat(verdict.message() == null).isEqualTo(verdict == Verdict.ACCEPTED);
        }
    }
}
