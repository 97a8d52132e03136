package dev.ciamkit.ekyc.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ciamkit.ekyc.metrics.EkycMetrics;
import dev.ciamkit.ekyc.spi.BankAccount;
import dev.ciamkit.ekyc.spi.EkycImage;
import dev.ciamkit.ekyc.spi.EkycOperation;
import dev.ciamkit.ekyc.spi.EkycOutcome;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.EkycVerifier;
import dev.ciamkit.ekyc.spi.FaceMatch;
import dev.ciamkit.ekyc.spi.FaceMatchRequest;
import dev.ciamkit.ekyc.spi.IdExtraction;
import dev.ciamkit.ekyc.spi.IdFields;
import dev.ciamkit.ekyc.spi.TransferCode;
import dev.ciamkit.ekyc.spi.TransferConfirmation;
import dev.ciamkit.ekyc.spi.TransferStart;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The {@code http} verifier: each operation one POST of the gateway contract through {@link GatewayTransport}, behind
 * the operation's {@link CircuitBreaker}, timed into {@link EkycMetrics}. Logs the operation, outcome, reason and
 * attempts, never what was sent or answered.
 */
final class HttpEkycVerifier implements EkycVerifier {

    static final String OCR = "/v1/id/ocr";
    static final String VERIFY = "/v1/id/verify";
    static final String FACE = "/v1/face/match";
    static final String TRANSFERS = "/v1/account/transfers";

    private static final Logger LOG = Logger.getLogger(HttpEkycVerifier.class);

    private final HttpEkycConfig config;
    private final GatewayTransport transport;
    private final CircuitBreakers breakers;
    private final EkycMetrics metrics;

    /** @param transport null when the verifier cannot call (no base URL, or its key's vault entry is missing) */
    HttpEkycVerifier(HttpEkycConfig config, GatewayTransport transport, CircuitBreakers breakers, EkycMetrics metrics) {
        this.config = config;
        this.transport = transport;
        this.breakers = breakers;
        this.metrics = metrics;
    }

    @Override
    public IdExtraction extractId(EkycImage idImage) {
        Objects.requireNonNull(idImage, "idImage");
        if (idImage.size() > config.maxImageBytes()) {
            return IdExtraction.without(tooLarge(EkycOperation.ID_OCR));
        }
        return call(
                EkycOperation.ID_OCR,
                OCR,
                () -> GatewayRequests.ocr(idImage),
                true,
                OutcomeReaders::extraction,
                IdExtraction::without);
    }

    @Override
    public VerificationResult verifyId(IdFields fields) {
        Objects.requireNonNull(fields, "fields");
        return call(
                EkycOperation.ID_AUTHENTICITY,
                VERIFY,
                () -> GatewayRequests.verify(fields),
                true,
                OutcomeReaders::authenticity,
                Function.identity());
    }

    @Override
    public FaceMatch matchFace(FaceMatchRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.selfie().size() > config.maxImageBytes()
                || request.idImage().size() > config.maxImageBytes()) {
            return FaceMatch.without(tooLarge(EkycOperation.FACE_MATCH));
        }
        return call(
                EkycOperation.FACE_MATCH,
                FACE,
                () -> GatewayRequests.face(request),
                true,
                OutcomeReaders::face,
                FaceMatch::without);
    }

    @Override
    public TransferStart startTransfer(BankAccount account) {
        Objects.requireNonNull(account, "account");
        // sends money: once only, whatever happens to the answer
        return call(
                EkycOperation.TRANSFER_START,
                TRANSFERS,
                () -> GatewayRequests.transfer(account),
                false,
                OutcomeReaders::transfer,
                TransferStart::without);
    }

    @Override
    public TransferConfirmation confirmTransfer(TransferCode code) {
        Objects.requireNonNull(code, "code");
        if (!OutcomeReaders.TRANSFER_ID.matcher(code.transferId()).matches()) {
            // not an id any gateway gave: never into a path
            return TransferConfirmation.without(VerificationResult.without(
                    EkycOperation.TRANSFER_CONFIRM,
                    VerificationStatus.FAILED,
                    EkycReason.TRANSFER_NOT_FOUND,
                    Duration.ZERO));
        }
        // spends one of the transfer's tries: once only
        return call(
                EkycOperation.TRANSFER_CONFIRM,
                TRANSFERS + "/" + code.transferId() + "/confirm",
                () -> GatewayRequests.confirm(code),
                false,
                OutcomeReaders::confirmation,
                TransferConfirmation::without);
    }

    private <T extends EkycOutcome> T call(
            EkycOperation operation,
            String path,
            Supplier<JsonNode> body,
            boolean idempotent,
            BiFunction<Exchange, Duration, T> read,
            Function<VerificationResult, T> without) {
        long start = System.nanoTime();
        T outcome;
        int attempts = 0;
        if (transport == null) {
            outcome = without.apply(VerificationResult.without(
                    operation, VerificationStatus.UNAVAILABLE, EkycReason.NOT_CONFIGURED, elapsed(start)));
        } else if (!breakers.of(operation).tryAcquire()) {
            outcome = without.apply(VerificationResult.without(
                    operation, VerificationStatus.UNAVAILABLE, EkycReason.CIRCUIT_OPEN, elapsed(start)));
        } else {
            boolean trouble = true;
            try {
                Exchange exchange = transport.post(path, body.get(), idempotent);
                attempts = exchange.attempts();
                outcome = read.apply(exchange, elapsed(start));
                trouble = vendorTrouble(outcome.result());
            } catch (RuntimeException e) {
                // a bug of ours or of the client library: still an answer, never an exception to the flow
                LOG.errorf(
                        "CIAM Kit eKYC: %s %s failed unexpectedly (%s)",
                        config.vendor(), operation.tag(), e.getClass().getName());
                outcome = without.apply(VerificationResult.without(
                        operation, VerificationStatus.UNAVAILABLE, EkycReason.VENDOR_ERROR, elapsed(start)));
            } finally {
                breakers.of(operation).record(trouble);
            }
        }
        VerificationResult result = outcome.result();
        metrics.record(config.vendor(), result);
        log(result, attempts);
        return outcome;
    }

    /**
     * What counts against the method's breaker: the vendor did not answer with substance. A refusal of our request
     * (other 4xx) does not: the vendor is up.
     */
    static boolean vendorTrouble(VerificationResult result) {
        return result.status() == VerificationStatus.TIMEOUT
                || (result.status() == VerificationStatus.UNAVAILABLE
                        && result.reason() != EkycReason.VENDOR_REJECTED_REQUEST);
    }

    private VerificationResult tooLarge(EkycOperation operation) {
        VerificationResult result = VerificationResult.without(
                operation, VerificationStatus.INPUT_REJECTED, EkycReason.IMAGE_TOO_LARGE, Duration.ZERO);
        log(result, 0);
        return result;
    }

    /** Vendor trouble at WARN; an open breaker's refusals at DEBUG (its opening was the WARN), so an outage cannot flood. */
    private void log(VerificationResult result, int attempts) {
        boolean trouble =
                result.status() == VerificationStatus.UNAVAILABLE || result.status() == VerificationStatus.TIMEOUT;
        if (trouble && result.reason() != EkycReason.CIRCUIT_OPEN) {
            LOG.warnf(
                    "CIAM Kit eKYC: %s %s %s (%s) after %d ms, %d attempt(s)",
                    config.vendor(),
                    result.operation().tag(),
                    result.status().tag(),
                    result.reason().code(),
                    result.elapsed().toMillis(),
                    attempts);
        } else {
            LOG.debugf(
                    "CIAM Kit eKYC: %s %s %s (%s) in %d ms, %d attempt(s)",
                    config.vendor(),
                    result.operation().tag(),
                    result.status().tag(),
                    result.reason().code(),
                    result.elapsed().toMillis(),
                    attempts);
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
