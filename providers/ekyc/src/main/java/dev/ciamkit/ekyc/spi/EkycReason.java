package dev.ciamkit.ekyc.spi;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why an operation ended as it did: a closed set of stable codes ({@link #code()}), the same strings as the gateway
 * contract's reason and error codes, so they can be event error details, message keys and metric values. A vendor's
 * code outside this set never passes through: it becomes {@link #VENDOR_DECLINED} or {@link #INPUT_REJECTED}.
 */
public enum EkycReason {
    /** It passed. */
    OK("ok"),

    // the image (OCR, face match): INPUT_REJECTED
    /** Not a PNG or JPEG that decodes, or a media type the gateway does not read. */
    IMAGE_INVALID("image_invalid"),
    /** Larger than the gateway (or the verifier's {@code max-image-bytes}) accepts. */
    IMAGE_TOO_LARGE("image_too_large"),
    /** Too blurry, dark or small to read. */
    IMAGE_BLURRY("image_blurry"),
    /** No ID document found in the image. */
    IMAGE_NOT_ID("image_not_id"),
    /** No face found in the selfie. */
    FACE_NOT_FOUND("face_not_found"),
    /** Another input the gateway could not use, with a code outside this set. */
    INPUT_REJECTED("input_rejected"),

    // authenticity: FAILED
    /** The issuing authority has no such ID with these details (forged, or details altered). */
    ID_FORGED("id_forged"),
    /** The ID was reported lost or stolen, or withdrawn. */
    ID_REVOKED("id_revoked"),
    /** The ID is past its expiry date. */
    ID_EXPIRED("id_expired"),

    // face match: FAILED
    /** The selfie shows someone else than the ID's portrait. */
    FACE_MISMATCH("face_mismatch"),
    /** The selfie was not a live person (a photo, a screen, a mask). */
    LIVENESS_FAILED("liveness_failed"),

    // 1-won transfer
    /** Bank code or account number malformed (INPUT_REJECTED). */
    ACCOUNT_INVALID("account_invalid"),
    /** No such account at that bank (FAILED). */
    ACCOUNT_NOT_FOUND("account_not_found"),
    /** The account belongs to someone else than the named holder (FAILED). */
    HOLDER_MISMATCH("holder_mismatch"),
    /** The code is not the memo's (FAILED): a guess, counted by the caller. */
    CODE_MISMATCH("code_mismatch"),
    /** The transfer's tries are used up (FAILED): start a new one. */
    ATTEMPTS_EXHAUSTED("attempts_exhausted"),
    /** The transfer's time is over (FAILED): start a new one. */
    TRANSFER_EXPIRED("transfer_expired"),
    /** The transfer was confirmed already (FAILED). */
    TRANSFER_CLOSED("transfer_closed"),
    /** The gateway knows no such transfer (FAILED). */
    TRANSFER_NOT_FOUND("transfer_not_found"),

    /** A FAILED verdict whose reason the gateway gave with a code outside this set. */
    VENDOR_DECLINED("vendor_declined"),

    // no answer: UNAVAILABLE or TIMEOUT
    /** The verifier has no gateway URL or its API key is missing (UNAVAILABLE). */
    NOT_CONFIGURED("not_configured"),
    /** The method's circuit breaker is open after repeated failures: not called (UNAVAILABLE). */
    CIRCUIT_OPEN("circuit_open"),
    /** No answer within the read timeout or the call's deadline, or the gateway's 504 (TIMEOUT). */
    VENDOR_TIMEOUT("vendor_timeout"),
    /** Connection refused, DNS or TLS failure (UNAVAILABLE). */
    VENDOR_UNREACHABLE("vendor_unreachable"),
    /** The gateway answered 5xx (UNAVAILABLE). */
    VENDOR_ERROR("vendor_error"),
    /** A 2xx body that is not the contract's JSON (UNAVAILABLE). */
    VENDOR_MALFORMED_RESPONSE("vendor_malformed_response"),
    /** 401 or 403: the API key is wrong or lacks the right (UNAVAILABLE). */
    VENDOR_AUTH_FAILED("vendor_auth_failed"),
    /** 429 (UNAVAILABLE). */
    VENDOR_RATE_LIMITED("vendor_rate_limited"),
    /** Another 4xx: the gateway refused our request as malformed; a bug or a contract mismatch (UNAVAILABLE). */
    VENDOR_REJECTED_REQUEST("vendor_rejected_request");

    private final String code;

    EkycReason(String code) {
        this.code = code;
    }

    /** The stable string: lower-case, {@code [a-z_]+}. */
    public String code() {
        return code;
    }

    public static Optional<EkycReason> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
