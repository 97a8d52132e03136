package dev.ciamkit.ekyc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaceDecisionsTest {

    private final FaceDecisions decisions = new FaceDecisions(new Images(), new References());

    @Test
    void the_same_person_live_passes_with_a_high_score() {
        Reply reply = decisions.match(Requests.face(TestImages.SELFIE_HONG, TestImages.ID_HONG), "reject");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("result").asText()).isEqualTo("PASSED");
        assertThat(reply.body().path("score").asDouble()).isEqualTo(FaceDecisions.SAME_PERSON);
        assertThat(reply.body().path("liveness").path("result").asText()).isEqualTo("LIVE");
    }

    @Test
    void a_jpeg_selfie_against_a_jpeg_id_passes_too() {
        Reply reply = decisions.match(Requests.face(TestImages.SELFIE_HONG_JPEG, TestImages.ID_HONG_JPEG), "reject");

        assertThat(reply.body().path("result").asText()).isEqualTo("PASSED");
    }

    @Test
    void another_persons_face_is_a_mismatch() {
        Reply reply = decisions.match(Requests.face(TestImages.SELFIE_KIM, TestImages.ID_HONG), "reject");

        assertThat(reply.body().path("result").asText()).isEqualTo("FAILED");
        assertThat(reply.body().path("reason").asText()).isEqualTo("face_mismatch");
        assertThat(reply.body().path("score").asDouble()).isEqualTo(FaceDecisions.OTHER_PERSON);
    }

    @Test
    void a_photo_of_a_photo_fails_liveness_even_for_the_right_face() {
        Reply reply = decisions.match(Requests.face(TestImages.SELFIE_HONG_SPOOF, TestImages.ID_HONG), "reject");

        assertThat(reply.body().path("result").asText()).isEqualTo("FAILED");
        assertThat(reply.body().path("reason").asText()).isEqualTo("liveness_failed");
        assertThat(reply.body().path("liveness").path("result").asText()).isEqualTo("SPOOF");
    }

    @Test
    void a_selfie_without_a_face_and_an_id_image_without_an_id_are_refused() {
        Reply noFace = decisions.match(Requests.face(TestImages.PHOTO_NO_MARKER, TestImages.ID_HONG), "reject");
        Reply noId = decisions.match(Requests.face(TestImages.SELFIE_HONG, TestImages.SELFIE_KIM), "reject");

        assertThat(noFace.status()).isEqualTo(422);
        assertThat(noFace.body().path("error").asText()).isEqualTo("face_not_found");
        assertThat(noId.status()).isEqualTo(422);
        assertThat(noId.body().path("error").asText()).isEqualTo("image_not_id");
    }

    @Test
    void a_tiny_id_image_is_blurry_and_a_non_image_invalid() {
        assertThat(decisions
                        .match(Requests.face(TestImages.SELFIE_HONG, TestImages.ID_HONG_BLURRY), "reject")
                        .body()
                        .path("error")
                        .asText())
                .isEqualTo("image_blurry");
        assertThat(decisions
                        .match(Requests.face(TestImages.NOT_AN_IMAGE, TestImages.ID_HONG), "reject")
                        .body()
                        .path("error")
                        .asText())
                .isEqualTo("image_invalid");
    }

    @Test
    void unmarked_images_are_the_configured_person_live() {
        Reply reply = decisions.match(Requests.face(TestImages.PHOTO_NO_MARKER, TestImages.PHOTO_NO_MARKER), "hong");

        assertThat(reply.body().path("result").asText()).isEqualTo("PASSED");
    }
}
