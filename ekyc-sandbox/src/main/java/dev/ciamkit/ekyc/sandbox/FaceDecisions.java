package dev.ciamkit.ekyc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ciamkit.ekyc.sandbox.Markers.Selfie;
import dev.ciamkit.ekyc.sandbox.TestPersons.Person;
import java.util.Optional;

/** What the sandbox answers to a face match: the selfie's face against the ID's portrait, and liveness. */
final class FaceDecisions {

    static final double SAME_PERSON = 0.95;
    static final double OTHER_PERSON = 0.12;
    static final double LIVE = 0.97;
    static final double SPOOFED = 0.08;

    /** A selfie narrower or lower than this shows no usable face. */
    static final int MIN_SELFIE_SIDE = 160;

    private final Images images;
    private final References references;

    FaceDecisions(Images images, References references) {
        this.images = images;
        this.references = references;
    }

    /** {@code {"selfie": {...}, "idImage": {...}}}. */
    Reply match(JsonNode request, String unmarked) {
        Images.Read selfieImage = images.read(request.path("selfie"));
        if (selfieImage.refusal().isPresent()) {
            return selfieImage.refusal().get();
        }
        Images.Read idImage = images.read(request.path("idImage"));
        if (idImage.refusal().isPresent()) {
            return idImage.refusal().get();
        }
        if (selfieImage.probe().width() < MIN_SELFIE_SIDE
                || selfieImage.probe().height() < MIN_SELFIE_SIDE
                || IdDecisions.tooSmall(idImage.probe())) {
            return Reply.error(422, "image_blurry", "an image is too small to compare faces");
        }
        Optional<Selfie> selfie = Markers.selfie(selfieImage.probe(), unmarked);
        if (selfie.isEmpty()) {
            return Reply.error(422, "face_not_found", "no face found in the selfie");
        }
        Optional<Person> portrait = Markers.idPerson(idImage.probe(), unmarked);
        if (portrait.isEmpty()) {
            return Reply.error(422, "image_not_id", "no ID document found in idImage");
        }
        boolean same = selfie.get().person().equals(portrait.get());
        boolean live = selfie.get().live();
        String reference = references.next(SandboxOperation.FACE);
        Reply reply = !live
                ? Reply.failed("liveness_failed", reference)
                : same ? Reply.passed(reference) : Reply.failed("face_mismatch", reference);
        reply.body().put("score", same ? SAME_PERSON : OTHER_PERSON);
        reply.body()
                .putObject("liveness")
                .put("result", live ? "LIVE" : "SPOOF")
                .put("score", live ? LIVE : SPOOFED);
        return reply;
    }
}
