package dev.ciamkit.sms.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsCodesTest {

    private final SmsCodes codes = new SmsCodes(new SecureRandom());

    @ParameterizedTest
    @ValueSource(ints = {6, 7, 8})
    void makes_codes_of_the_configured_length_in_digits_only(int digits) {
        for (int i = 0; i < 200; i++) {
            assertThat(codes.next(digits)).hasSize(digits).containsOnlyDigits();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 5, 9})
    void refuses_lengths_outside_six_to_eight(int digits) {
        assertThatThrownBy(() -> codes.next(digits)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_digit_appears_in_every_position() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = codes.next(6);
            for (int p = 0; p < 6; p++) {
                seen.add(p + ":" + code.charAt(p));
            }
        }
        assertThat(seen).hasSize(60);
    }

    @ParameterizedTest
    @CsvSource({"123456, 123456", "' 123 456 ', 123456", "123-456, 123456", "１２３４５６, 123456"})
    void reads_what_users_type(String typed, String code) {
        assertThat(SmsCodes.typed(typed)).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "12a456", "12345６7890123456789012345678901234", "١٢٣٤٥٦x"})
    void refuses_anything_else(String typed) {
        assertThat(SmsCodes.typed(typed)).isNull();
    }

    @Test
    void config_keeps_windows_and_lengths_in_their_bounds() {
        SmsCodeConfig defaults = new SmsCodeConfig(null);
        assertThat(defaults.digits()).isEqualTo(6);
        assertThat(defaults.ttlSeconds()).isEqualTo(300);
        assertThat(defaults.cooldownSeconds()).isEqualTo(30);
        assertThat(defaults.sender()).isNull();
        SmsCodeConfig tooLong = new SmsCodeConfig(Map.of(SmsCodeConfig.TTL_SECONDS, "900", SmsCodeConfig.DIGITS, "9"));
        assertThat(tooLong.ttlSeconds()).isEqualTo(300);
        assertThat(tooLong.digits()).isEqualTo(6);
        SmsCodeConfig seconds = new SmsCodeConfig(Map.of(
                SmsCodeConfig.TTL_SECONDS,
                "2",
                SmsCodeConfig.COOLDOWN_SECONDS,
                "0",
                SmsCodeConfig.CAP_WINDOW_SECONDS,
                "5"));
        assertThat(seconds.ttlSeconds()).isEqualTo(2);
        assertThat(seconds.cooldownSeconds()).isZero();
        assertThat(seconds.capWindowSeconds()).isEqualTo(5);
    }
}
