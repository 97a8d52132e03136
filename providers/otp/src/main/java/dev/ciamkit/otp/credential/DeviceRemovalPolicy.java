package dev.ciamkit.otp.credential;

import dev.ciamkit.common.credential.RecentLogin;
import dev.ciamkit.otp.store.DeviceStates;
import java.util.function.ToIntFunction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Whether a device may be removed now. Keycloak asks {@code isRemoveable()} of the credential type both when the
 * account console lists devices (a GET) and when a device is deleted (the deprecated account REST {@code DELETE}, or
 * the {@code delete_credential} required action's POST), so the answer depends on the request:
 *
 * <ul>
 *   <li>never the user's last device, on any request: a thief with a password and a token must not be able to leave
 *       the account without a device, and the user switches phones by enrolling the new one first;
 *   <li>on the account REST {@code DELETE}, only with a token whose {@code auth_time} is within the
 *       {@code delete_credential} action's {@code max_auth_age}: that path checks neither the login's age nor the
 *       factor (the required action's own {@code max_auth_age} does for the browser path).
 * </ul>
 */
final class DeviceRemovalPolicy {

    private final KeycloakSession session;
    private final ToIntFunction<UserModel> lockedDeviceCount;

    DeviceRemovalPolicy(KeycloakSession session) {
        this(
                session,
                user -> new DeviceStates(session)
                        .lockAllOf(session.getContext().getRealm().getId(), user.getId()));
    }

    /** With how a removal counts the user's devices under a lock (tests give their own). */
    DeviceRemovalPolicy(KeycloakSession session, ToIntFunction<UserModel> lockedDeviceCount) {
        this.session = session;
        this.lockedDeviceCount = lockedDeviceCount;
    }

    boolean removeable(UserModel user) {
        if (user == null || deviceCount(user) < 2) {
            return false;
        }
        if (RecentLogin.isRead(session)) {
            return true;
        }
        // A removal: counted again with the user's device rows locked until this request's transaction ends, so two
        // removals in parallel (two tabs, two nodes) cannot both see two devices and leave none.
        if (lockedDeviceCount.applyAsInt(user) < 2) {
            return false;
        }
        if (!RecentLogin.isRestDelete(session)) {
            // The delete_credential required action (a login-actions POST): Keycloak already re-authenticated the
            // user when the login was older than that action's max_auth_age.
            return true;
        }
        return RecentLogin.bearerTokenIsRecent(session);
    }

    private static long deviceCount(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(MobileOtpCredentialModel.TYPE)
                .count();
    }
}
