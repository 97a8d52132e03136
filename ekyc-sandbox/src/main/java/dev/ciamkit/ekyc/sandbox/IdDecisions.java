package dev.ciamkit.ekyc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ciamkit.ekyc.sandbox.TestPersons.Person;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/** What the sandbox answers to OCR and to the authenticity check. */
final class IdDecisions {

    /** An ID image narrower or lower than this is too blurry to read. */
    static final int MIN_WIDTH = 320;

    static final int MIN_HEIGHT = 200;
    static final double OCR_CONFIDENCE = 0.97;

    private final Images images;
    private final References references;

    IdDecisions(Images images, References references) {
        this.images = images;
        this.references = references;
    }

    /** {@code {"image": {...}}}: the fields the ID image shows. */
    Reply ocr(JsonNode request, String unmarked) {
        Images.Read read = images.read(request.path("image"));
        if (read.refusal().isPresent()) {
            return read.refusal().get();
        }
        ImageProbe probe = read.probe();
        if (tooSmall(probe)) {
            return Reply.error(422, "image_blurry", "the image is too small to read; take it closer");
        }
        Optional<Person> person = Markers.idPerson(probe, unmarked);
        if (person.isEmpty()) {
            return Reply.error(422, "image_not_id", "no ID document found in the image");
        }
        Reply reply = Reply.passed(references.next(SandboxOperation.OCR));
        reply.body().put("score", OCR_CONFIDENCE).set("document", document(person.get()));
        return reply;
    }

    /** {@code {"document": {...}}}: does the issuing authority know this ID, with these details, as valid? */
    Reply verify(JsonNode request) {
        JsonNode document = request.path("document");
        Optional<DocumentType> type =
                DocumentType.fromWire(document.path("type").asText(""));
        String name = document.path("name").asText("");
        String idNumber = document.path("idNumber").asText("");
        LocalDate birthDate = date(document.path("birthDate"));
        if (type.isEmpty() || name.isBlank() || idNumber.isBlank() || birthDate == null) {
            return Reply.invalidRequest("document needs type, name, birthDate (yyyy-mm-dd) and idNumber");
        }
        String reference = references.next(SandboxOperation.VERIFY);
        Optional<Person> person = TestPersons.byIdNumber(idNumber);
        if (person.isEmpty()
                || person.get().type() != type.get()
                || !sameName(person.get().name(), name)
                || !person.get().birthDate().equals(birthDate)
                || !sameOptionalDate(person.get().issueDate(), document.path("issueDate"))) {
            // an unknown number, or a known one with altered details: the authority has no such card
            return Reply.failed("id_forged", reference);
        }
        return switch (person.get().standing()) {
            case GENUINE -> Reply.passed(reference);
            case FORGED -> Reply.failed("id_forged", reference);
            case REVOKED -> Reply.failed("id_revoked", reference);
            case EXPIRED -> Reply.failed("id_expired", reference);
        };
    }

    static boolean tooSmall(ImageProbe probe) {
        return probe.width() < MIN_WIDTH || probe.height() < MIN_HEIGHT;
    }

    static ObjectNode document(Person person) {
        ObjectNode document = Reply.JSON
                .createObjectNode()
                .put("type", person.type().wire())
                .put("name", person.name())
                .put("birthDate", person.birthDate().toString())
                .put("idNumber", person.idNumber());
        document.put("issueDate", Objects.toString(person.issueDate(), null));
        document.put("expiryDate", Objects.toString(person.expiryDate(), null));
        return document;
    }

    private static boolean sameName(String registered, String given) {
        return Normalizer.normalize(registered, Normalizer.Form.NFC)
                .equals(Normalizer.normalize(given.trim(), Normalizer.Form.NFC));
    }

    /** A date the register has must be given and equal; one it does not have is not compared. */
    private static boolean sameOptionalDate(LocalDate registered, JsonNode given) {
        return registered == null || registered.equals(date(given));
    }

    private static LocalDate date(JsonNode node) {
        try {
            return node.isTextual() ? LocalDate.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
