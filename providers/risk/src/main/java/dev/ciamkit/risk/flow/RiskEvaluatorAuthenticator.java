package dev.ciamkit.risk.flow;

import dev.ciamkit.risk.device.DeviceCookie;
import dev.ciamkit.risk.engine.RiskAssessment;
import dev.ciamkit.risk.engine.RiskEngine;
import dev.ciamkit.risk.engine.RiskLevel;
import dev.ciamkit.risk.engine.RiskMetrics;
import dev.ciamkit.risk.profile.LearnNote;
import dev.ciamkit.risk.report.RiskAssessmentLog;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import java.util.Map;
import java.util.Set;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Assesses the login's risk once per login, after the user is known, and keeps the assessment in the auth session for
 * the {@code ciamkit-risk-level} conditions that follow. It never fails a login by itself: denying is the deny step's
 * job, so a flow decides what each level costs. Puts level, score and reason codes in the event (never addresses).
 * The device cookie's id rotates when the login succeeds (see the learner), so what is remembered is an id this browser
 * received on that response, never one that was planted in it or copied from it.
 */
final class RiskEvaluatorAuthenticator implements Authenticator {

    static final String ACCOUNT_ACTION = "account_action";
    /** The required actions that set or change a factor: a login that leads to one is never LOW. */
    static final Set<String> FACTOR_ACTIONS =
            Set.of("ciamkit-mobile-otp-register", "ciamkit-phone-register", "ciamkit-pin-register");

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (!RiskNotes.assessedFor(context.getAuthenticationSession(), user)) {
            KeycloakSession session = context.getSession();
            RealmModel realm = context.getRealm();
            String verified = DeviceCookie.verifiedId(session, realm).orElse(null);
            Map<String, String> config = config(context.getAuthenticatorConfig());
            RiskInput input = RiskInputs.of(
                    session, realm, user, RiskPhase.LOGIN, verified, context.getAuthenticationSession(), config);
            RiskAssessment assessment = RiskEngine.assess(input);
            if (changesFactors(context, user)) {
                // An application-initiated action (kc_action) or a pending one set by an admin registers a device or
                // changes the phone or the PIN: that always costs a current factor, never the password alone.
                assessment = assessment.atLeast(RiskLevel.MEDIUM, ACCOUNT_ACTION);
            }
            RiskMetrics.global().decided(RiskPhase.LOGIN, realm, assessment.level());
            // The device id rotates only when the login succeeds (the learner issues the new cookie on that response).
            String learn = user == null
                    ? null
                    : new LearnNote(assessment.at().getEpochSecond(), null, verified, assessment.observed())
                            .seal(session, user.getId());
            RiskNotes.store(context.getAuthenticationSession(), assessment, learn, user);
            if (user != null) {
                RiskAssessmentLog.record(
                        session,
                        realm.getId(),
                        user.getId(),
                        RiskPhase.LOGIN,
                        context.getAuthenticationSession().getClient().getClientId(),
                        assessment);
            }
        }
        RiskNotes.describe(context.getEvent(), context.getAuthenticationSession());
        context.success();
    }

    private static boolean changesFactors(AuthenticationFlowContext context, UserModel user) {
        return context.getAuthenticationSession().getClientNote(Constants.KC_ACTION) != null
                || (user != null && user.getRequiredActionsStream().anyMatch(FACTOR_ACTIONS::contains));
    }

    static Map<String, String> config(AuthenticatorConfigModel model) {
        return model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
