package dev.ciamkit.otp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OtpVerifierTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final long NOW = 1_700_000_000L;
    private static final OtpPolicy TOTP = OtpPolicy.DEFAULT;
    private static final OtpPolicy HOTP = new OtpPolicy(OtpType.HOTP, OtpAlgorithm.SHA1, 6, 0);

    private final OtpVerifier verifier = new OtpVerifier(new VerifierSettings(1, 4, 3, 50));

    private static String totpAt(long step) {
        return Hotp.code(SEED, step, OtpAlgorithm.SHA1, 6);
    }

    private static long nowStep() {
        return OtpVerifier.step(NOW, 30);
    }

    @Nested
    class Totp {

        @Test
        void accepts_the_current_code_and_remembers_its_step() {
            Verification result = verifier.verify(SEED, TOTP, DeviceState.NEW, totpAt(nowStep()), NOW);

            assertThat(result).isEqualTo(new Verification.Accepted(nowStep(), new DeviceState(0, nowStep(), 0)));
        }

        @Test
        void accepts_neighbouring_steps_within_the_window_only() {
            assertThat(verifier.verify(SEED, TOTP, DeviceState.NEW, totpAt(nowStep() - 1), NOW))
                    .isInstanceOf(Verification.Accepted.class);
            assertThat(verifier.verify(SEED, TOTP, DeviceState.NEW, totpAt(nowStep() + 1), NOW))
                    .isInstanceOf(Verification.Accepted.class);
            assertThat(verifier.verify(SEED, TOTP, DeviceState.NEW, totpAt(nowStep() + 2), NOW))
                    .isInstanceOf(Verification.Rejected.class);
        }

        @Test
        void rejects_code_reused_within_window() {
            DeviceState afterLogin = new DeviceState(0, nowStep(), 0);

            assertThat(verifier.verify(SEED, TOTP, afterLogin, totpAt(nowStep()), NOW + 5))
                    .isEqualTo(new Verification.Replayed(nowStep()));
        }

        @Test
        void rejects_a_code_older_than_the_last_accepted_one() {
            DeviceState afterLogin = new DeviceState(0, nowStep(), 0);

            assertThat(verifier.verify(SEED, TOTP, afterLogin, totpAt(nowStep() - 1), NOW))
                    .isInstanceOf(Verification.Replayed.class);
        }

        @Test
        void remembers_drift_and_follows_a_device_whose_clock_runs_ahead() {
            Verification first = verifier.verify(SEED, TOTP, DeviceState.NEW, totpAt(nowStep() + 1), NOW);
            DeviceState learned = ((Verification.Accepted) first).next();

            assertThat(learned.drift()).isEqualTo(1);
            // Two steps ahead would be outside the window without the remembered drift.
            assertThat(verifier.verify(SEED, TOTP, learned, totpAt(nowStep() + 3), NOW + 30))
                    .isInstanceOf(Verification.Accepted.class);
        }

        @Test
        void bounds_the_remembered_drift() {
            DeviceState farAhead = new DeviceState(0, -1, 4);

            Verification result = verifier.verify(SEED, TOTP, farAhead, totpAt(nowStep() + 5), NOW);

            assertThat(((Verification.Accepted) result).next().drift()).isEqualTo(4);
        }

        @Test
        void rejects_malformed_codes_without_computing_anything() {
            assertThat(verifier.verify(SEED, TOTP, DeviceState.NEW, null, NOW))
                    .isInstanceOf(Verification.Rejected.class);
            assertThat(verifier.verify(SEED, TOTP, DeviceState.NEW, "12345", NOW))
                    .isInstanceOf(Verification.Rejected.class);
            assertThat(verifier.verify(SEED, TOTP, DeviceState.NEW, "12345a", NOW))
                    .isInstanceOf(Verification.Rejected.class);
            assertThat(verifier.verify(SEED, TOTP, DeviceState.NEW, "1234567", NOW))
                    .isInstanceOf(Verification.Rejected.class);
        }

        @Test
        void sixty_second_steps_follow_the_policy_stored_with_the_device() {
            OtpPolicy sixty = new OtpPolicy(OtpType.TOTP, OtpAlgorithm.SHA256, 8, 60);
            String code = Hotp.code(SEED, OtpVerifier.step(NOW, 60), OtpAlgorithm.SHA256, 8);

            assertThat(verifier.verify(SEED, sixty, DeviceState.NEW, code, NOW))
                    .isInstanceOf(Verification.Accepted.class);
            assertThat(verifier.verify(SEED, TOTP, DeviceState.NEW, code, NOW))
                    .isInstanceOf(Verification.Rejected.class);
        }
    }

    @Nested
    class Hotp_ {

        @Test
        void accepts_within_look_ahead_and_moves_the_counter_past_the_code() {
            Verification result = verifier.verify(SEED, HOTP, new DeviceState(2, -1, 0), "969429", NOW);

            assertThat(result).isEqualTo(new Verification.Accepted(3, new DeviceState(4, -1, 0)));
        }

        @Test
        void never_accepts_a_code_below_the_counter() {
            assertThat(verifier.verify(SEED, HOTP, new DeviceState(4, -1, 0), "969429", NOW))
                    .isInstanceOf(Verification.Rejected.class);
        }

        @Test
        void rejects_a_code_beyond_look_ahead() {
            assertThat(verifier.verify(SEED, HOTP, DeviceState.NEW, "162583", NOW)) // counter 7
                    .isInstanceOf(Verification.Rejected.class);
        }

        @Test
        void resyncs_with_two_consecutive_codes_inside_the_resync_window() {
            Verification result = verifier.resync(SEED, HOTP, DeviceState.NEW, "162583", "399871"); // 7, 8

            assertThat(result).isEqualTo(new Verification.Accepted(8, new DeviceState(9, -1, 0)));
        }

        @Test
        void does_not_resync_with_codes_that_are_not_consecutive() {
            assertThat(verifier.resync(SEED, HOTP, DeviceState.NEW, "162583", "520489")) // 7, 9
                    .isInstanceOf(Verification.Rejected.class);
        }
    }

    @Nested
    class Configuration {

        @Test
        void refuses_settings_out_of_range_with_a_clear_message() {
            assertThatThrownBy(() -> new VerifierSettings(11, 4, 5, 100))
                    .hasMessage("window must be between 0 and 10, not 11");
            assertThatThrownBy(() -> new VerifierSettings(1, -1, 5, 100)).hasMessageContaining("maxDrift");
        }

        @Test
        void refuses_policies_no_app_supports() {
            assertThatThrownBy(() -> new OtpPolicy(OtpType.TOTP, OtpAlgorithm.SHA1, 7, 30))
                    .hasMessageContaining("6 or 8 digits");
            assertThatThrownBy(() -> new OtpPolicy(OtpType.TOTP, OtpAlgorithm.SHA1, 6, 45))
                    .hasMessageContaining("30 or 60");
        }

        @Test
        void parses_algorithm_names_leniently_and_refuses_unknown_ones() {
            assertThat(OtpAlgorithm.parse("HmacSHA256")).isEqualTo(OtpAlgorithm.SHA256);
            assertThat(OtpAlgorithm.parse("sha-512")).isEqualTo(OtpAlgorithm.SHA512);
            assertThatThrownBy(() -> OtpAlgorithm.parse("MD5")).hasMessageContaining("SHA1, SHA256 or SHA512");
        }

        @Test
        void typed_codes_lose_their_spaces_and_blank_input_is_no_code() {
            assertThat(OtpVerifier.typedCode(" 123 456 ")).isEqualTo("123456");
            assertThat(OtpVerifier.typedCode("   ")).isNull();
            assertThat(OtpVerifier.typedCode(null)).isNull();
        }

        @Test
        void full_width_digits_and_spaces_as_ime_type_them_are_the_same_code() {
            assertThat(OtpVerifier.typedCode("\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16"))
                    .isEqualTo("123456");
            assertThat(OtpVerifier.typedCode("\uFF11\uFF12\uFF13\u3000\uFF14\uFF15\uFF16"))
                    .isEqualTo("123456");
            assertThat(OtpVerifier.typedCode("\u3000\u00A0\t")).isNull();
        }

        @Test
        void a_full_width_code_is_accepted_by_the_verifier() {
            String code = totpAt(nowStep());
            StringBuilder wide = new StringBuilder();
            code.chars().forEach(c -> wide.append((char) ('\uFF10' + (c - '0'))));

            assertThat(verifier.verify(SEED, TOTP, DeviceState.NEW, OtpVerifier.typedCode(wide.toString()), NOW))
                    .isInstanceOf(Verification.Accepted.class);
        }

        @Test
        void digits_nfkc_does_not_fold_stay_malformed() {
            // Arabic-Indic digits are digits to Character.isDigit but not compatibility forms of ASCII ones.
            String arabicIndic = "\u0661\u0662\u0663\u0664\u0665\u0666";

            assertThat(OtpVerifier.typedCode(arabicIndic)).isEqualTo(arabicIndic);
            assertThat(verifier.verify(SEED, TOTP, DeviceState.NEW, arabicIndic, NOW))
                    .isInstanceOf(Verification.Rejected.class);
        }

        @Test
        void replay_keys_carry_our_prefix_the_device_and_the_step() {
            assertThat(ReplayKeys.of("cred-1", OtpType.TOTP, 42)).isEqualTo("ciamkit:otp:cred-1:t:42");
            assertThat(ReplayKeys.of("cred-1", OtpType.HOTP, 42)).isEqualTo("ciamkit:otp:cred-1:h:42");
            assertThat(ReplayKeys.lifespanSeconds(TOTP, new VerifierSettings(1, 4, 5, 100)))
                    .isEqualTo(30 * 12);
        }
    }
}
