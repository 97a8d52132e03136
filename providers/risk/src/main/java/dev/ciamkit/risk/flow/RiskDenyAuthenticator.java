package dev.ciamkit.risk.flow;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Ends the login with a localized page that gives a support reference and never the reasons (they would teach an
 * attacker what to change). The reference is in the event, beside level and reasons, so support finds the case.
 */
final class RiskDenyAuthenticator implements Authenticator {

    static final String TEMPLATE = "ciamkit-risk-deny.ftl";
    static final String ERROR = "ciamkit_risk_denied";
    static final String DETAIL_REFERENCE = "ciamkit_support_reference";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        String reference = HexFormat.of().withUpperCase().formatHex(bytes);
        context.getEvent()
                .detail(DETAIL_REFERENCE, reference)
                .detail(
                        RiskNotes.DETAIL_LEVEL,
                        context.getAuthenticationSession().getAuthNote(RiskNotes.LEVEL))
                .detail(
                        RiskNotes.DETAIL_REASONS,
                        context.getAuthenticationSession().getAuthNote(RiskNotes.REASONS));
        if (context.getUser() != null) {
            context.getEvent().user(context.getUser());
        }
        context.getEvent().error(ERROR);
        // The page is the end: a post back to it runs this step again, which refuses again.
        context.forceChallenge(context.form()
                .setAttribute("ciamkitSupportReference", reference)
                .createForm(TEMPLATE));
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
