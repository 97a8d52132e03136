package dev.ciamkit.ekyc.step;

/** Event error codes of the eKYC step, next to Keycloak's {@code Errors}. */
public final class EkycErrors {

    /** The upload was missing, too large, not a JPEG/PNG, or the vendor could not read it (blurry, not an ID). */
    public static final String IMAGE_REJECTED = "ciamkit_ekyc_image_rejected";

    /** The issuing authority did not confirm the ID (forged, revoked, expired, details changed). */
    public static final String ID_REJECTED = "ciamkit_ekyc_id_rejected";

    /** The selfie did not match the ID's portrait, or was not live. */
    public static final String FACE_MISMATCH = "ciamkit_ekyc_face_mismatch";

    /** The account does not exist or is not in the verified name. */
    public static final String ACCOUNT_REJECTED = "ciamkit_ekyc_account_rejected";

    /** A wrong 1-won memo code: a guess, counted by Keycloak's brute-force protector. */
    public static final String CODE_INVALID = "ciamkit_ekyc_code_invalid";

    /** The 1-won transfer used up its tries or expired. */
    public static final String TRANSFER_FAILED = "ciamkit_ekyc_transfer_failed";

    /** The vendor did not answer in time, or is down (its circuit open): not the user's fault. */
    public static final String VENDOR_UNAVAILABLE = "ciamkit_ekyc_vendor_unavailable";

    /** The login runs in a session an admin started by impersonating the user: eKYC is refused there. */
    public static final String IMPERSONATED = "ciamkit_ekyc_impersonated";

    /** The user started more verifications today than the policy allows. */
    public static final String ATTEMPTS_EXCEEDED = "ciamkit_ekyc_attempts_exceeded";

    /** The methods still possible cannot meet the policy any more. */
    public static final String POLICY_UNREACHABLE = "ciamkit_ekyc_policy_unreachable";

    /** The form was sent with missing or malformed fields. */
    public static final String INVALID_INPUT = "ciamkit_ekyc_invalid_input";

    private EkycErrors() {}
}
