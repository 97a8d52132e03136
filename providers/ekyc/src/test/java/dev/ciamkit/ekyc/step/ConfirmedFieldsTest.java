package dev.ciamkit.ekyc.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.step.EkycProgress.Person;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.utils.FormMessage;

class ConfirmedFieldsTest {

    private static final Person READ =
            new Person(IdDocumentType.RESIDENT_CARD, "홍", "길동", "1990-01-01", "900101-1234567", "2020-03-15", null);

    private static FormInput names(String family, String given) {
        Map<String, String> fields = new HashMap<>();
        if (family != null) {
            fields.put(EkycPages.FIELD_FAMILY_NAME, family);
        }
        if (given != null) {
            fields.put(EkycPages.FIELD_GIVEN_NAME, given);
        }
        return FormInput.of(new PendingForm(fields, Map.of()));
    }

    private static FormInput typed(String family, String given, String birthDate, String idNumber) {
        Map<String, String> fields = new HashMap<>();
        fields.put(EkycPages.FIELD_FAMILY_NAME, family);
        fields.put(EkycPages.FIELD_GIVEN_NAME, given);
        fields.put(EkycPages.FIELD_BIRTH_DATE, birthDate);
        fields.put(EkycPages.FIELD_ID_NUMBER, idNumber);
        fields.put(EkycPages.FIELD_ISSUE_DATE, "2001-01-01");
        return FormInput.of(new PendingForm(fields, Map.of()));
    }

    @Nested
    class The_names_as_read {
        @Test
        void pass_and_keep_everything_else_from_the_card() {
            assertThat(ConfirmedFields.read(names("홍", "길동"), READ)).contains(READ);
        }

        @Test
        void may_be_split_differently() {
            assertThat(ConfirmedFields.read(names("홍길", "동"), READ))
                    .hasValueSatisfying(
                            p -> assertThat(p.familyName() + p.givenName()).isEqualTo("홍길동"));
        }

        @Test
        void may_have_one_misread_letter_corrected() {
            assertThat(ConfirmedFields.read(names("홍", "길똥"), READ))
                    .hasValueSatisfying(p -> assertThat(p.givenName()).isEqualTo("길똥"));
            assertThat(ConfirmedFields.read(names("홍", "길동이"), READ)).isPresent();
        }
    }

    @Nested
    class Another_identity {
        @Test
        void is_refused_when_the_name_differs_by_more_than_one_letter() {
            assertThat(ConfirmedFields.problems(names("김", "영희"), READ))
                    .extracting(FormMessage::getMessage)
                    .containsExactly("ciamkitEkycNameTooDifferent");
            assertThat(ConfirmedFields.read(names("김", "영희"), READ)).isEmpty();
        }

        @Test
        void cannot_bring_its_own_birth_date_id_number_or_issue_date() {
            assertThat(ConfirmedFields.read(typed("홍", "길동", "1985-12-24", "851224-2345678"), READ))
                    .contains(READ);
        }
    }

    @Nested
    class Bad_names {
        @Test
        void a_missing_family_name_is_a_problem_of_that_field() {
            assertThat(ConfirmedFields.problems(names(null, "길동"), READ))
                    .extracting(FormMessage::getField)
                    .containsExactly(EkycPages.FIELD_FAMILY_NAME);
        }

        @Test
        void a_missing_given_name_is_a_problem_when_the_card_has_one() {
            assertThat(ConfirmedFields.problems(names("홍", null), READ))
                    .extracting(FormMessage::getField)
                    .containsExactly(EkycPages.FIELD_GIVEN_NAME);
        }

        @ParameterizedTest
        @ValueSource(strings = {"길<동", "길\"동", "길&동", "길\u202e동", "길\u200b동", "길\u0007동"})
        void markup_control_and_invisible_characters_are_refused(String given) {
            assertThat(ConfirmedFields.problems(names("홍", given), READ))
                    .extracting(FormMessage::getMessage)
                    .containsExactly("ciamkitEkycNameInvalid");
        }

        @Test
        void a_name_longer_than_fifty_characters_is_refused() {
            assertThat(ConfirmedFields.problems(names("홍", "길".repeat(51)), READ))
                    .isNotEmpty();
        }
    }

    @Test
    void distance_counts_code_point_edits() {
        assertThat(ConfirmedFields.distance("홍길동", "홍길동")).isZero();
        assertThat(ConfirmedFields.distance("홍길동", "홍길똥")).isEqualTo(1);
        assertThat(ConfirmedFields.distance("홍길동", "김영희")).isEqualTo(3);
        assertThat(ConfirmedFields.distance("", "홍")).isEqualTo(1);
    }
}
