package dev.ciamkit.ekyc.step;

import dev.ciamkit.common.metrics.FactorMetrics;
import dev.ciamkit.ekyc.spi.EkycImage;
import dev.ciamkit.ekyc.spi.EkycOperation;
import dev.ciamkit.ekyc.spi.EkycVerifier;
import dev.ciamkit.ekyc.spi.FaceMatch;
import dev.ciamkit.ekyc.spi.FaceMatchRequest;
import dev.ciamkit.ekyc.spi.IdExtraction;
import dev.ciamkit.ekyc.spi.IdFields;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import dev.ciamkit.ekyc.step.EkycProgress.Person;
import dev.ciamkit.ekyc.step.EkycProgress.Stage;
import dev.ciamkit.ekyc.vault.EkycMethod;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.utils.FormMessage;

/**
 * The ID and face pages' work: reading the uploaded ID, then the authenticity check of the confirmed fields together
 * with the face match of the selfie, under one time budget. The account pages are {@link AccountChecks}.
 */
final class EkycChecks {

    private final EkycHost host;
    private final EkycPolicy policy;
    private final EkycPages pages;
    private final ProgressStore store;
    private final EkycVerifier verifier;
    private final EkycOrchestrator orchestrator;
    private final EkycJourney journey;
    private final AccountChecks accounts;

    EkycChecks(
            EkycHost host,
            EkycPolicy policy,
            EkycPages pages,
            ProgressStore store,
            EkycVerifier verifier,
            EkycOrchestrator orchestrator,
            EkycJourney journey) {
        this.host = host;
        this.policy = policy;
        this.pages = pages;
        this.store = store;
        this.verifier = verifier;
        this.orchestrator = orchestrator;
        this.journey = journey;
        this.accounts = new AccountChecks(host, policy, verifier, orchestrator, journey);
    }

    StepOutcome readId(FormInput input, EkycProgress progress) {
        ImageUpload.Result upload = ImageUpload.read(input.file(EkycPages.FIELD_ID_IMAGE), policy.maxImageBytes());
        if (upload.image().isEmpty()) {
            return imageProblem(progress, EkycPages.FIELD_ID_IMAGE, upload.problem());
        }
        if (!journey.attemptAllowed()) {
            Events.error(host, EkycErrors.ATTEMPTS_EXCEEDED, null);
            return new StepOutcome.Failed(journey.ended("ciamkitEkycAttemptsExceeded"));
        }
        EkycImage image = upload.image().get();
        IdExtraction read = orchestrator.run(
                EkycOperation.ID_OCR, () -> verifier.extractId(image), IdExtraction::without, policy.budget());
        VerificationResult result = read.result();
        switch (result.status()) {
            case PASSED -> {
                store.saveImage(ProgressStore.ID_IMAGE, image);
                return journey.show(progress.withPerson(Person.of(read.fields().orElseThrow())), List.of(), null);
            }
            case INPUT_REJECTED, FAILED -> {
                Events.error(host, EkycErrors.IMAGE_REJECTED, result.reason().code());
                return journey.show(progress, List.of(field(EkycPages.FIELD_ID_IMAGE, Messages.image(result))), null);
            }
            default -> {
                return vendorDown(progress, result);
            }
        }
    }

    StepOutcome confirm(FormInput input, EkycProgress progress) {
        EkycProgress current = progress;
        if (!current.personChecked()) {
            Optional<Person> confirmed = ConfirmedFields.read(input, current.person());
            if (confirmed.isEmpty()) {
                Events.error(host, EkycErrors.INVALID_INPUT, null);
                return journey.show(current, ConfirmedFields.problems(input, current.person()), null);
            }
            current = new EkycProgress(
                    current.stage(),
                    current.startedAt(),
                    confirmed.get(),
                    false,
                    current.passed(),
                    current.lost(),
                    current.faceFailures(),
                    current.transferId(),
                    current.idChecks());
        }
        boolean wantsAccount = input.has(EkycPages.USE_ACCOUNT)
                && pages.offers(EkycMethod.BANK_ACCOUNT, current.passedMethods(), current.lostMethods());
        boolean face =
                !wantsAccount && pages.offers(EkycMethod.FACE_MATCH, current.passedMethods(), current.lostMethods());
        Optional<EkycImage> selfie = Optional.empty();
        if (face) {
            ImageUpload.Result upload = ImageUpload.read(input.file(EkycPages.FIELD_SELFIE), policy.maxImageBytes());
            if (upload.image().isEmpty()) {
                return imageProblem(current, EkycPages.FIELD_SELFIE, upload.problem());
            }
            selfie = upload.image();
        }
        Optional<EkycImage> idImage = store.image(ProgressStore.ID_IMAGE);
        if (idImage.isEmpty()) {
            store.clear();
            return journey.show(EkycProgress.start(java.time.Instant.now()), List.of(), "ciamkitEkycStartOver");
        }
        return checkTogether(current, progress.person(), selfie, idImage.get(), wantsAccount);
    }

    /** The authenticity check and the face match, at once, within one budget. */
    /**
     * @param read the person as OCR read it: what is kept when the authenticity check did not answer, so a correction is
     *     always measured against the card, not against an earlier correction
     */
    private StepOutcome checkTogether(
            EkycProgress progress,
            EkycProgress.Person read,
            Optional<EkycImage> selfie,
            EkycImage idImage,
            boolean wantsAccount) {
        long deadline = EkycOrchestrator.deadline(policy.budget());
        IdFields fields = progress.person().fields();
        EkycOrchestrator.Pending<VerificationResult> authenticity = progress.personChecked()
                ? null
                : orchestrator.submit(EkycOperation.ID_AUTHENTICITY, () -> verifier.verifyId(fields), r -> r);
        EkycOrchestrator.Pending<FaceMatch> face = selfie.map(s -> orchestrator.submit(
                        EkycOperation.FACE_MATCH,
                        () -> verifier.matchFace(new FaceMatchRequest(s, idImage)),
                        FaceMatch::without))
                .orElse(null);
        EkycProgress next = progress;
        String message = null;
        List<FormMessage> errors = new java.util.ArrayList<>();
        if (authenticity != null) {
            next = next.withIdCheck();
            VerificationResult id = authenticity.await(deadline);
            if (id.passed()) {
                next = next.withPersonChecked(next.person()).withPassed(passed(EkycMethod.ID_DOCUMENT, id));
            } else if (id.status().isVerdict()) {
                if (face != null) {
                    face.await(deadline);
                }
                Events.error(host, EkycErrors.ID_REJECTED, id.reason().code());
                store.clear();
                FactorMetrics.global()
                        .record(
                                FactorMetrics.Factor.EKYC,
                                FactorMetrics.Outcome.INVALID,
                                host.session(),
                                FactorMetrics.start());
                return new StepOutcome.Failed(pages.ended(host.form(), "ciamkitEkycIdRejected"));
            } else if (id.status() == VerificationStatus.INPUT_REJECTED) {
                Events.error(host, EkycErrors.INVALID_INPUT, null);
                errors.add(field(EkycPages.FIELD_ID_NUMBER, "ciamkitEkycFieldsRejected"));
            } else {
                Events.error(host, EkycErrors.VENDOR_UNAVAILABLE, id.reason().code());
                message = "ciamkitEkycIdUnavailable";
            }
        }
        if (face != null) {
            FaceMatch match = face.await(deadline);
            VerificationResult result = match.result();
            if (result.passed()) {
                next = next.withPassed(passed(EkycMethod.FACE_MATCH, result));
                if (policy.keepImages()) {
                    store.saveImage(ProgressStore.SELFIE, selfie.get());
                }
            } else if (result.status().isVerdict()) {
                next = next.withFaceFailure();
                Events.error(host, EkycErrors.FACE_MISMATCH, result.reason().code());
                if (next.faceFailures() >= policy.maxFaceTries()) {
                    next = next.withLost(EkycMethod.FACE_MATCH);
                }
                errors.add(field(EkycPages.FIELD_SELFIE, "ciamkitEkycFaceMismatch"));
            } else if (result.status() == VerificationStatus.INPUT_REJECTED) {
                // a selfie the vendor could not use is a paid call too: it spends one of the selfie tries
                next = next.withFaceFailure();
                Events.error(host, EkycErrors.IMAGE_REJECTED, result.reason().code());
                if (next.faceFailures() >= policy.maxFaceTries()) {
                    next = next.withLost(EkycMethod.FACE_MATCH);
                }
                errors.add(field(EkycPages.FIELD_SELFIE, Messages.image(result)));
            } else {
                Events.error(
                        host, EkycErrors.VENDOR_UNAVAILABLE, result.reason().code());
                message = message == null ? "ciamkitEkycFaceUnavailable" : "ciamkitEkycServiceUnavailable";
            }
        }
        if (!next.personChecked()) {
            if (next.idChecks() >= EkycProgress.MAX_ID_CHECKS) {
                // the issuing authority did not answer (or took no details) this many times: this attempt ends
                return journey.advance(next.withLost(EkycMethod.ID_DOCUMENT));
            }
            return journey.show(next.withPerson(read), errors, message);
        }
        if (policy.metBy(next.passedMethods()) || next.lostMethods().contains(EkycMethod.FACE_MATCH)) {
            return journey.advance(next);
        }
        if (!errors.isEmpty() || message != null) {
            return journey.show(next, errors, message);
        }
        if (wantsAccount) {
            return journey.show(next.at(Stage.ACCOUNT), List.of(), null);
        }
        return journey.advance(next);
    }

    StepOutcome account(FormInput input, EkycProgress progress) {
        if (input.has(EkycPages.USE_FACE)
                && pages.offers(EkycMethod.FACE_MATCH, progress.passedMethods(), progress.lostMethods())) {
            return journey.show(progress.at(Stage.CONFIRM), List.of(), null);
        }
        return accounts.start(input, progress);
    }

    StepOutcome code(FormInput input, EkycProgress progress) {
        return accounts.confirm(input, progress);
    }

    private StepOutcome imageProblem(EkycProgress progress, String field, ImageUpload.Problem problem) {
        Events.error(host, EkycErrors.IMAGE_REJECTED, problem.name().toLowerCase(java.util.Locale.ROOT));
        FormMessage message = problem == ImageUpload.Problem.TOO_LARGE
                ? new FormMessage(field, Messages.upload(problem), String.valueOf(policy.maxImageBytes() / 1024))
                : field(field, Messages.upload(problem));
        return journey.show(progress, List.of(message), null);
    }

    private StepOutcome vendorDown(EkycProgress progress, VerificationResult result) {
        Events.error(host, EkycErrors.VENDOR_UNAVAILABLE, result.reason().code());
        FactorMetrics.global()
                .record(FactorMetrics.Factor.EKYC, FactorMetrics.Outcome.ERROR, host.session(), FactorMetrics.start());
        return journey.show(progress, List.of(), "ciamkitEkycServiceUnavailable");
    }

    static EkycProgress.Passed passed(EkycMethod method, VerificationResult result) {
        return new EkycProgress.Passed(
                method,
                result.vendorReference().orElse(null),
                result.score().isPresent() ? result.score().getAsDouble() : null,
                System.currentTimeMillis());
    }

    static FormMessage field(String name, String message) {
        return new FormMessage(name, message);
    }
}
