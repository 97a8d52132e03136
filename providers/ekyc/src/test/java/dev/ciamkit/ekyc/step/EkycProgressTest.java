package dev.ciamkit.ekyc.step;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.spi.IdFields;
import dev.ciamkit.ekyc.step.EkycProgress.Passed;
import dev.ciamkit.ekyc.step.EkycProgress.Person;
import dev.ciamkit.ekyc.step.EkycProgress.Stage;
import dev.ciamkit.ekyc.vault.EkycMethod;
import dev.ciamkit.ekyc.vault.MethodResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EkycProgressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Person HONG =
            new Person(IdDocumentType.RESIDENT_CARD, "홍", "길동", "1990-01-01", "900101-1234567", "2020-03-15", null);

    private static EkycProgress roundTrip(EkycProgress progress) throws Exception {
        return JSON.readValue(JSON.writeValueAsBytes(progress), EkycProgress.class);
    }

    @Nested
    class Json {
        @Test
        void a_fresh_progress_reads_back_equal() throws Exception {
            EkycProgress start = EkycProgress.start(NOW);

            assertThat(roundTrip(start)).isEqualTo(start);
        }

        @Test
        void a_progress_with_everything_set_reads_back_equal() throws Exception {
            EkycProgress progress = EkycProgress.start(NOW)
                    .withPerson(HONG)
                    .withPersonChecked(HONG)
                    .withPassed(new Passed(EkycMethod.ID_DOCUMENT, "ref-1", 0.97, 1000L))
                    .withPassed(new Passed(EkycMethod.FACE_MATCH, null, null, 2000L))
                    .withFaceFailure()
                    .withLost(EkycMethod.FACE_MATCH)
                    .withTransfer("tr-1");

            EkycProgress read = roundTrip(progress);

            assertThat(read).isEqualTo(progress);
            assertThat(read.stage()).isEqualTo(Stage.CODE);
        }

        @Test
        void writes_only_its_components() throws Exception {
            String json = JSON.writeValueAsString(EkycProgress.start(NOW).withPerson(HONG));

            assertThat(JSON.readTree(json).fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder(
                            "stage",
                            "startedAt",
                            "person",
                            "personChecked",
                            "passed",
                            "lost",
                            "faceFailures",
                            "transferId",
                            "idChecks");
            assertThat(JSON.readTree(json).get("person").fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder(
                            "type", "familyName", "givenName", "birthDate", "idNumber", "issueDate", "expiryDate");
        }
    }

    @Nested
    class Changes {
        @Test
        void start_is_at_the_id_page_with_nothing_passed() {
            EkycProgress start = EkycProgress.start(NOW);

            assertThat(start.stage()).isEqualTo(Stage.ID);
            assertThat(start.startedAt()).isEqualTo(NOW.toEpochMilli());
            assertThat(start.passedMethods()).isEmpty();
            assertThat(start.lostMethods()).isEmpty();
        }

        @Test
        void with_passed_replaces_the_same_method() {
            EkycProgress progress = EkycProgress.start(NOW)
                    .withPassed(new Passed(EkycMethod.ID_DOCUMENT, "old", 0.5, 1L))
                    .withPassed(new Passed(EkycMethod.FACE_MATCH, "face", 0.9, 2L))
                    .withPassed(new Passed(EkycMethod.ID_DOCUMENT, "new", 0.8, 3L));

            assertThat(progress.passed())
                    .extracting(Passed::method, Passed::vendorReference)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(EkycMethod.FACE_MATCH, "face"),
                            org.assertj.core.groups.Tuple.tuple(EkycMethod.ID_DOCUMENT, "new"));
            assertThat(progress.passedMethods())
                    .containsExactlyInAnyOrder(EkycMethod.ID_DOCUMENT, EkycMethod.FACE_MATCH);
        }

        @Test
        void with_lost_counts_a_method_once() {
            EkycProgress progress =
                    EkycProgress.start(NOW).withLost(EkycMethod.FACE_MATCH).withLost(EkycMethod.FACE_MATCH);

            assertThat(progress.lost()).containsExactly(EkycMethod.FACE_MATCH);
            assertThat(progress.lostMethods()).containsExactly(EkycMethod.FACE_MATCH);
        }

        @Test
        void the_person_moves_to_confirm_and_must_be_checked_again() {
            EkycProgress progress = EkycProgress.start(NOW)
                    .withPerson(HONG)
                    .withPersonChecked(HONG)
                    .withPerson(HONG);

            assertThat(progress.stage()).isEqualTo(Stage.CONFIRM);
            assertThat(progress.personChecked()).isFalse();
        }

        @Test
        void face_failures_add_up() {
            assertThat(EkycProgress.start(NOW)
                            .withFaceFailure()
                            .withFaceFailure()
                            .faceFailures())
                    .isEqualTo(2);
        }

        @Test
        void a_transfer_moves_to_the_code_page() {
            EkycProgress progress = EkycProgress.start(NOW).withTransfer("tr-9");

            assertThat(progress.stage()).isEqualTo(Stage.CODE);
            assertThat(progress.transferId()).isEqualTo("tr-9");
        }

        @Test
        void the_lists_cannot_be_changed_from_outside() {
            EkycProgress progress = EkycProgress.start(NOW)
                    .withPassed(new Passed(EkycMethod.ID_DOCUMENT, null, null, 1L))
                    .withLost(EkycMethod.FACE_MATCH);

            assertThat(progress.passed()).isUnmodifiable();
            assertThat(progress.lost()).isUnmodifiable();
        }
    }

    @Nested
    class People {
        @Test
        void of_splits_the_name_and_writes_dates_as_iso() {
            IdFields fields = new IdFields(
                    IdDocumentType.PASSPORT,
                    "박민수",
                    LocalDate.of(1988, 8, 8),
                    "M12345678",
                    LocalDate.of(2021, 1, 10),
                    LocalDate.of(2031, 1, 10));

            Person person = Person.of(fields);

            assertThat(person)
                    .isEqualTo(new Person(
                            IdDocumentType.PASSPORT, "박", "민수", "1988-08-08", "M12345678", "2021-01-10", "2031-01-10"));
            assertThat(person.fields()).isEqualTo(fields);
        }

        @Test
        void missing_dates_stay_missing() {
            IdFields fields = new IdFields(
                    IdDocumentType.RESIDENT_CARD, "홍길동", LocalDate.of(1990, 1, 1), "900101-1234567", null, null);

            assertThat(Person.of(fields).fields()).isEqualTo(fields);
        }

        @Test
        void its_string_form_withholds_the_values() {
            assertThat(HONG.toString()).doesNotContain("홍", "길동", "1990", "900101");
        }

        @Test
        void a_passed_method_becomes_a_method_result() {
            assertThat(new Passed(EkycMethod.FACE_MATCH, "ref", 0.9, 5000L).result())
                    .isEqualTo(new MethodResult(
                            EkycMethod.FACE_MATCH,
                            Optional.of("ref"),
                            OptionalDouble.of(0.9),
                            Instant.ofEpochMilli(5000L)));
            assertThat(new Passed(EkycMethod.FACE_MATCH, null, null, 5000L).result())
                    .isEqualTo(new MethodResult(
                            EkycMethod.FACE_MATCH,
                            Optional.empty(),
                            OptionalDouble.empty(),
                            Instant.ofEpochMilli(5000L)));
        }
    }
}
