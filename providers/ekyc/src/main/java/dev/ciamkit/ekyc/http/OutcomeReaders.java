package dev.ciamkit.ekyc.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ciamkit.ekyc.spi.EkycOperation;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.FaceMatch;
import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.spi.IdExtraction;
import dev.ciamkit.ekyc.spi.IdFields;
import dev.ciamkit.ekyc.spi.Liveness;
import dev.ciamkit.ekyc.spi.TransferConfirmation;
import dev.ciamkit.ekyc.spi.TransferStart;
import dev.ciamkit.ekyc.spi.VerificationResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Each operation's own answer on top of {@link GatewayAnswers}: the document OCR read, the liveness of a face match,
 * the transfer's id, the tries left. A PASSED answer without what it must carry is malformed: no verdict.
 */
final class OutcomeReaders {

    /** A transfer id may go into a path: nothing but these. */
    static final Pattern TRANSFER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final int MAX_FIELD_CHARS = 200;

    private OutcomeReaders() {}

    static IdExtraction extraction(Exchange exchange, Duration elapsed) {
        VerificationResult result = GatewayAnswers.read(EkycOperation.ID_OCR, exchange, elapsed);
        if (!result.passed()) {
            return IdExtraction.without(result);
        }
        Optional<IdFields> fields = fields(body(exchange).path("document"));
        return fields.isPresent()
                ? new IdExtraction(result, fields)
                : IdExtraction.without(GatewayAnswers.malformed(EkycOperation.ID_OCR, elapsed));
    }

    static VerificationResult authenticity(Exchange exchange, Duration elapsed) {
        return GatewayAnswers.read(EkycOperation.ID_AUTHENTICITY, exchange, elapsed);
    }

    static FaceMatch face(Exchange exchange, Duration elapsed) {
        VerificationResult result = GatewayAnswers.read(EkycOperation.FACE_MATCH, exchange, elapsed);
        if (!result.status().isVerdict()) {
            return FaceMatch.without(result);
        }
        JsonNode node = body(exchange).path("liveness");
        Liveness liveness = switch (node.path("result").asText("")) {
            case "LIVE" -> Liveness.LIVE;
            case "SPOOF" -> Liveness.SPOOF;
            default -> Liveness.UNKNOWN;
        };
        if (result.passed() && liveness == Liveness.UNKNOWN) {
            return FaceMatch.without(GatewayAnswers.malformed(EkycOperation.FACE_MATCH, elapsed));
        }
        if (result.passed() && liveness == Liveness.SPOOF) {
            // the vendor's own liveness says no: never a pass
            result = GatewayAnswers.failedWith(result, EkycReason.LIVENESS_FAILED);
        }
        return new FaceMatch(result, liveness, GatewayAnswers.score(node.path("score")));
    }

    static TransferStart transfer(Exchange exchange, Duration elapsed) {
        VerificationResult result = GatewayAnswers.read(EkycOperation.TRANSFER_START, exchange, elapsed);
        if (!result.passed()) {
            return TransferStart.without(result);
        }
        JsonNode body = body(exchange);
        String id = body.path("transferId").asText("");
        if (!TRANSFER_ID.matcher(id).matches()) {
            return TransferStart.without(GatewayAnswers.malformed(EkycOperation.TRANSFER_START, elapsed));
        }
        return new TransferStart(result, Optional.of(id), instant(body.path("expiresAt")));
    }

    static TransferConfirmation confirmation(Exchange exchange, Duration elapsed) {
        VerificationResult result = GatewayAnswers.read(EkycOperation.TRANSFER_CONFIRM, exchange, elapsed);
        JsonNode left = body(exchange).path("attemptsLeft");
        return new TransferConfirmation(
                result,
                result.status().isVerdict() && left.canConvertToInt() && left.isIntegralNumber() && left.asInt() >= 0
                        ? OptionalInt.of(left.asInt())
                        : OptionalInt.empty());
    }

    static Optional<IdFields> fields(JsonNode document) {
        Optional<IdDocumentType> type =
                IdDocumentType.fromWire(document.path("type").asText(""));
        String name = text(document.path("name"));
        String idNumber = text(document.path("idNumber"));
        LocalDate birthDate = date(document.path("birthDate"));
        if (type.isEmpty() || name == null || idNumber == null || birthDate == null) {
            return Optional.empty();
        }
        JsonNode issue = document.path("issueDate");
        JsonNode expiry = document.path("expiryDate");
        LocalDate issueDate = date(issue);
        LocalDate expiryDate = date(expiry);
        if ((issueDate == null && present(issue)) || (expiryDate == null && present(expiry))) {
            return Optional.empty();
        }
        return Optional.of(new IdFields(type.get(), name, birthDate, idNumber, issueDate, expiryDate));
    }

    private static JsonNode body(Exchange exchange) {
        return exchange instanceof Exchange.Answered answered ? answered.body() : MissingNode.getInstance();
    }

    private static String text(JsonNode node) {
        String value = node.isTextual() ? node.asText().trim() : "";
        return value.isEmpty() || value.length() > MAX_FIELD_CHARS ? null : value;
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    private static LocalDate date(JsonNode node) {
        try {
            return node.isTextual() ? LocalDate.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Optional<Instant> instant(JsonNode node) {
        try {
            return node.isTextual() ? Optional.of(Instant.parse(node.asText())) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
