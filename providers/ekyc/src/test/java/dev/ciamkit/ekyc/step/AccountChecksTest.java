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

import dev.ciamkit.common.bruteforce.FactorAttempts;
import dev.ciamkit.ekyc.spi.BankAccount;
import dev.ciamkit.ekyc.spi.EkycOperation;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.EkycVerifier;
import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.spi.TransferCode;
import dev.ciamkit.ekyc.spi.TransferConfirmation;
import dev.ciamkit.ekyc.spi.TransferStart;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import dev.ciamkit.ekyc.step.EkycProgress.Person;
import dev.ciamkit.ekyc.step.EkycProgress.Stage;
import dev.ciamkit.ekyc.vault.EkycMethod;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.BruteForceProtector;
import org.mockito.ArgumentCaptor;

/** The 1-won account pages' decisions: what is counted as a guess, what reaches the vendor, what the user sees. */
class AccountChecksTest {

    private static final Set<String> SECOND_FACTOR = Set.of(FactorAttempts.SECOND_FACTOR_CATEGORY);
    private static final Person HONG =
            new Person(IdDocumentType.RESIDENT_CARD, "홍", "길동", "1990-01-01", "900101-1234567", "2020-03-15", null);
    private static final EkycProgress AT_CODE = EkycProgress.start(Instant.EPOCH)
            .withPerson(HONG)
            .withPersonChecked(HONG)
            .withPassed(new EkycProgress.Passed(EkycMethod.ID_DOCUMENT, "ref", null, 1L))
            .withTransfer("tr-1");

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final KeycloakContext context = mock(KeycloakContext.class);
    private final ClientConnection connection = mock(ClientConnection.class);
    private final KeycloakUriInfo uri = mock(KeycloakUriInfo.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel user = mock(UserModel.class);
    private final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    private final EkycHost host = mock(EkycHost.class);
    private final EkycVerifier verifier = mock(EkycVerifier.class);
    private final EkycJourney journey = mock(EkycJourney.class);
    private final Response page = mock(Response.class);
    private final StepOutcome shown = new StepOutcome.Page(page);
    private final EkycOrchestrator orchestrator = new EkycOrchestrator(2);
    private final AccountChecks checks = new AccountChecks(host, EkycPolicy.DEFAULT, verifier, orchestrator, journey);

    @BeforeEach
    void keycloak() {
        given(host.session()).willReturn(session);
        given(host.realm()).willReturn(realm);
        given(host.user()).willReturn(user);
        given(host.event()).willReturn(event);
        given(session.getContext()).willReturn(context);
        given(context.getConnection()).willReturn(connection);
        given(context.getUri()).willReturn(uri);
        given(session.getProvider(BruteForceProtector.class)).willReturn(protector);
        given(realm.isBruteForceProtected()).willReturn(true);
        given(journey.page(any(), anyList(), any())).willReturn(page);
        given(journey.show(any(), anyList(), any())).willReturn(shown);
        given(journey.advance(any())).willReturn(shown);
        given(journey.attemptAllowed()).willReturn(true);
    }

    @AfterEach
    void close() {
        orchestrator.close();
    }

    private static FormInput form(String... keysAndValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return FormInput.of(new PendingForm(fields, Map.of()));
    }

    private static VerificationResult result(EkycOperation operation, VerificationStatus status, EkycReason reason) {
        return VerificationResult.without(operation, status, reason, Duration.ZERO);
    }

    private void codeAnswers(VerificationStatus status, EkycReason reason, OptionalInt left) {
        given(verifier.confirmTransfer(any()))
                .willReturn(new TransferConfirmation(result(EkycOperation.TRANSFER_CONFIRM, status, reason), left));
    }

    private void locked() {
        given(protector.isTemporarilyDisabled(session, realm, user)).willReturn(true);
    }

    private void assertCounted() {
        then(protector).should().failedLogin(realm, user, connection, uri, SECOND_FACTOR);
    }

    private void assertNotCounted() {
        then(protector).should(never()).failedLogin(any(), any(), any(), any(), any());
    }

    /** The one field message of the page shown with {@code progress} and no page message. */
    @SuppressWarnings("unchecked")
    private void assertShownWithFieldError(EkycProgress progress, String field, String key) {
        ArgumentCaptor<List<FormMessage>> errors = ArgumentCaptor.forClass(List.class);
        then(journey).should().show(eq(progress), errors.capture(), isNull());
        assertThat(errors.getValue())
                .extracting(FormMessage::getField, FormMessage::getMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, key));
    }

    @SuppressWarnings("unchecked")
    private List<FormMessage> pageErrors() {
        ArgumentCaptor<List<FormMessage>> errors = ArgumentCaptor.forClass(List.class);
        then(journey).should().page(any(), errors.capture(), any());
        return errors.getValue();
    }

    @Nested
    class WrongCode {
        @Test
        void is_a_guess_counted_by_the_brute_force_protector() {
            codeAnswers(VerificationStatus.FAILED, EkycReason.CODE_MISMATCH, OptionalInt.of(2));

            StepOutcome outcome = checks.confirm(form(EkycPages.FIELD_CODE, "1234"), AT_CODE);

            assertThat(outcome).isEqualTo(new StepOutcome.Guess(page));
            assertCounted();
            then(event).should().error(EkycErrors.CODE_INVALID);
            then(verifier).should().confirmTransfer(new TransferCode("tr-1", "1234"));
        }

        @Test
        void says_how_many_tries_are_left() {
            codeAnswers(VerificationStatus.FAILED, EkycReason.CODE_MISMATCH, OptionalInt.of(2));

            checks.confirm(form(EkycPages.FIELD_CODE, "1234"), AT_CODE);

            assertThat(pageErrors()).singleElement().satisfies(m -> {
                assertThat(m.getField()).isEqualTo(EkycPages.FIELD_CODE);
                assertThat(m.getMessage()).isEqualTo("ciamkitEkycCodeWrongLeft");
                assertThat(m.getParameters()).containsExactly(2);
            });
        }

        @Test
        void without_a_count_says_only_that_it_is_wrong() {
            codeAnswers(VerificationStatus.FAILED, EkycReason.CODE_MISMATCH, OptionalInt.empty());

            checks.confirm(form(EkycPages.FIELD_CODE, "1234"), AT_CODE);

            assertThat(pageErrors()).extracting(FormMessage::getMessage).containsExactly("ciamkitEkycCodeWrong");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "12 34", "<1234>", "12345678901"})
        void a_malformed_code_is_counted_without_a_vendor_call(String code) {
            StepOutcome outcome = checks.confirm(form(EkycPages.FIELD_CODE, code), AT_CODE);

            assertThat(outcome).isInstanceOf(StepOutcome.Guess.class);
            assertCounted();
            then(verifier).shouldHaveNoInteractions();
        }

        @Test
        void the_last_wrong_code_counts_too_and_ends_the_transfer() {
            codeAnswers(VerificationStatus.FAILED, EkycReason.ATTEMPTS_EXHAUSTED, OptionalInt.of(0));

            StepOutcome outcome = checks.confirm(form(EkycPages.FIELD_CODE, "1234"), AT_CODE);

            assertThat(outcome).isEqualTo(new StepOutcome.Guess(page));
            assertCounted();
            then(event).should().error(EkycErrors.CODE_INVALID);
            then(event).should().detail(Events.REASON, EkycReason.ATTEMPTS_EXHAUSTED.code());
            then(journey).should().page(eq(AT_CODE.at(Stage.ACCOUNT)), eq(List.of()), eq("ciamkitEkycTransferEnded"));
        }

        @Test
        void in_a_realm_without_brute_force_protection_is_still_a_guess() {
            given(realm.isBruteForceProtected()).willReturn(false);
            codeAnswers(VerificationStatus.FAILED, EkycReason.CODE_MISMATCH, OptionalInt.of(1));

            assertThat(checks.confirm(form(EkycPages.FIELD_CODE, "1234"), AT_CODE))
                    .isInstanceOf(StepOutcome.Guess.class);
            then(protector).shouldHaveNoInteractions();
        }
    }

    @Nested
    class RightCode {
        @Test
        void passes_the_account_and_resets_the_protector() {
            codeAnswers(VerificationStatus.PASSED, EkycReason.OK, OptionalInt.empty());

            StepOutcome outcome = checks.confirm(form(EkycPages.FIELD_CODE, "a1B2"), AT_CODE);

            assertThat(outcome).isSameAs(shown);
            then(protector).should().successfulLogin(realm, user, connection, uri, SECOND_FACTOR);
            assertNotCounted();
            ArgumentCaptor<EkycProgress> advanced = ArgumentCaptor.forClass(EkycProgress.class);
            then(journey).should().advance(advanced.capture());
            assertThat(advanced.getValue().passedMethods())
                    .containsExactlyInAnyOrder(EkycMethod.ID_DOCUMENT, EkycMethod.BANK_ACCOUNT);
        }
    }

    @Nested
    class NotAGuess {
        @ParameterizedTest
        @EnumSource(
                value = EkycReason.class,
                names = {"TRANSFER_EXPIRED", "TRANSFER_CLOSED", "TRANSFER_NOT_FOUND"})
        void an_ended_transfer_sends_back_to_the_account_page_uncounted(EkycReason reason) {
            codeAnswers(VerificationStatus.FAILED, reason, OptionalInt.empty());

            StepOutcome outcome = checks.confirm(form(EkycPages.FIELD_CODE, "1234"), AT_CODE);

            assertThat(outcome).isSameAs(shown);
            assertNotCounted();
            then(event).should().error(EkycErrors.TRANSFER_FAILED);
            then(journey).should().show(AT_CODE.at(Stage.ACCOUNT), List.of(), "ciamkitEkycTransferEnded");
        }

        @Test
        void a_vendor_that_does_not_answer_is_not_the_users_fault() {
            given(verifier.confirmTransfer(any())).willAnswer(i -> {
                throw new IllegalStateException("broken verifier");
            });

            StepOutcome outcome = checks.confirm(form(EkycPages.FIELD_CODE, "1234"), AT_CODE);

            assertThat(outcome).isSameAs(shown);
            assertNotCounted();
            then(event).should().error(EkycErrors.VENDOR_UNAVAILABLE);
            then(journey).should().show(AT_CODE, List.of(), "ciamkitEkycAccountUnavailable");
        }
    }

    @Nested
    class LockedUser {
        @Test
        void is_not_asked_for_a_code_and_no_vendor_call_is_made() {
            locked();

            StepOutcome outcome = checks.confirm(form(EkycPages.FIELD_CODE, "1234"), AT_CODE);

            assertThat(outcome).isSameAs(shown);
            then(verifier).shouldHaveNoInteractions();
            assertNotCounted();
            then(event).should().error(Errors.USER_TEMPORARILY_DISABLED);
            then(journey).should().show(AT_CODE, List.of(), "ciamkitEkycLocked");
        }

        @Test
        void permanently_locked_is_locked_too() {
            given(protector.isPermanentlyLockedOut(session, realm, user)).willReturn(true);

            checks.confirm(form(EkycPages.FIELD_CODE, "1234"), AT_CODE);

            then(verifier).shouldHaveNoInteractions();
        }

        @Test
        void gets_no_transfer_started() {
            locked();

            checks.start(form(EkycPages.FIELD_BANK, "004", EkycPages.FIELD_ACCOUNT, "123-456-789012"), AT_CODE);

            then(verifier).shouldHaveNoInteractions();
            then(journey).should().show(AT_CODE, List.of(), "ciamkitEkycLocked");
        }
    }

    @Nested
    class StartTransfer {
        private final EkycProgress atAccount = AT_CODE.at(Stage.ACCOUNT);

        @Test
        void sends_one_won_to_the_named_account_in_the_verified_name() {
            given(verifier.startTransfer(any()))
                    .willReturn(new TransferStart(
                            result(EkycOperation.TRANSFER_START, VerificationStatus.PASSED, EkycReason.OK),
                            Optional.of("tr-2"),
                            Optional.empty()));

            checks.start(form(EkycPages.FIELD_BANK, "004", EkycPages.FIELD_ACCOUNT, "123-456 789012"), atAccount);

            then(verifier).should().startTransfer(new BankAccount("004", "123456789012", "홍길동"));
            then(journey).should().show(atAccount.withTransfer("tr-2"), List.of(), null);
        }

        @ParameterizedTest
        @ValueSource(strings = {"999", ""})
        void an_unknown_bank_makes_no_call(String bank) {
            checks.start(form(EkycPages.FIELD_BANK, bank, EkycPages.FIELD_ACCOUNT, "123456789012"), atAccount);

            then(verifier).shouldHaveNoInteractions();
            then(event).should().error(EkycErrors.INVALID_INPUT);
            assertShownWithFieldError(atAccount, EkycPages.FIELD_BANK, "ciamkitEkycBankMissing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"123456789", "123456789012345", "12345678901a"})
        void a_malformed_account_number_makes_no_call(String number) {
            checks.start(form(EkycPages.FIELD_BANK, "004", EkycPages.FIELD_ACCOUNT, number), atAccount);

            then(verifier).shouldHaveNoInteractions();
            assertShownWithFieldError(atAccount, EkycPages.FIELD_ACCOUNT, "ciamkitEkycAccountInvalid");
        }

        @Test
        void an_account_not_in_the_name_is_rejected_on_its_field_and_counted_as_a_failed_factor() {
            given(verifier.startTransfer(any()))
                    .willReturn(TransferStart.without(result(
                            EkycOperation.TRANSFER_START, VerificationStatus.FAILED, EkycReason.HOLDER_MISMATCH)));

            checks.start(form(EkycPages.FIELD_BANK, "004", EkycPages.FIELD_ACCOUNT, "123456789012"), atAccount);

            then(event).should().error(EkycErrors.ACCOUNT_REJECTED);
            then(protector).should().failedLogin(any(), any(), any(), any(), any());
            assertShownWithFieldError(atAccount, EkycPages.FIELD_ACCOUNT, "ciamkitEkycAccountRejected");
        }

        @Test
        void a_vendor_outage_says_the_service_is_unavailable() {
            given(verifier.startTransfer(any()))
                    .willReturn(TransferStart.without(result(
                            EkycOperation.TRANSFER_START,
                            VerificationStatus.UNAVAILABLE,
                            EkycReason.VENDOR_UNREACHABLE)));

            checks.start(form(EkycPages.FIELD_BANK, "004", EkycPages.FIELD_ACCOUNT, "123456789012"), atAccount);

            then(event).should().error(EkycErrors.VENDOR_UNAVAILABLE);
            then(journey).should().show(eq(atAccount), eq(List.of()), eq("ciamkitEkycAccountUnavailable"));
            then(journey).should(never()).show(any(), anyList(), isNull());
        }
    }
}
