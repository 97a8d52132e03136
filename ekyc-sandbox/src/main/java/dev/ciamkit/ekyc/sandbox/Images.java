package dev.ciamkit.ekyc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/** Reads an image object of the contract, {@code {"mediaType": "image/jpeg", "data": "<base64>"}}. */
final class Images {

    /** Decoded bytes of one image, at most. */
    static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;

    private static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png");

    /** An image probed, or the reply that refuses it. */
    record Read(ImageProbe probe, Optional<Reply> refusal) {
        static Read refused(Reply reply) {
            return new Read(ImageProbe.notAnImage(), Optional.of(reply));
        }
    }

    Read read(JsonNode image) {
        if (!image.isObject()
                || !image.path("mediaType").isTextual()
                || !image.path("data").isTextual()) {
            return Read.refused(Reply.invalidRequest("an image is {\"mediaType\": ..., \"data\": <base64>}"));
        }
        if (!MEDIA_TYPES.contains(image.path("mediaType").asText())) {
            return Read.refused(Reply.error(400, "image_invalid", "only image/jpeg and image/png are read"));
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(image.path("data").asText());
        } catch (IllegalArgumentException e) {
            return Read.refused(Reply.error(400, "image_invalid", "data is not base64"));
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            return Read.refused(Reply.error(413, "image_too_large", "an image may have at most 10 MiB"));
        }
        ImageProbe probe = ImageProbe.of(bytes);
        if (!probe.image()) {
            return Read.refused(Reply.error(400, "image_invalid", "not a PNG or JPEG image that decodes"));
        }
        return new Read(probe, Optional.empty());
    }
}
