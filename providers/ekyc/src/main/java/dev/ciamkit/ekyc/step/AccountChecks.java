package dev.ciamkit.ekyc.step;

import dev.ciamkit.common.bruteforce.FactorAttempts;
import dev.ciamkit.common.metrics.FactorMetrics;
import dev.ciamkit.ekyc.spi.BankAccount;
import dev.ciamkit.ekyc.spi.EkycOperation;
import dev.ciamkit.ekyc.spi.EkycVerifier;
import dev.ciamkit.ekyc.spi.TransferCode;
import dev.ciamkit.ekyc.spi.TransferConfirmation;
import dev.ciamkit.ekyc.spi.TransferStart;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import dev.ciamkit.ekyc.step.EkycProgress.Stage;
import dev.ciamkit.ekyc.vault.EkycMethod;
import java.util.List;
import java.util.Optional;

/**
 * The 1-won account pages: the transfer to the account the user names (in the verified name), then the memo code.
 * A wrong code is a guess: it is an event with an error code and a failure in Keycloak's brute-force protector,
 * through the shared {@link FactorAttempts}, and a locked user is not asked for a code at all.
 */
final class AccountChecks {

    private final EkycHost host;
    private final EkycPolicy policy;
    private final EkycVerifier verifier;
    private final EkycOrchestrator orchestrator;
    private final EkycJourney journey;

    AccountChecks(
            EkycHost host,
            EkycPolicy policy,
            EkycVerifier verifier,
            EkycOrchestrator orchestrator,
            EkycJourney journey) {
        this.host = host;
        this.policy = policy;
        this.verifier = verifier;
        this.orchestrator = orchestrator;
        this.journey = journey;
    }

    StepOutcome start(FormInput input, EkycProgress progress) {
        if (FactorAttempts.locked(host.session(), host.realm(), host.user())) {
            Events.error(host, org.keycloak.events.Errors.USER_TEMPORARILY_DISABLED, null);
            return journey.show(progress, List.of(), "ciamkitEkycLocked");
        }
        Optional<String> bank = input.text(EkycPages.FIELD_BANK).filter(EkycPages.BANKS::contains);
        Optional<String> number = input.text(EkycPages.FIELD_ACCOUNT)
                .map(n -> n.replaceAll("[ -]", ""))
                .filter(n -> n.matches("\\d{10,14}"));
        if (bank.isEmpty() || number.isEmpty()) {
            Events.error(host, EkycErrors.INVALID_INPUT, null);
            return journey.show(
                    progress,
                    List.of(EkycChecks.field(
                            bank.isEmpty() ? EkycPages.FIELD_BANK : EkycPages.FIELD_ACCOUNT,
                            bank.isEmpty() ? "ciamkitEkycBankMissing" : "ciamkitEkycAccountInvalid")),
                    null);
        }
        if (!journey.attemptAllowed()) {
            // each transfer sends money and a memo to an account: it spends one of the day's attempts
            Events.error(host, EkycErrors.ATTEMPTS_EXCEEDED, null);
            return new StepOutcome.Failed(journey.ended("ciamkitEkycAttemptsExceeded"));
        }
        String holder =
                Names.join(progress.person().familyName(), progress.person().givenName());
        BankAccount account = new BankAccount(bank.get(), number.get(), holder);
        TransferStart started = orchestrator.run(
                EkycOperation.TRANSFER_START,
                () -> verifier.startTransfer(account),
                TransferStart::without,
                policy.budget());
        VerificationResult result = started.result();
        if (result.passed()) {
            return journey.show(progress.withTransfer(started.transferId().orElseThrow()), List.of(), null);
        }
        if (result.status().isVerdict() || result.status() == VerificationStatus.INPUT_REJECTED) {
            Events.error(host, EkycErrors.ACCOUNT_REJECTED, result.reason().code());
            // whether an account is in a given name is worth guessing: each refusal counts as a failed factor
            FactorAttempts.failed(host.session(), host.realm(), host.user());
            return journey.show(
                    progress, List.of(EkycChecks.field(EkycPages.FIELD_ACCOUNT, "ciamkitEkycAccountRejected")), null);
        }
        Events.error(host, EkycErrors.VENDOR_UNAVAILABLE, result.reason().code());
        return journey.show(progress, List.of(), "ciamkitEkycAccountUnavailable");
    }

    StepOutcome confirm(FormInput input, EkycProgress progress) {
        if (FactorAttempts.locked(host.session(), host.realm(), host.user())) {
            Events.error(host, org.keycloak.events.Errors.USER_TEMPORARILY_DISABLED, null);
            return journey.show(progress, List.of(), "ciamkitEkycLocked");
        }
        long started = FactorMetrics.start();
        Optional<String> code = input.text(EkycPages.FIELD_CODE).filter(c -> c.matches("[0-9A-Za-z]{1,10}"));
        if (code.isEmpty()) {
            return wrongCode(progress, started, Optional.empty());
        }
        TransferConfirmation confirmation = orchestrator.run(
                EkycOperation.TRANSFER_CONFIRM,
                () -> verifier.confirmTransfer(new TransferCode(progress.transferId(), code.get())),
                TransferConfirmation::without,
                policy.budget());
        VerificationResult result = confirmation.result();
        if (result.passed()) {
            FactorAttempts.succeeded(host.session(), host.realm(), host.user());
            return journey.advance(progress.withPassed(EkycChecks.passed(EkycMethod.BANK_ACCOUNT, result)));
        }
        switch (result.reason()) {
            case CODE_MISMATCH -> {
                return wrongCode(
                        progress,
                        started,
                        confirmation.attemptsLeft().stream().boxed().findFirst());
            }
            case ATTEMPTS_EXHAUSTED -> {
                // the last wrong code: a guess like the others, and this transfer is spent
                Events.error(host, EkycErrors.CODE_INVALID, result.reason().code());
                FactorAttempts.failed(host.session(), host.realm(), host.user());
                FactorMetrics.global()
                        .record(FactorMetrics.Factor.EKYC, FactorMetrics.Outcome.EXHAUSTED, host.session(), started);
                return new StepOutcome.Guess(
                        journey.page(progress.at(Stage.ACCOUNT), List.of(), "ciamkitEkycTransferEnded"));
            }
            case TRANSFER_EXPIRED, TRANSFER_CLOSED, TRANSFER_NOT_FOUND -> {
                Events.error(host, EkycErrors.TRANSFER_FAILED, result.reason().code());
                return journey.show(progress.at(Stage.ACCOUNT), List.of(), "ciamkitEkycTransferEnded");
            }
            default -> {
                Events.error(
                        host, EkycErrors.VENDOR_UNAVAILABLE, result.reason().code());
                return journey.show(progress, List.of(), "ciamkitEkycAccountUnavailable");
            }
        }
    }

    private StepOutcome wrongCode(EkycProgress progress, long started, Optional<Integer> left) {
        Events.error(host, EkycErrors.CODE_INVALID, null);
        FactorAttempts.failed(host.session(), host.realm(), host.user());
        FactorMetrics.global()
                .record(FactorMetrics.Factor.EKYC, FactorMetrics.Outcome.INVALID, host.session(), started);
        org.keycloak.models.utils.FormMessage message = left.filter(n -> n > 0)
                .map(n ->
                        new org.keycloak.models.utils.FormMessage(EkycPages.FIELD_CODE, "ciamkitEkycCodeWrongLeft", n))
                .orElseGet(() -> EkycChecks.field(EkycPages.FIELD_CODE, "ciamkitEkycCodeWrong"));
        return new StepOutcome.Guess(journey.page(progress, List.of(message), null));
    }
}
