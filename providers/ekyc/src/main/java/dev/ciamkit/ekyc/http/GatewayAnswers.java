package dev.ciamkit.ekyc.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ciamkit.ekyc.spi.EkycOperation;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The common part of reading a gateway's answer ({@link Exchange}) into a {@link VerificationResult}: a 2xx body's
 * {@code result}, {@code reason}, {@code score} and {@code reference}, and what each refusal status and error code
 * means. Nothing the vendor writes passes through unchecked: unknown codes map to generic reasons, a score outside
 * 0..1 is dropped, a reference must be short printable ASCII.
 */
final class GatewayAnswers {

    private static final Pattern REFERENCE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /** What a 4xx error code may say about the input; anything else in a 4xx is our request's fault. */
    private static final Set<EkycReason> INPUT = EnumSet.of(
            EkycReason.IMAGE_INVALID,
            EkycReason.IMAGE_TOO_LARGE,
            EkycReason.IMAGE_BLURRY,
            EkycReason.IMAGE_NOT_ID,
            EkycReason.FACE_NOT_FOUND,
            EkycReason.ACCOUNT_INVALID);

    /** What a FAILED verdict may give as its reason. */
    private static final Set<EkycReason> VERDICTS = EnumSet.of(
            EkycReason.ID_FORGED,
            EkycReason.ID_REVOKED,
            EkycReason.ID_EXPIRED,
            EkycReason.FACE_MISMATCH,
            EkycReason.LIVENESS_FAILED,
            EkycReason.ACCOUNT_NOT_FOUND,
            EkycReason.HOLDER_MISMATCH,
            EkycReason.CODE_MISMATCH,
            EkycReason.ATTEMPTS_EXHAUSTED,
            EkycReason.TRANSFER_EXPIRED,
            EkycReason.TRANSFER_CLOSED,
            EkycReason.TRANSFER_NOT_FOUND);

    private GatewayAnswers() {}

    static VerificationResult read(EkycOperation operation, Exchange exchange, Duration elapsed) {
        if (exchange instanceof Exchange.NoAnswer none) {
            return VerificationResult.without(operation, none.status(), none.reason(), elapsed);
        }
        Exchange.Answered answered = (Exchange.Answered) exchange;
        if (answered.status() < 200 || answered.status() > 299) {
            return refusal(operation, answered, elapsed);
        }
        JsonNode body = answered.body();
        String result = body.path("result").asText("").toUpperCase(Locale.ROOT);
        if (!body.isObject() || !(result.equals("PASSED") || result.equals("FAILED"))) {
            return malformed(operation, elapsed);
        }
        EkycReason reason = result.equals("PASSED")
                ? EkycReason.OK
                : EkycReason.fromCode(body.path("reason").asText(""))
                        .filter(VERDICTS::contains)
                        .orElse(EkycReason.VENDOR_DECLINED);
        return new VerificationResult(
                operation,
                result.equals("PASSED") ? VerificationStatus.PASSED : VerificationStatus.FAILED,
                reason,
                score(body.path("score")),
                reference(body.path("reference")),
                elapsed);
    }

    /** A 2xx the contract does not allow: the vendor's fault, so no verdict. */
    static VerificationResult malformed(EkycOperation operation, Duration elapsed) {
        return VerificationResult.without(
                operation, VerificationStatus.UNAVAILABLE, EkycReason.VENDOR_MALFORMED_RESPONSE, elapsed);
    }

    /** The same verdict with another reason: the vendor's claim contradicted its own details. */
    static VerificationResult failedWith(VerificationResult result, EkycReason reason) {
        return new VerificationResult(
                result.operation(),
                VerificationStatus.FAILED,
                reason,
                result.score(),
                result.vendorReference(),
                result.elapsed());
    }

    static OptionalDouble score(JsonNode node) {
        return node.isNumber() && node.asDouble() >= 0 && node.asDouble() <= 1
                ? OptionalDouble.of(node.asDouble())
                : OptionalDouble.empty();
    }

    private static Optional<String> reference(JsonNode node) {
        return node.isTextual() && REFERENCE.matcher(node.asText()).matches()
                ? Optional.of(node.asText())
                : Optional.empty();
    }

    private static VerificationResult refusal(EkycOperation operation, Exchange.Answered answered, Duration elapsed) {
        int status = answered.status();
        Optional<EkycReason> code =
                EkycReason.fromCode(answered.body().path("error").asText(""));
        VerificationStatus outcome = VerificationStatus.UNAVAILABLE;
        EkycReason reason;
        if (status == 401 || status == 403) {
            reason = EkycReason.VENDOR_AUTH_FAILED;
        } else if (status == 429) {
            reason = EkycReason.VENDOR_RATE_LIMITED;
        } else if (status == 504) {
            outcome = VerificationStatus.TIMEOUT;
            reason = EkycReason.VENDOR_TIMEOUT;
        } else if (status >= 500 || status < 400) {
            reason = EkycReason.VENDOR_ERROR;
        } else if (code.filter(INPUT::contains).isPresent()) {
            outcome = VerificationStatus.INPUT_REJECTED;
            reason = code.get();
        } else if (status == 404
                && code.filter(EkycReason.TRANSFER_NOT_FOUND::equals).isPresent()) {
            outcome = VerificationStatus.FAILED;
            reason = EkycReason.TRANSFER_NOT_FOUND;
        } else if (status == 413) {
            outcome = VerificationStatus.INPUT_REJECTED;
            reason = EkycReason.IMAGE_TOO_LARGE;
        } else if (status == 422) {
            outcome = VerificationStatus.INPUT_REJECTED;
            reason = EkycReason.INPUT_REJECTED;
        } else {
            reason = EkycReason.VENDOR_REJECTED_REQUEST;
        }
        return VerificationResult.without(operation, outcome, reason, elapsed);
    }
}
