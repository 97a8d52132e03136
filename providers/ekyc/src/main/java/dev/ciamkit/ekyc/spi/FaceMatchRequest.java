package dev.ciamkit.ekyc.spi;

import java.util.Objects;

/**
 * A selfie to compare with the portrait on an ID document; the vendor also judges whether the selfie shows a live
 * person.
 *
 * @param idImage the ID document's image, as sent to OCR (the vendor finds the portrait in it)
 */
public record FaceMatchRequest(EkycImage selfie, EkycImage idImage) {

    public FaceMatchRequest {
        Objects.requireNonNull(selfie, "selfie");
        Objects.requireNonNull(idImage, "idImage");
    }
}
