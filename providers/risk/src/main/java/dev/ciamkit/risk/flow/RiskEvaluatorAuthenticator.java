package dev.ciamkit.risk.flow;

import dev.ciamkit.risk.device.DeviceCookie;
import dev.ciamkit.risk.engine.RiskAssessment;
import dev.ciamkit.risk.engine.RiskEngine;
import dev.ciamkit.risk.engine.RiskLevel;
import dev.ciamkit.risk.profile.LearnNote;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import java.util.Map;
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
 * Issues a fresh device cookie at each assessment (the id rotates), so what is remembered once this login succeeds is
 * an id this browser received during the login, never one that was planted in it or copied from it.
 */
final class RiskEvaluatorAuthenticator implements Authenticator {

    static final String ACCOUNT_ACTION = "account_action";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (RiskNotes.level(context.getAuthenticationSession()).isEmpty()) {
            KeycloakSession session = context.getSession();
            RealmModel realm = context.getRealm();
            UserModel user = context.getUser();
            String verified = DeviceCookie.verifiedId(session, realm).orElse(null);
            String deviceId = DeviceCookie.issueFresh(session, realm);
            Map<String, String> config = config(context.getAuthenticatorConfig());
            RiskInput input = RiskInputs.of(session, realm, user, RiskPhase.LOGIN, verified, config);
            RiskAssessment assessment = RiskEngine.assess(input);
            if (context.getAuthenticationSession().getClientNote(Constants.KC_ACTION) != null) {
                // An application-initiated action (register a device, change the phone or the PIN) re-authenticates
                // through this flow: it changes the user's factors, so it always costs one (never LOW).
                assessment = assessment.atLeast(RiskLevel.MEDIUM, ACCOUNT_ACTION);
            }
            String learn = user == null
                    ? null
                    : new LearnNote(assessment.at().getEpochSecond(), deviceId, verified, assessment.observed())
                            .seal(session, user.getId());
            RiskNotes.store(context.getAuthenticationSession(), assessment, learn);
        }
        RiskNotes.describe(context.getEvent(), context.getAuthenticationSession());
        context.success();
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
