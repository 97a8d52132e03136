package dev.ciamkit.ekyc.step;

import dev.ciamkit.common.metrics.FactorMetrics;
import dev.ciamkit.ekyc.metrics.CheckEvent;
import dev.ciamkit.ekyc.spi.EkycVerifier;
import dev.ciamkit.ekyc.step.EkycProgress.Stage;
import dev.ciamkit.ekyc.vault.CompletedVerification;
import dev.ciamkit.ekyc.vault.EkycMethod;
import dev.ciamkit.ekyc.vault.EkycVault;
import dev.ciamkit.ekyc.vault.MethodResult;
import dev.ciamkit.ekyc.vault.Verification;
import dev.ciamkit.ekyc.vault.VerifiedPerson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One user's way through the eKYC pages, shared by the step-up authenticator and the required action: it says what
 * to show or that the user is verified; its caller turns that into a flow call. State between pages is the sealed
 * {@link EkycProgress}; nothing is stored in the vault before the policy is met.
 */
final class EkycJourney {

    static final String METHODS_DETAIL = "ekyc_methods";

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EkycJourney.class);

    private final EkycHost host;
    private final EkycPolicy policy;
    private final EkycPages pages;
    private final ProgressStore store;
    private final EkycChecks checks;

    EkycJourney(EkycHost host, EkycPolicy policy, EkycOrchestrator orchestrator) {
        this.host = host;
        this.policy = policy;
        this.pages = new EkycPages(policy);
        this.store = new ProgressStore(host.session(), host.authSession());
        EkycVerifier verifier = host.session().getProvider(EkycVerifier.class);
        this.checks = new EkycChecks(host, policy, pages, store, verifier, orchestrator, this);
    }

    /** The first visit: nothing to do for a user whose verification is still valid, else the current page. */
    StepOutcome begin(CheckEvent event) {
        if (Impersonation.active(host.session(), host.realm(), host.authSession(), host.user())) {
            return impersonated();
        }
        Optional<PendingForm> pending = PendingForm.take(host.session(), host.authSession());
        if (pending.isPresent()) {
            return submit(FormInput.of(pending.get()), event);
        }
        Optional<Verification> current = EkycVault.of(host.session()).current(host.realm(), host.user(), Instant.now());
        Instant now = Instant.now();
        if (current.isPresent()
                && current.get().methods().stream().filter(policy::allows).count() >= policy.required()
                // this step's own validity too: a verification made under a longer one elsewhere does not pass here
                && current.get().verifiedAt().plus(policy.validity()).isAfter(now)) {
            store.clear();
            host.event().detail(METHODS_DETAIL, wires(current.get().methods()));
            return new StepOutcome.Done(current.get());
        }
        return show(progress(), List.of(), null);
    }

    /** A posted page. */
    StepOutcome submit(CheckEvent event) {
        if (Impersonation.active(host.session(), host.realm(), host.authSession(), host.user())) {
            return impersonated();
        }
        return submit(FormInput.of(host.session().getContext().getHttpRequest()), event);
    }

    /** An admin acting as the user: no verification (it would replace the user's identity), nothing stored. */
    private StepOutcome impersonated() {
        store.clear();
        Events.error(host, EkycErrors.IMPERSONATED, null);
        return new StepOutcome.Failed(pages.ended(host.form(), "ciamkitEkycImpersonated"));
    }

    /** @param event the caller's timing of this request, told which check ran */
    private StepOutcome submit(FormInput input, CheckEvent event) {
        EkycProgress progress = progress();
        if (input.has(EkycPages.RESTART)) {
            store.clear();
            return show(EkycProgress.start(Instant.now()), List.of(), null);
        }
        event.stage(progress.stage().name().toLowerCase(java.util.Locale.ROOT));
        return switch (progress.stage()) {
            case ID -> checks.readId(input, progress);
            case CONFIRM -> checks.confirm(input, progress);
            case ACCOUNT -> checks.account(input, progress);
            case CODE -> checks.code(input, progress);
        };
    }

    /** After a method passed or was lost: done, the next method's page, or the end of this attempt. */
    StepOutcome advance(EkycProgress progress) {
        Set<EkycMethod> passed = progress.passedMethods();
        if (policy.metBy(passed)) {
            return complete(progress);
        }
        Set<EkycMethod> lost = progress.lostMethods();
        if (!policy.reachable(passed, lost) || lost.contains(EkycMethod.ID_DOCUMENT)) {
            store.clear();
            Events.error(host, EkycErrors.POLICY_UNREACHABLE, null);
            return new StepOutcome.Failed(pages.ended(host.form(), "ciamkitEkycPolicyUnreachable"));
        }
        Stage next = pages.offers(EkycMethod.FACE_MATCH, passed, lost) ? Stage.CONFIRM : Stage.ACCOUNT;
        EkycProgress moved = progress.at(next);
        store.save(moved);
        return show(moved, List.of(), null);
    }

    StepOutcome show(EkycProgress progress, List<FormMessage> errors, String message) {
        return new StepOutcome.Page(page(progress, errors, message));
    }

    /** Saves the progress and renders its page. */
    jakarta.ws.rs.core.Response page(EkycProgress progress, List<FormMessage> errors, String message) {
        store.save(progress);
        host.authSession().setAuthNote(PendingForm.RETURN_NOTE, host.returnUrl().toString());
        PendingForm.expectUpload(host.authSession(), imageField(progress), policy.maxImageBytes());
        return pages.show(
                host.form(), progress, errors, message, uploadUrl(), PendingForm.newToken(host.authSession()));
    }

    /**
     * Counts the attempt in its own transaction, so it holds even if this request fails, across nodes. A counter that
     * cannot be written (the database down, the user removed meanwhile) refuses the attempt.
     */
    boolean attemptAllowed() {
        int[] count = {Integer.MAX_VALUE};
        try {
            KeycloakModelUtils.runJobInTransaction(host.session().getKeycloakSessionFactory(), session -> {
                RealmModel realm = session.realms().getRealm(host.realm().getId());
                session.getContext().setRealm(realm);
                UserModel user = realm == null
                        ? null
                        : session.users().getUserById(realm, host.user().getId());
                if (user != null) {
                    count[0] = EkycVault.of(session).countAttempt(realm, user, LocalDate.now(ZoneOffset.UTC));
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(
                    "CIAM Kit eKYC: the attempt counter could not be written (%s)",
                    e.getClass().getName());
        }
        return count[0] <= policy.attemptsPerDay();
    }

    /** The page that ends this attempt, with its message; the progress is gone. */
    jakarta.ws.rs.core.Response ended(String message) {
        store.clear();
        return pages.ended(host.form(), message);
    }

    private StepOutcome complete(EkycProgress progress) {
        long started = FactorMetrics.start();
        EkycProgress.Person person = progress.person();
        List<MethodResult> methods =
                progress.passed().stream().map(EkycProgress.Passed::result).toList();
        CompletedVerification done = new CompletedVerification(
                methods,
                new VerifiedPerson(
                        person.type(),
                        person.familyName(),
                        person.givenName(),
                        LocalDate.parse(person.birthDate()),
                        person.idNumber()),
                Instant.ofEpochMilli(progress.startedAt()),
                Instant.now(),
                policy.keepImages() ? store.image(ProgressStore.ID_IMAGE) : Optional.empty(),
                policy.keepImages() ? store.image(ProgressStore.SELFIE) : Optional.empty());
        Verification verification;
        try {
            verification = EkycVault.of(host.session()).record(host.realm(), host.user(), done, policy.validity());
        } catch (RuntimeException e) {
            // whatever the vault wrote before it failed (the earlier verification withdrawn, the credential replaced)
            // must not commit without the new record: this request's writes roll back, the user may try again
            host.session().getTransactionManager().setRollbackOnly();
            LOG.warnf(
                    "CIAM Kit eKYC: a passed verification could not be stored (%s)",
                    e.getClass().getName());
            Events.error(host, EkycErrors.VENDOR_UNAVAILABLE, "store_failed");
            return show(progress, List.of(), "ciamkitEkycServiceUnavailable");
        }
        store.clear();
        host.event().detail(METHODS_DETAIL, wires(verification.methods()));
        FactorMetrics.global()
                .record(FactorMetrics.Factor.EKYC, FactorMetrics.Outcome.SUCCESS, host.session(), started);
        return new StepOutcome.Done(verification);
    }

    /** The image the progress's page asks for, if any. */
    private String imageField(EkycProgress progress) {
        if (progress.stage() == EkycProgress.Stage.ID) {
            return EkycPages.FIELD_ID_IMAGE;
        }
        boolean face = progress.stage() == EkycProgress.Stage.CONFIRM
                && pages.offers(EkycMethod.FACE_MATCH, progress.passedMethods(), progress.lostMethods());
        return face ? EkycPages.FIELD_SELFIE : null;
    }

    /** The upload endpoint for this login's image pages. */
    private String uploadUrl() {
        return host.session()
                .getContext()
                .getUri()
                .getBaseUriBuilder()
                .path("realms")
                .path(host.realm().getName())
                .path(dev.ciamkit.ekyc.upload.EkycUploadResourceFactory.ID)
                .path("upload")
                .queryParam("client_id", host.authSession().getClient().getClientId())
                .queryParam("tab_id", host.authSession().getTabId())
                .build()
                .toString();
    }

    private EkycProgress progress() {
        return store.progress().orElseGet(() -> EkycProgress.start(Instant.now()));
    }

    private static String wires(List<EkycMethod> methods) {
        return String.join(",", methods.stream().map(EkycMethod::wire).toList());
    }
}
