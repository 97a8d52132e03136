package dev.ciamkit.ekyc.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import dev.ciamkit.ekyc.sandbox.TestImages;
import dev.ciamkit.ekyc.spi.EkycImage;
import dev.ciamkit.ekyc.spi.EkycOperation;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.EkycVerifier;
import dev.ciamkit.ekyc.spi.FaceMatch;
import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.spi.IdExtraction;
import dev.ciamkit.ekyc.spi.IdFields;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import dev.ciamkit.ekyc.step.EkycProgress.Person;
import dev.ciamkit.ekyc.vault.EkycMethod;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.mockito.ArgumentCaptor;

/** The ID and face pages' decisions: what reaches the vendor, what is counted, what ends the attempt. */
class EkycChecksTest {

    private static final byte[] ID_PNG = TestImages.bytes(TestImages.ID_HONG);
    private static final byte[] SELFIE_PNG = TestImages.bytes(TestImages.SELFIE_HONG);
    private static final IdFields HONG_FIELDS = new IdFields(
            IdDocumentType.RESIDENT_CARD,
            "홍길동",
            LocalDate.of(1990, 1, 1),
            "900101-1234567",
            LocalDate.of(2020, 3, 15),
            null);
    private static final Person HONG = Person.of(HONG_FIELDS);
    private static final EkycProgress AT_ID = EkycProgress.start(Instant.EPOCH);
    private static final EkycProgress AT_CONFIRM = AT_ID.withPerson(HONG);

    private final EkycHost host = mock(EkycHost.class);
    private final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    private final LoginFormsProvider form = mock(LoginFormsProvider.class, RETURNS_SELF);
    private final EkycVerifier verifier = mock(EkycVerifier.class);
    private final EkycJourney journey = mock(EkycJourney.class);
    private final ProgressStore store = mock(ProgressStore.class);
    private final EkycOrchestrator orchestrator = new EkycOrchestrator(2);
    private final StepOutcome shown = new StepOutcome.Page(mock(Response.class));
    private final EkycChecks checks = new EkycChecks(
            host, EkycPolicy.DEFAULT, new EkycPages(EkycPolicy.DEFAULT), store, verifier, orchestrator, journey);

    @BeforeEach
    void keycloak() {
        given(host.session()).willReturn(mock(KeycloakSession.class));
        given(host.realm()).willReturn(mock(RealmModel.class));
        given(host.user()).willReturn(mock(UserModel.class));
        given(host.event()).willReturn(event);
        given(host.form()).willReturn(form);
        given(journey.show(any(), anyList(), any())).willReturn(shown);
        given(journey.advance(any())).willReturn(shown);
        given(journey.attemptAllowed()).willReturn(true);
    }

    @AfterEach
    void close() {
        orchestrator.close();
    }

    private static FormInput input(Map<String, String> fields, Map<String, byte[]> files) {
        Map<String, String> encoded = new HashMap<>();
        files.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v)));
        return FormInput.of(new PendingForm(fields, encoded));
    }

    private static FormInput confirmed(Map<String, byte[]> files) {
        return input(
                Map.of(
                        EkycPages.FIELD_FAMILY_NAME, "홍",
                        EkycPages.FIELD_GIVEN_NAME, "길동",
                        EkycPages.FIELD_BIRTH_DATE, "1990-01-01"),
                files);
    }

    private static VerificationResult result(EkycOperation operation, VerificationStatus status, EkycReason reason) {
        return VerificationResult.without(operation, status, reason, Duration.ZERO);
    }

    @Nested
    class ReadingTheId {
        @Test
        void a_missing_image_is_not_counted_and_makes_no_call() {
            StepOutcome outcome = checks.readId(input(Map.of(), Map.of()), AT_ID);

            assertThat(outcome).isSameAs(shown);
            then(journey).should(never()).attemptAllowed();
            then(verifier).shouldHaveNoInteractions();
            then(event).should().detail(Events.REASON, "missing");
            then(event).should().error(EkycErrors.IMAGE_REJECTED);
        }

        @Test
        void a_file_that_is_not_an_image_makes_no_call() {
            checks.readId(input(Map.of(), Map.of(EkycPages.FIELD_ID_IMAGE, "text".getBytes())), AT_ID);

            then(verifier).shouldHaveNoInteractions();
            then(event).should().detail(Events.REASON, "not_an_image");
        }

        @Test
        void past_the_days_attempts_the_attempt_ends_without_a_call() {
            given(journey.attemptAllowed()).willReturn(false);

            StepOutcome outcome = checks.readId(input(Map.of(), Map.of(EkycPages.FIELD_ID_IMAGE, ID_PNG)), AT_ID);

            assertThat(outcome).isInstanceOf(StepOutcome.Failed.class);
            then(verifier).shouldHaveNoInteractions();
            then(event).should().error(EkycErrors.ATTEMPTS_EXCEEDED);
            then(journey).should().ended("ciamkitEkycAttemptsExceeded");
        }

        @Test
        void a_read_id_is_kept_and_its_fields_shown_to_confirm() {
            given(verifier.extractId(any()))
                    .willReturn(new IdExtraction(
                            result(EkycOperation.ID_OCR, VerificationStatus.PASSED, EkycReason.OK),
                            Optional.of(HONG_FIELDS)));

            checks.readId(input(Map.of(), Map.of(EkycPages.FIELD_ID_IMAGE, ID_PNG)), AT_ID);

            then(verifier).should().extractId(new EkycImage(ID_PNG, "image/png"));
            then(store).should().saveImage(ProgressStore.ID_IMAGE, new EkycImage(ID_PNG, "image/png"));
            then(journey).should().show(AT_ID.withPerson(HONG), List.of(), null);
        }

        @Test
        void a_vendor_outage_keeps_the_page_and_keeps_nothing() {
            given(verifier.extractId(any()))
                    .willReturn(IdExtraction.without(result(
                            EkycOperation.ID_OCR, VerificationStatus.UNAVAILABLE, EkycReason.VENDOR_UNREACHABLE)));

            checks.readId(input(Map.of(), Map.of(EkycPages.FIELD_ID_IMAGE, ID_PNG)), AT_ID);

            then(store).should(never()).saveImage(any(), any());
            then(event).should().error(EkycErrors.VENDOR_UNAVAILABLE);
            then(journey).should().show(AT_ID, List.of(), "ciamkitEkycServiceUnavailable");
        }
    }

    @Nested
    class Confirming {
        @BeforeEach
        void idKept() {
            given(store.image(ProgressStore.ID_IMAGE)).willReturn(Optional.of(new EkycImage(ID_PNG, "image/png")));
        }

        @Test
        void a_forged_id_ends_the_attempt_and_forgets_it() {
            given(verifier.verifyId(any()))
                    .willReturn(result(EkycOperation.ID_AUTHENTICITY, VerificationStatus.FAILED, EkycReason.ID_FORGED));
            given(verifier.matchFace(any()))
                    .willReturn(FaceMatch.without(
                            result(EkycOperation.FACE_MATCH, VerificationStatus.FAILED, EkycReason.FACE_MISMATCH)));

            StepOutcome outcome = checks.confirm(confirmed(Map.of(EkycPages.FIELD_SELFIE, SELFIE_PNG)), AT_CONFIRM);

            assertThat(outcome).isInstanceOf(StepOutcome.Failed.class);
            then(store).should().clear();
            then(event).should().error(EkycErrors.ID_REJECTED);
            then(event).should().detail(Events.REASON, "id_forged");
            then(journey).shouldHaveNoMoreInteractions();
        }

        @Test
        void the_confirmed_fields_are_what_the_authority_is_asked() {
            given(verifier.verifyId(any()))
                    .willReturn(result(EkycOperation.ID_AUTHENTICITY, VerificationStatus.PASSED, EkycReason.OK));
            given(verifier.matchFace(any()))
                    .willReturn(new FaceMatch(
                            result(EkycOperation.FACE_MATCH, VerificationStatus.PASSED, EkycReason.OK),
                            dev.ciamkit.ekyc.spi.Liveness.LIVE,
                            java.util.OptionalDouble.of(0.99)));

            checks.confirm(confirmed(Map.of(EkycPages.FIELD_SELFIE, SELFIE_PNG)), AT_CONFIRM);

            then(verifier).should().verifyId(HONG_FIELDS);
            ArgumentCaptor<EkycProgress> advanced = ArgumentCaptor.forClass(EkycProgress.class);
            then(journey).should().advance(advanced.capture());
            assertThat(advanced.getValue().personChecked()).isTrue();
            assertThat(advanced.getValue().passedMethods())
                    .containsExactlyInAnyOrder(EkycMethod.ID_DOCUMENT, EkycMethod.FACE_MATCH);
            then(store).should(never()).saveImage(eq(ProgressStore.SELFIE), any());
        }

        @Test
        void bad_fields_are_shown_again_without_a_call() {
            FormInput bad = input(
                    Map.of(EkycPages.FIELD_FAMILY_NAME, "<홍>", EkycPages.FIELD_BIRTH_DATE, "1990-01-01"),
                    Map.of(EkycPages.FIELD_SELFIE, SELFIE_PNG));

            checks.confirm(bad, AT_CONFIRM);

            then(verifier).shouldHaveNoInteractions();
            then(event).should().error(EkycErrors.INVALID_INPUT);
            then(journey).should().show(eq(AT_CONFIRM), anyList(), isNull());
        }

        @Test
        void the_last_allowed_face_mismatch_loses_the_face_match() {
            EkycProgress twoFailures = AT_CONFIRM.withFaceFailure().withFaceFailure();
            given(verifier.verifyId(any()))
                    .willReturn(result(EkycOperation.ID_AUTHENTICITY, VerificationStatus.PASSED, EkycReason.OK));
            given(verifier.matchFace(any()))
                    .willReturn(FaceMatch.without(
                            result(EkycOperation.FACE_MATCH, VerificationStatus.FAILED, EkycReason.FACE_MISMATCH)));

            checks.confirm(confirmed(Map.of(EkycPages.FIELD_SELFIE, SELFIE_PNG)), twoFailures);

            then(event).should().error(EkycErrors.FACE_MISMATCH);
            ArgumentCaptor<EkycProgress> advanced = ArgumentCaptor.forClass(EkycProgress.class);
            then(journey).should().advance(advanced.capture());
            assertThat(advanced.getValue().faceFailures()).isEqualTo(3);
            assertThat(advanced.getValue().lostMethods()).containsExactly(EkycMethod.FACE_MATCH);
            assertThat(advanced.getValue().passedMethods()).containsExactly(EkycMethod.ID_DOCUMENT);
        }

        @Test
        void a_correction_not_checked_is_not_kept_so_the_next_is_measured_against_the_card() {
            given(verifier.verifyId(any()))
                    .willReturn(result(
                            EkycOperation.ID_AUTHENTICITY, VerificationStatus.UNAVAILABLE, EkycReason.VENDOR_ERROR));
            FormInput corrected = input(
                    Map.of(EkycPages.FIELD_FAMILY_NAME, "홍", EkycPages.FIELD_GIVEN_NAME, "길똥"),
                    Map.of(EkycPages.FIELD_SELFIE, SELFIE_PNG));
            given(verifier.matchFace(any()))
                    .willReturn(FaceMatch.without(
                            result(EkycOperation.FACE_MATCH, VerificationStatus.UNAVAILABLE, EkycReason.VENDOR_ERROR)));

            checks.confirm(corrected, AT_CONFIRM);

            ArgumentCaptor<EkycProgress> shownAgain = ArgumentCaptor.forClass(EkycProgress.class);
            then(journey).should().show(shownAgain.capture(), anyList(), any());
            assertThat(shownAgain.getValue().person()).isEqualTo(HONG);
            assertThat(shownAgain.getValue().idChecks()).isEqualTo(1);
        }

        @Test
        void an_authority_that_does_not_answer_three_times_ends_the_attempt() {
            EkycProgress twoChecks = AT_CONFIRM.withIdCheck().withIdCheck();
            given(verifier.verifyId(any()))
                    .willReturn(result(
                            EkycOperation.ID_AUTHENTICITY, VerificationStatus.UNAVAILABLE, EkycReason.VENDOR_ERROR));

            given(verifier.matchFace(any()))
                    .willReturn(FaceMatch.without(
                            result(EkycOperation.FACE_MATCH, VerificationStatus.UNAVAILABLE, EkycReason.VENDOR_ERROR)));

            checks.confirm(confirmed(Map.of(EkycPages.FIELD_SELFIE, SELFIE_PNG)), twoChecks);

            ArgumentCaptor<EkycProgress> advanced = ArgumentCaptor.forClass(EkycProgress.class);
            then(journey).should().advance(advanced.capture());
            assertThat(advanced.getValue().lostMethods()).contains(EkycMethod.ID_DOCUMENT);
        }

        @Test
        void a_selfie_the_vendor_cannot_use_spends_a_selfie_try() {
            given(verifier.verifyId(any()))
                    .willReturn(result(EkycOperation.ID_AUTHENTICITY, VerificationStatus.PASSED, EkycReason.OK));
            given(verifier.matchFace(any()))
                    .willReturn(FaceMatch.without(result(
                            EkycOperation.FACE_MATCH, VerificationStatus.INPUT_REJECTED, EkycReason.FACE_NOT_FOUND)));

            checks.confirm(confirmed(Map.of(EkycPages.FIELD_SELFIE, SELFIE_PNG)), AT_CONFIRM);

            ArgumentCaptor<EkycProgress> shownAgain = ArgumentCaptor.forClass(EkycProgress.class);
            then(journey).should().show(shownAgain.capture(), anyList(), any());
            assertThat(shownAgain.getValue().faceFailures()).isEqualTo(1);
        }

        @Test
        void a_lost_id_image_starts_over_without_a_call() {
            given(store.image(ProgressStore.ID_IMAGE)).willReturn(Optional.empty());

            checks.confirm(confirmed(Map.of(EkycPages.FIELD_SELFIE, SELFIE_PNG)), AT_CONFIRM);

            then(verifier).shouldHaveNoInteractions();
            then(store).should().clear();
            then(journey).should().show(any(), eq(List.of()), eq("ciamkitEkycStartOver"));
        }
    }
}
