package dev.ciamkit.ekyc.step;

import static dev.ciamkit.ekyc.vault.EkycMethod.BANK_ACCOUNT;
import static dev.ciamkit.ekyc.vault.EkycMethod.FACE_MATCH;
import static dev.ciamkit.ekyc.vault.EkycMethod.ID_DOCUMENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.ekyc.vault.EkycMethod;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EkycPolicyTest {

    private static EkycPolicy policy(Set<EkycMethod> methods, int required) {
        return new EkycPolicy(methods, required, Duration.ofDays(1), 5, false, Duration.ofSeconds(3), 1 << 20, 3);
    }

    private static Set<EkycMethod> set(EkycMethod... methods) {
        return methods.length == 0 ? EnumSet.noneOf(EkycMethod.class) : EnumSet.of(methods[0], methods);
    }

    @Nested
    class Defaults {
        @Test
        void allows_every_method_and_asks_for_two() {
            assertThat(EkycPolicy.DEFAULT.methods()).containsExactlyInAnyOrder(EkycMethod.values());
            assertThat(EkycPolicy.DEFAULT.required()).isEqualTo(2);
        }

        @Test
        void keeps_a_verification_a_year_and_no_images() {
            assertThat(EkycPolicy.DEFAULT.validity()).isEqualTo(Duration.ofDays(365));
            assertThat(EkycPolicy.DEFAULT.keepImages()).isFalse();
            assertThat(EkycPolicy.DEFAULT.attemptsPerDay()).isEqualTo(5);
            assertThat(EkycPolicy.DEFAULT.budget()).isEqualTo(Duration.ofSeconds(3));
            assertThat(EkycPolicy.DEFAULT.maxImageBytes()).isEqualTo(4 * 1024 * 1024);
            assertThat(EkycPolicy.DEFAULT.maxFaceTries()).isEqualTo(3);
        }
    }

    @Nested
    class Methods {
        @Test
        void the_id_document_is_allowed_even_when_not_listed() {
            EkycPolicy policy = policy(set(FACE_MATCH), 2);

            assertThat(policy.methods()).containsExactlyInAnyOrder(ID_DOCUMENT, FACE_MATCH);
            assertThat(policy.allows(ID_DOCUMENT)).isTrue();
            assertThat(policy.allows(BANK_ACCOUNT)).isFalse();
        }

        @Test
        void an_empty_list_still_allows_the_id_document() {
            assertThat(policy(set(), 1).methods()).containsExactly(ID_DOCUMENT);
        }

        @Test
        void the_methods_are_a_copy_the_caller_cannot_change() {
            Set<EkycMethod> given = set(FACE_MATCH);
            EkycPolicy policy = policy(given, 2);
            given.add(BANK_ACCOUNT);

            assertThat(policy.allows(BANK_ACCOUNT)).isFalse();
        }
    }

    @Nested
    class Required {
        @Test
        void is_clamped_to_the_number_of_allowed_methods() {
            assertThat(policy(set(FACE_MATCH), 3).required()).isEqualTo(2);
            assertThat(policy(set(), 2).required()).isEqualTo(1);
        }

        @Test
        void is_at_least_one() {
            assertThat(policy(set(FACE_MATCH, BANK_ACCOUNT), 0).required()).isEqualTo(1);
            assertThat(policy(set(FACE_MATCH, BANK_ACCOUNT), -5).required()).isEqualTo(1);
        }

        @Test
        void within_range_is_kept() {
            assertThat(policy(set(FACE_MATCH, BANK_ACCOUNT), 3).required()).isEqualTo(3);
        }
    }

    @Nested
    class Decisions {

        static Stream<Arguments> metBy() {
            return Stream.of(
                    Arguments.of(set(), 1, set(), false),
                    Arguments.of(set(), 1, set(ID_DOCUMENT), true),
                    Arguments.of(set(FACE_MATCH, BANK_ACCOUNT), 2, set(ID_DOCUMENT), false),
                    Arguments.of(set(FACE_MATCH, BANK_ACCOUNT), 2, set(ID_DOCUMENT, FACE_MATCH), true),
                    Arguments.of(set(FACE_MATCH, BANK_ACCOUNT), 2, set(ID_DOCUMENT, BANK_ACCOUNT), true),
                    Arguments.of(set(FACE_MATCH, BANK_ACCOUNT), 3, set(ID_DOCUMENT, FACE_MATCH), false),
                    Arguments.of(set(FACE_MATCH, BANK_ACCOUNT), 3, set(EkycMethod.values()), true),
                    // a method the policy does not allow does not count, even if it passed
                    Arguments.of(set(FACE_MATCH), 2, set(ID_DOCUMENT, BANK_ACCOUNT), false),
                    Arguments.of(set(FACE_MATCH), 2, set(ID_DOCUMENT, FACE_MATCH, BANK_ACCOUNT), true));
        }

        @ParameterizedTest(name = "allowed {0}, required {1}, passed {2} -> met {3}")
        @MethodSource("metBy")
        void met_by_counts_only_allowed_passed_methods(
                Set<EkycMethod> allowed, int required, Set<EkycMethod> passed, boolean met) {
            assertThat(policy(allowed, required).metBy(passed)).isEqualTo(met);
        }

        static Stream<Arguments> reachable() {
            Set<EkycMethod> all = set(EkycMethod.values());
            return Stream.of(
                    Arguments.of(all, 2, set(), set(), true),
                    Arguments.of(all, 2, set(), set(FACE_MATCH), true),
                    Arguments.of(all, 2, set(), set(FACE_MATCH, BANK_ACCOUNT), false),
                    Arguments.of(all, 2, set(ID_DOCUMENT), set(FACE_MATCH), true),
                    Arguments.of(all, 3, set(ID_DOCUMENT), set(FACE_MATCH), false),
                    // a method that passed and was later marked lost still counts
                    Arguments.of(all, 2, set(ID_DOCUMENT, FACE_MATCH), set(FACE_MATCH, BANK_ACCOUNT), true),
                    // losing a method the policy does not allow changes nothing
                    Arguments.of(set(FACE_MATCH), 2, set(ID_DOCUMENT), set(BANK_ACCOUNT), true),
                    Arguments.of(set(FACE_MATCH), 2, set(ID_DOCUMENT), set(FACE_MATCH), false),
                    Arguments.of(set(), 1, set(), set(ID_DOCUMENT), false));
        }

        @ParameterizedTest(name = "allowed {0}, required {1}, passed {2}, lost {3} -> reachable {4}")
        @MethodSource("reachable")
        void reachable_while_enough_allowed_methods_passed_or_are_not_lost(
                Set<EkycMethod> allowed,
                int required,
                Set<EkycMethod> passed,
                Set<EkycMethod> lost,
                boolean reachable) {
            assertThat(policy(allowed, required).reachable(passed, lost)).isEqualTo(reachable);
        }
    }
}
