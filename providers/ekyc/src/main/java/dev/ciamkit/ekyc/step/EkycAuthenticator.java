package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.metrics.CheckEvent;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The eKYC step of a login: put it in the level-3 subflow behind Keycloak's Conditional - Level Of Authentication,
 * and the level is recorded when the subflow succeeds. A user whose verification is still valid passes without a page.
 */
final class EkycAuthenticator implements Authenticator {

    private final EkycOrchestrator orchestrator;

    EkycAuthenticator(EkycOrchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!enabledUser(context)) {
            return;
        }
        CheckEvent event = CheckEvent.started(CheckEvent.STEP, context.getAuthenticationSession());
        try {
            finish(context, journey(context).begin(event));
        } finally {
            event.finish();
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (!enabledUser(context)) {
            return;
        }
        CheckEvent event = CheckEvent.started(CheckEvent.STEP, context.getAuthenticationSession());
        try {
            finish(context, journey(context).submit(event));
        } finally {
            event.finish();
        }
    }

    private boolean enabledUser(AuthenticationFlowContext context) {
        if (context.getUser() == null) {
            context.failure(AuthenticationFlowError.UNKNOWN_USER);
            return false;
        }
        return true;
    }

    private EkycJourney journey(AuthenticationFlowContext context) {
        EkycPolicy policy = EkycStepConfig.of(context.getAuthenticatorConfig()).policy();
        return new EkycJourney(new Host(context), policy, orchestrator);
    }

    private static void finish(AuthenticationFlowContext context, StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Done) {
            context.success();
        } else if (outcome instanceof StepOutcome.Page page) {
            context.challenge(page.page());
        } else if (outcome instanceof StepOutcome.Guess guess) {
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, guess.page());
        } else if (outcome instanceof StepOutcome.Failed failed) {
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, failed.page());
        }
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        // every user can verify: the step itself is the enrolment
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}

    private record Host(AuthenticationFlowContext context) implements EkycHost {
        @Override
        public KeycloakSession session() {
            return context.getSession();
        }

        @Override
        public RealmModel realm() {
            return context.getRealm();
        }

        @Override
        public UserModel user() {
            return context.getUser();
        }

        @Override
        public AuthenticationSessionModel authSession() {
            return context.getAuthenticationSession();
        }

        @Override
        public LoginFormsProvider form() {
            return context.form().setExecution(context.getExecution().getId());
        }

        @Override
        public EventBuilder event() {
            return context.getEvent();
        }

        @Override
        public java.net.URI returnUrl() {
            return new org.keycloak.services.util.AuthenticationFlowURLHelper(
                            context.getSession(), context.getRealm(), context.getUriInfo())
                    .getLastExecutionUrl(
                            org.keycloak.services.resources.LoginActionsService.AUTHENTICATE_PATH,
                            context.getExecution().getId(),
                            context.getAuthenticationSession().getClient().getClientId(),
                            context.getAuthenticationSession().getTabId(),
                            org.keycloak.authentication.AuthenticationProcessor.getClientData(
                                    context.getSession(), context.getAuthenticationSession()));
        }
    }
}
