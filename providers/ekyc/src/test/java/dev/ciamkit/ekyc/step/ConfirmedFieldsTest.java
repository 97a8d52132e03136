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

    private static Map<String, String> valid() {
        Map<String, String> fields = new HashMap<>();
        fields.put(EkycPages.FIELD_FAMILY_NAME, "홍");
        fields.put(EkycPages.FIELD_GIVEN_NAME, "길동");
        fields.put(EkycPages.FIELD_BIRTH_DATE, "1990-01-01");
        return fields;
    }

    private static FormInput input(Map<String, String> fields) {
        return FormInput.of(new PendingForm(fields, Map.of()));
    }

    private static FormInput with(String field, String value) {
        Map<String, String> fields = valid();
        fields.put(field, value);
        return input(fields);
    }

    private static FormInput without(String field) {
        Map<String, String> fields = valid();
        fields.remove(field);
        return input(fields);
    }

    private static void assertOnlyProblem(FormInput input, String field, String key) {
        assertThat(ConfirmedFields.problems(input))
                .extracting(FormMessage::getField, FormMessage::getMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, key));
        assertThat(ConfirmedFields.read(input, READ)).isEmpty();
    }

    @Nested
    class ValidFields {
        @Test
        void have_no_problems() {
            assertThat(ConfirmedFields.problems(input(valid()))).isEmpty();
        }

        @Test
        void keep_the_read_number_and_issue_date_when_left_empty() {
            Map<String, String> fields = valid();
            fields.put(EkycPages.FIELD_GIVEN_NAME, "길순");
            fields.put(EkycPages.FIELD_ID_NUMBER, " ");

            Person confirmed = ConfirmedFields.read(input(fields), READ).orElseThrow();

            assertThat(confirmed)
                    .isEqualTo(new Person(
                            IdDocumentType.RESIDENT_CARD,
                            "홍",
                            "길순",
                            "1990-01-01",
                            "900101-1234567",
                            "2020-03-15",
                            null));
        }

        @Test
        void take_a_typed_number_and_issue_date() {
            Map<String, String> fields = valid();
            fields.put(EkycPages.FIELD_ID_NUMBER, "900101-1234568");
            fields.put(EkycPages.FIELD_ISSUE_DATE, "2021-04-01");

            Person confirmed = ConfirmedFields.read(input(fields), READ).orElseThrow();

            assertThat(confirmed.idNumber()).isEqualTo("900101-1234568");
            assertThat(confirmed.issueDate()).isEqualTo("2021-04-01");
        }

        @Test
        void keep_the_documents_type_and_expiry() {
            Person passport =
                    new Person(IdDocumentType.PASSPORT, "박", "민수", "1988-08-08", "M12345678", null, "2031-01-10");

            Person confirmed = ConfirmedFields.read(input(valid()), passport).orElseThrow();

            assertThat(confirmed.type()).isEqualTo(IdDocumentType.PASSPORT);
            assertThat(confirmed.expiryDate()).isEqualTo("2031-01-10");
            assertThat(confirmed.issueDate()).isNull();
        }

        @Test
        void are_trimmed() {
            Person confirmed = ConfirmedFields.read(with(EkycPages.FIELD_FAMILY_NAME, "  홍 "), READ)
                    .orElseThrow();

            assertThat(confirmed.familyName()).isEqualTo("홍");
        }

        @ParameterizedTest
        @ValueSource(strings = {"M12345678", "11-92-123456-70", "9001011234567", "AB 123456"})
        void accept_each_documents_number(String number) {
            assertThat(ConfirmedFields.problems(with(EkycPages.FIELD_ID_NUMBER, number)))
                    .isEmpty();
        }

        @Test
        void accept_latin_names_with_spaces_and_hyphens() {
            Map<String, String> fields = valid();
            fields.put(EkycPages.FIELD_FAMILY_NAME, "O-Brien");
            fields.put(EkycPages.FIELD_GIVEN_NAME, "Mary Ann");

            assertThat(ConfirmedFields.problems(input(fields))).isEmpty();
        }
    }

    @Nested
    class InvalidFields {
        @Test
        void an_empty_family_name() {
            assertOnlyProblem(
                    with(EkycPages.FIELD_FAMILY_NAME, "  "), EkycPages.FIELD_FAMILY_NAME, "ciamkitEkycNameInvalid");
            assertOnlyProblem(
                    without(EkycPages.FIELD_FAMILY_NAME), EkycPages.FIELD_FAMILY_NAME, "ciamkitEkycNameInvalid");
        }

        @Test
        void an_empty_given_name() {
            assertOnlyProblem(
                    without(EkycPages.FIELD_GIVEN_NAME), EkycPages.FIELD_GIVEN_NAME, "ciamkitEkycNameInvalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"<b>홍</b>", "홍\"", "O'Brien", "A&B", "홍>", "홍\u0000", "홍\n길"})
        void a_name_with_markup_or_control_characters(String name) {
            assertOnlyProblem(
                    with(EkycPages.FIELD_GIVEN_NAME, name), EkycPages.FIELD_GIVEN_NAME, "ciamkitEkycNameInvalid");
        }

        @Test
        void a_name_longer_than_fifty_characters() {
            assertThat(ConfirmedFields.problems(with(EkycPages.FIELD_GIVEN_NAME, "가".repeat(50))))
                    .isEmpty();
            assertOnlyProblem(
                    with(EkycPages.FIELD_GIVEN_NAME, "가".repeat(51)),
                    EkycPages.FIELD_GIVEN_NAME,
                    "ciamkitEkycNameInvalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1990-02-30", "1990/01/01", "19900101", "01-01-1990", "yesterday"})
        void a_bad_birth_date(String date) {
            assertOnlyProblem(
                    with(EkycPages.FIELD_BIRTH_DATE, date), EkycPages.FIELD_BIRTH_DATE, "ciamkitEkycDateInvalid");
        }

        @Test
        void a_missing_birth_date() {
            assertOnlyProblem(
                    without(EkycPages.FIELD_BIRTH_DATE), EkycPages.FIELD_BIRTH_DATE, "ciamkitEkycDateInvalid");
        }

        @Test
        void a_bad_issue_date() {
            assertOnlyProblem(
                    with(EkycPages.FIELD_ISSUE_DATE, "2020-13-01"),
                    EkycPages.FIELD_ISSUE_DATE,
                    "ciamkitEkycDateInvalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"12345", "900101-1234567<", "123456789012345678901", "가나다라마바", "900101_1234567"})
        void a_bad_id_number(String number) {
            assertOnlyProblem(
                    with(EkycPages.FIELD_ID_NUMBER, number), EkycPages.FIELD_ID_NUMBER, "ciamkitEkycIdNumberInvalid");
        }

        @Test
        void every_problem_is_reported_at_once() {
            Map<String, String> fields = new HashMap<>();
            fields.put(EkycPages.FIELD_GIVEN_NAME, "<x>");
            fields.put(EkycPages.FIELD_ID_NUMBER, "1");
            fields.put(EkycPages.FIELD_ISSUE_DATE, "x");

            assertThat(ConfirmedFields.problems(input(fields)))
                    .extracting(FormMessage::getField)
                    .containsExactly(
                            EkycPages.FIELD_FAMILY_NAME,
                            EkycPages.FIELD_GIVEN_NAME,
                            EkycPages.FIELD_BIRTH_DATE,
                            EkycPages.FIELD_ISSUE_DATE,
                            EkycPages.FIELD_ID_NUMBER);
        }
    }
}
