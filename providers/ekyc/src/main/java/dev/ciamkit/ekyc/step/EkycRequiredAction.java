package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.metrics.CheckEvent;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Application-initiated verification ({@code kc_action=ciamkit-ekyc-verify}), and the account console's "set up" of
 * the eKYC credential: the same pages and policy as the step, configured on the required action.
 */
final class EkycRequiredAction implements RequiredActionProvider {

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        CheckEvent event = CheckEvent.started(CheckEvent.STEP, context.getAuthenticationSession());
        try {
            finish(context, journey(context).begin(event));
        } finally {
            event.finish();
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        CheckEvent event = CheckEvent.started(CheckEvent.STEP, context.getAuthenticationSession());
        try {
            finish(context, journey(context).submit(event));
        } finally {
            event.finish();
        }
    }

    private static EkycJourney journey(RequiredActionContext context) {
        EkycPolicy policy = EkycStepConfig.of(
                        context.getConfig() == null ? null : context.getConfig().getConfig())
                .policy();
        return new EkycJourney(new Host(context), policy, EkycAuthenticatorFactory.orchestrator(context.getSession()));
    }

    private static void finish(RequiredActionContext context, StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Done) {
            context.success();
        } else if (outcome instanceof StepOutcome.Page page) {
            context.challenge(page.page());
        } else if (outcome instanceof StepOutcome.Guess guess) {
            context.challenge(guess.page());
        } else if (outcome instanceof StepOutcome.Failed failed) {
            context.challenge(failed.page());
        }
    }

    @Override
    public void close() {}

    private record Host(RequiredActionContext context) implements EkycHost {
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
            return context.form();
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
                            org.keycloak.services.resources.LoginActionsService.REQUIRED_ACTION,
                            EkycRequiredActionFactory.ID,
                            context.getAuthenticationSession().getClient().getClientId(),
                            context.getAuthenticationSession().getTabId(),
                            org.keycloak.authentication.AuthenticationProcessor.getClientData(
                                    context.getSession(), context.getAuthenticationSession()));
        }
    }
}
