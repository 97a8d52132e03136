package dev.ciamkit.risk.flow;

import dev.ciamkit.risk.engine.RiskAssessment;
import dev.ciamkit.risk.engine.RiskLevel;
import java.util.Optional;
import org.keycloak.events.EventBuilder;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Where an assessment lives during a login (auth-session notes) and after it (user-session notes, copied by Keycloak
 * when the login completes): the level the login passed with is what the refresh re-check compares against.
 */
public final class RiskNotes {

    public static final String LEVEL = "ciamkit.risk.level";
    public static final String SCORE = "ciamkit.risk.score";
    public static final String REASONS = "ciamkit.risk.reasons";
    /** Whom the assessment is about: a flow that moves to another user (the reset after a login) assesses again. */
    public static final String USER = "ciamkit.risk.user";
    /** Sealed: what to learn once the login succeeds (device, place, hour). */
    public static final String LEARN = "ciamkit.risk.learn";

    /** Event details. Reasons are codes, never addresses or places. */
    public static final String DETAIL_LEVEL = "ciamkit_risk_level";

    public static final String DETAIL_SCORE = "ciamkit_risk_score";
    public static final String DETAIL_REASONS = "ciamkit_risk_reasons";

    private RiskNotes() {}

    static void store(
            AuthenticationSessionModel authSession,
            RiskAssessment assessment,
            String learn,
            org.keycloak.models.UserModel user) {
        authSession.setAuthNote(USER, user == null ? "" : user.getId());
        authSession.setAuthNote(LEVEL, assessment.level().name());
        authSession.setAuthNote(SCORE, Integer.toString(assessment.score()));
        authSession.setAuthNote(REASONS, assessment.reasons());
        authSession.setUserSessionNote(LEVEL, assessment.level().name());
        if (learn != null) {
            authSession.setUserSessionNote(LEARN, learn);
        }
    }

    /** Puts the login's assessment (level, score, reason codes) in this request's event, when there is one. */
    public static void describe(EventBuilder event, AuthenticationSessionModel authSession) {
        if (event == null || authSession == null || authSession.getAuthNote(LEVEL) == null) {
            return;
        }
        event.detail(DETAIL_LEVEL, authSession.getAuthNote(LEVEL))
                .detail(DETAIL_SCORE, authSession.getAuthNote(SCORE))
                .detail(DETAIL_REASONS, authSession.getAuthNote(REASONS));
    }

    /** Whether this login was assessed already, for this user. */
    static boolean assessedFor(AuthenticationSessionModel authSession, org.keycloak.models.UserModel user) {
        String assessed = authSession.getAuthNote(USER);
        return authSession.getAuthNote(LEVEL) != null
                && assessed != null
                && assessed.equals(user == null ? "" : user.getId());
    }

    /** The level assessed in this login, or empty when no evaluator ran (yet). */
    public static Optional<RiskLevel> level(AuthenticationSessionModel authSession) {
        return authSession == null ? Optional.empty() : RiskLevel.parse(authSession.getAuthNote(LEVEL));
    }
}
