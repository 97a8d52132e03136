package dev.ciamkit.ekyc.step;

import static dev.ciamkit.ekyc.vault.EkycMethod.BANK_ACCOUNT;
import static dev.ciamkit.ekyc.vault.EkycMethod.FACE_MATCH;
import static dev.ciamkit.ekyc.vault.EkycMethod.ID_DOCUMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.AuthenticatorConfigModel;

class EkycStepConfigTest {

    private static EkycPolicy policy(String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return EkycStepConfig.of(values).policy();
    }

    @Nested
    class Missing {
        @Test
        void no_model_gives_the_default_policy() {
            assertThat(EkycStepConfig.of((AuthenticatorConfigModel) null).policy())
                    .isEqualTo(EkycPolicy.DEFAULT);
        }

        @Test
        void a_model_without_config_gives_the_default_policy() {
            assertThat(EkycStepConfig.of(new AuthenticatorConfigModel()).policy())
                    .isEqualTo(EkycPolicy.DEFAULT);
            assertThat(EkycStepConfig.of((Map<String, String>) null).policy()).isEqualTo(EkycPolicy.DEFAULT);
        }

        @Test
        void an_empty_config_gives_the_default_policy() {
            assertThat(policy()).isEqualTo(EkycPolicy.DEFAULT);
        }
    }

    @Nested
    class Values {
        @Test
        void every_setting_is_read() {
            EkycPolicy policy = policy(
                    EkycStepConfig.METHODS, "id##face",
                    EkycStepConfig.REQUIRED, "1",
                    EkycStepConfig.VALIDITY_DAYS, "30",
                    EkycStepConfig.ATTEMPTS_PER_DAY, "7",
                    EkycStepConfig.KEEP_IMAGES, " TRUE ",
                    EkycStepConfig.BUDGET_MS, "1500",
                    EkycStepConfig.MAX_IMAGE_KB, "512",
                    EkycStepConfig.MAX_FACE_TRIES, "4");

            assertThat(policy.methods()).containsExactlyInAnyOrder(ID_DOCUMENT, FACE_MATCH);
            assertThat(policy.required()).isEqualTo(1);
            assertThat(policy.validity()).isEqualTo(Duration.ofDays(30));
            assertThat(policy.attemptsPerDay()).isEqualTo(7);
            assertThat(policy.keepImages()).isTrue();
            assertThat(policy.budget()).isEqualTo(Duration.ofMillis(1500));
            assertThat(policy.maxImageBytes()).isEqualTo(512 * 1024);
            assertThat(policy.maxFaceTries()).isEqualTo(4);
        }

        @Test
        void keep_images_is_only_on_for_true() {
            assertThat(policy(EkycStepConfig.KEEP_IMAGES, "yes").keepImages()).isFalse();
            assertThat(policy(EkycStepConfig.KEEP_IMAGES, "false").keepImages()).isFalse();
        }

        @Test
        void required_above_the_allowed_methods_is_clamped() {
            EkycPolicy policy = policy(EkycStepConfig.METHODS, "face", EkycStepConfig.REQUIRED, "3");

            assertThat(policy.methods()).containsExactlyInAnyOrder(ID_DOCUMENT, FACE_MATCH);
            assertThat(policy.required()).isEqualTo(2);
        }
    }

    @Nested
    class BadValues {
        @ParameterizedTest
        @ValueSource(strings = {"abc", "0", "4", "-1", "2.5", " "})
        void required_falls_back_to_two(String value) {
            assertThat(policy(EkycStepConfig.REQUIRED, value).required()).isEqualTo(2);
        }

        @Test
        void out_of_range_numbers_fall_back_to_the_defaults() {
            EkycPolicy policy = policy(
                    EkycStepConfig.VALIDITY_DAYS, "0",
                    EkycStepConfig.ATTEMPTS_PER_DAY, "101",
                    EkycStepConfig.BUDGET_MS, "499",
                    EkycStepConfig.MAX_IMAGE_KB, "9000",
                    EkycStepConfig.MAX_FACE_TRIES, "eleven");

            assertThat(policy)
                    .usingRecursiveComparison()
                    .comparingOnlyFields("validity", "attemptsPerDay", "budget", "maxImageBytes", "maxFaceTries")
                    .isEqualTo(EkycPolicy.DEFAULT);
        }

        @Test
        void the_range_ends_are_accepted() {
            assertThat(policy(EkycStepConfig.BUDGET_MS, "500").budget()).isEqualTo(Duration.ofMillis(500));
            assertThat(policy(EkycStepConfig.BUDGET_MS, "30000").budget()).isEqualTo(Duration.ofSeconds(30));
            assertThat(policy(EkycStepConfig.MAX_IMAGE_KB, "64").maxImageBytes())
                    .isEqualTo(64 * 1024);
            assertThat(policy(EkycStepConfig.MAX_IMAGE_KB, "8192").maxImageBytes())
                    .isEqualTo(8 * 1024 * 1024);
            assertThat(policy(EkycStepConfig.VALIDITY_DAYS, "3650").validity()).isEqualTo(Duration.ofDays(3650));
        }
    }

    @Nested
    class MethodsList {
        @Test
        void reads_the_consoles_multivalued_delimiter() {
            assertThat(policy(EkycStepConfig.METHODS, "face##account").methods())
                    .containsExactlyInAnyOrder(ID_DOCUMENT, FACE_MATCH, BANK_ACCOUNT);
        }

        @Test
        void reads_commas_spaces_and_any_case() {
            assertThat(policy(EkycStepConfig.METHODS, " Account , ID").methods())
                    .containsExactlyInAnyOrder(ID_DOCUMENT, BANK_ACCOUNT);
        }

        @Test
        void ignores_unknown_names() {
            assertThat(policy(EkycStepConfig.METHODS, "id##voice##face").methods())
                    .containsExactlyInAnyOrder(ID_DOCUMENT, FACE_MATCH);
        }

        @Test
        void only_unknown_names_fall_back_to_every_method() {
            assertThat(policy(EkycStepConfig.METHODS, "voice##,##").methods()).isEqualTo(EkycPolicy.DEFAULT.methods());
            assertThat(policy(EkycStepConfig.METHODS, "  ").methods()).isEqualTo(EkycPolicy.DEFAULT.methods());
        }

        @Test
        void the_id_document_is_added_when_not_listed() {
            assertThat(policy(EkycStepConfig.METHODS, "account").methods())
                    .containsExactlyInAnyOrder(ID_DOCUMENT, BANK_ACCOUNT);
        }
    }

    @Nested
    class Validity {
        @Test
        void seconds_win_over_days() {
            assertThat(policy(EkycStepConfig.VALIDITY_DAYS, "30", EkycStepConfig.VALIDITY_SECONDS, "90")
                            .validity())
                    .isEqualTo(Duration.ofSeconds(90));
        }

        @Test
        void blank_seconds_leave_the_days() {
            assertThat(policy(EkycStepConfig.VALIDITY_DAYS, "30", EkycStepConfig.VALIDITY_SECONDS, " ")
                            .validity())
                    .isEqualTo(Duration.ofDays(30));
        }

        @Test
        void days_alone_are_read() {
            assertThat(policy(EkycStepConfig.VALIDITY_DAYS, "7").validity()).isEqualTo(Duration.ofDays(7));
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "0", "-5"})
        void bad_seconds_leave_the_days(String seconds) {
            // a malformed test-only setting must not turn a year's validity into a minute
            assertThat(policy(EkycStepConfig.VALIDITY_DAYS, "30", EkycStepConfig.VALIDITY_SECONDS, seconds)
                            .validity())
                    .isEqualTo(Duration.ofDays(30));
            assertThat(policy(EkycStepConfig.VALIDITY_SECONDS, seconds).validity())
                    .isEqualTo(EkycPolicy.DEFAULT.validity());
        }
    }
}
