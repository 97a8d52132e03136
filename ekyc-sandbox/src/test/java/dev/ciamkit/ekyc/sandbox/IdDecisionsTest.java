package dev.ciamkit.ekyc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdDecisionsTest {

    private final IdDecisions decisions = new IdDecisions(new Images(), new References());

    @Nested
    class Ocr {

        @Test
        void reads_the_fields_of_the_person_the_marker_names() {
            Reply reply = decisions.ocr(Requests.ocr(TestImages.ID_HONG), SandboxConfig.REJECT_UNMARKED);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().path("result").asText()).isEqualTo("PASSED");
            assertThat(reply.body().path("score").asDouble()).isEqualTo(IdDecisions.OCR_CONFIDENCE);
            assertThat(reply.body().path("reference").asText()).isEqualTo("sbx-ocr-000001");
            ObjectNode document = (ObjectNode) reply.body().path("document");
            assertThat(document.path("type").asText()).isEqualTo("resident_card");
            assertThat(document.path("name").asText()).isEqualTo("홍길동");
            assertThat(document.path("birthDate").asText()).isEqualTo("1990-01-01");
            assertThat(document.path("idNumber").asText()).isEqualTo("900101-1234567");
            assertThat(document.path("issueDate").asText()).isEqualTo("2020-03-15");
            assertThat(document.path("expiryDate").isNull()).isTrue();
        }

        @Test
        void reads_a_jpeg_comment_marker_as_well() {
            Reply reply = decisions.ocr(Requests.ocr(TestImages.ID_HONG_JPEG), SandboxConfig.REJECT_UNMARKED);

            assertThat(reply.body().path("document").path("idNumber").asText()).isEqualTo("900101-1234567");
        }

        @Test
        void a_passport_has_an_expiry_date() {
            Reply reply = decisions.ocr(Requests.ocr(TestImages.ID_PARK_PASSPORT), SandboxConfig.REJECT_UNMARKED);

            assertThat(reply.body().path("document").path("type").asText()).isEqualTo("passport");
            assertThat(reply.body().path("document").path("expiryDate").asText())
                    .isEqualTo("2031-01-10");
        }

        @Test
        void a_tiny_image_is_blurry_even_with_a_marker() {
            Reply reply = decisions.ocr(Requests.ocr(TestImages.ID_HONG_BLURRY), SandboxConfig.REJECT_UNMARKED);

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.body().path("error").asText()).isEqualTo("image_blurry");
        }

        @Test
        void an_image_without_a_marker_or_with_a_selfie_marker_shows_no_id() {
            for (String file : new String[] {TestImages.PHOTO_NO_MARKER, TestImages.SELFIE_HONG}) {
                Reply reply = decisions.ocr(Requests.ocr(file), SandboxConfig.REJECT_UNMARKED);

                assertThat(reply.status()).as(file).isEqualTo(422);
                assertThat(reply.body().path("error").asText()).as(file).isEqualTo("image_not_id");
            }
        }

        @Test
        void an_unmarked_image_shows_the_configured_person() {
            Reply reply = decisions.ocr(Requests.ocr(TestImages.PHOTO_NO_MARKER), "kim");

            assertThat(reply.body().path("document").path("name").asText()).isEqualTo("김영희");
        }

        @Test
        void text_is_not_an_image() {
            Reply reply = decisions.ocr(Requests.ocr(TestImages.NOT_AN_IMAGE), SandboxConfig.REJECT_UNMARKED);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().path("error").asText()).isEqualTo("image_invalid");
        }

        @Test
        void data_that_is_not_base64_or_a_type_outside_the_contract_is_invalid() {
            ObjectNode notBase64 = Requests.ocr(TestImages.ID_HONG);
            ((ObjectNode) notBase64.path("image")).put("data", "%%%");
            ObjectNode gif = Requests.ocr(TestImages.ID_HONG);
            ((ObjectNode) gif.path("image")).put("mediaType", "image/gif");

            assertThat(decisions.ocr(notBase64, "reject").body().path("error").asText())
                    .isEqualTo("image_invalid");
            assertThat(decisions.ocr(gif, "reject").body().path("error").asText())
                    .isEqualTo("image_invalid");
        }

        @Test
        void a_request_without_an_image_object_is_invalid() {
            Reply reply = decisions.ocr(Reply.JSON.createObjectNode().put("image", "x"), "reject");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().path("error").asText()).isEqualTo("invalid_request");
        }
    }

    @Nested
    class Authenticity {

        @ParameterizedTest
        @CsvSource({
            "hong, PASSED, ok",
            "kim, PASSED, ok",
            "lee, PASSED, ok",
            "park, PASSED, ok",
            "forged, FAILED, id_forged",
            "revoked, FAILED, id_revoked",
            "expired, FAILED, id_expired"
        })
        void the_register_decides_by_the_persons_standing(String person, String result, String reason) {
            Reply reply = decisions.verify(Requests.document(person));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().path("result").asText()).isEqualTo(result);
            assertThat(reply.body().path("reason").asText()).isEqualTo(reason);
        }

        @ParameterizedTest
        @CsvSource({"name, 홍길순", "birthDate, 1990-01-02", "issueDate, 2021-03-15", "type, passport"})
        void a_genuine_number_with_an_altered_detail_is_forged(String field, String value) {
            ObjectNode request = Requests.document("hong");
            ((ObjectNode) request.path("document")).put(field, value);

            assertThat(decisions.verify(request).body().path("reason").asText()).isEqualTo("id_forged");
        }

        @Test
        void spaces_and_hyphens_in_the_number_and_spaces_around_the_name_do_not_matter() {
            ObjectNode request = Requests.document("hong");
            ((ObjectNode) request.path("document"))
                    .put("idNumber", "900101 1234567")
                    .put("name", " 홍길동 ");

            assertThat(decisions.verify(request).body().path("result").asText()).isEqualTo("PASSED");
        }

        @Test
        void an_unknown_number_is_forged() {
            ObjectNode request = Requests.document("hong");
            ((ObjectNode) request.path("document")).put("idNumber", "900101-1234568");

            assertThat(decisions.verify(request).body().path("reason").asText()).isEqualTo("id_forged");
        }

        @Test
        void a_document_without_its_required_fields_is_an_invalid_request() {
            ObjectNode request = Requests.document("hong");
            ((ObjectNode) request.path("document")).remove("birthDate");

            Reply reply = decisions.verify(request);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().path("error").asText()).isEqualTo("invalid_request");
        }
    }
}
