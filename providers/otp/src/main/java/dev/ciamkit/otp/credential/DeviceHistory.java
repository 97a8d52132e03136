package dev.ciamkit.otp.credential;

import org.keycloak.models.UserModel;

/**
 * Remembers that a user has had a device, so that losing the last one (removed by an admin, or a race) never turns the
 * next password-only login into an enrolment. Kept as a user attribute with our prefix: the realm's user profile does
 * not declare it, so neither the account console nor the account REST can read or write it; only our admin reset
 * clears it, which allows one re-enrolment.
 */
public final class DeviceHistory {

    /** The user attribute; its presence means "has had a device". */
    public static final String ATTRIBUTE = "ciamkit.otp.enrolled";

    private DeviceHistory() {}

    public static void recordEnrolled(UserModel user) {
        if (!hadDevice(user)) {
            user.setSingleAttribute(ATTRIBUTE, "true");
        }
    }

    public static boolean hadDevice(UserModel user) {
        return user.getFirstAttribute(ATTRIBUTE) != null;
    }

    /** True when the user has had a device and has none now: only an admin reset lets them enrol again. */
    public static boolean lostAllDevices(UserModel user) {
        return hadDevice(user) && !hasDevice(user);
    }

    public static boolean hasDevice(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(MobileOtpCredentialModel.TYPE)
                .findAny()
                .isPresent();
    }

    /**
     * Auth-session note: this login passed the SMS fallback after every device was lost, so the enrolment action may
     * register a new device in this login only. The user keeps the "had a device" marker until one is stored, so a
     * later login with the password alone still cannot enrol.
     */
    public static final String REENROL_AFTER_SMS = "ciamkit.otp.reenrol-after-sms";

    /** The admin reset: the next login enrols a device again. */
    public static void allowReEnrolment(UserModel user) {
        user.removeAttribute(ATTRIBUTE);
    }
}
