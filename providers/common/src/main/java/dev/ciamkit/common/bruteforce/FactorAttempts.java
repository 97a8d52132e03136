package dev.ciamkit.common.bruteforce;

import java.util.Set;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Reports our factors' attempts to Keycloak's brute-force protector as the category it counts for a second factor.
 *
 * <p>Keycloak 26.7's {@code DefaultBruteForceProtector} only counts the categories it knows (password, otp, recovery
 * codes). Our authenticators keep their own reference category (so the account console lists our credential types),
 * which makes {@code AuthenticationProcessor}'s own call a no-op for them; this class is the one call that counts, so
 * nothing counts twice. Quick-login check, temporary and permanent lockout, {@code maxSecondaryAuthFailures} and the
 * lockout events then follow the realm's brute-force settings exactly as for a wrong Keycloak OTP. Authenticators,
 * required actions and REST endpoints of every CIAM Kit factor (mobile OTP, PIN, SMS OTP) report through here.
 */
public final class FactorAttempts {

    /** The category Keycloak's protector counts as a second factor. */
    public static final String SECOND_FACTOR_CATEGORY = "otp";

    private FactorAttempts() {}

    /** One failed attempt (wrong, replayed, malformed or missing code; unknown device): counted once. */
    public static void failed(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user == null || !realm.isBruteForceProtected()) {
            return;
        }
        KeycloakContext context = session.getContext();
        session.getProvider(BruteForceProtector.class)
                .failedLogin(realm, user, context.getConnection(), context.getUri(), Set.of(SECOND_FACTOR_CATEGORY));
    }

    /** A passed factor, so the protector can reset what it resets for a passed Keycloak OTP. */
    public static void succeeded(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user == null || !realm.isBruteForceProtected()) {
            return;
        }
        KeycloakContext context = session.getContext();
        session.getProvider(BruteForceProtector.class)
                .successfulLogin(
                        realm, user, context.getConnection(), context.getUri(), Set.of(SECOND_FACTOR_CATEGORY));
    }

    /** Whether the protector holds the user locked (temporarily or permanently) right now. */
    public static boolean locked(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user == null || !realm.isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return protector.isPermanentlyLockedOut(session, realm, user)
                || protector.isTemporarilyDisabled(session, realm, user);
    }
}
