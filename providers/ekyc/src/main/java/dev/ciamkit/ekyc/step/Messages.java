package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.spi.VerificationResult;

/** Message keys of the theme's bundles for what went wrong with an image. */
final class Messages {

    private Messages() {}

    static String upload(ImageUpload.Problem problem) {
        return switch (problem) {
            case MISSING -> "ciamkitEkycImageMissing";
            case TOO_LARGE -> "ciamkitEkycImageTooLarge";
            case NOT_AN_IMAGE -> "ciamkitEkycImageNotImage";
        };
    }

    static String image(VerificationResult result) {
        return switch (result.reason()) {
            case IMAGE_BLURRY -> "ciamkitEkycImageBlurry";
            case IMAGE_TOO_LARGE -> "ciamkitEkycImageTooLarge";
            case IMAGE_INVALID -> "ciamkitEkycImageNotImage";
            case FACE_NOT_FOUND -> "ciamkitEkycFaceNotFound";
            default -> "ciamkitEkycImageNotId";
        };
    }
}
