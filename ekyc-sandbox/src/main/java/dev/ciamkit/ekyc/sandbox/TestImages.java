package dev.ciamkit.ekyc.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The test images committed under {@code src/main/resources/testdata} (made by {@link TestImageTool}), by file name,
 * with the marker each carries; tests read them with {@link #bytes(String)}.
 */
public final class TestImages {

    public static final String ID_HONG = "id-hong.png";
    public static final String ID_HONG_JPEG = "id-hong.jpg";
    public static final String ID_KIM = "id-kim.png";
    public static final String ID_LEE_LICENCE = "id-lee-licence.png";
    public static final String ID_PARK_PASSPORT = "id-park-passport.png";
    public static final String ID_FORGED = "id-forged.png";
    public static final String ID_REVOKED = "id-revoked.png";
    public static final String ID_EXPIRED_PASSPORT = "id-expired-passport.png";
    public static final String ID_HONG_BLURRY = "id-hong-blurry.png";
    public static final String SELFIE_HONG = "selfie-hong.png";
    public static final String SELFIE_HONG_JPEG = "selfie-hong.jpg";
    public static final String SELFIE_KIM = "selfie-kim.png";
    public static final String SELFIE_HONG_SPOOF = "selfie-hong-spoof.png";
    public static final String PHOTO_NO_MARKER = "photo-no-marker.png";
    public static final String NOT_AN_IMAGE = "not-an-image.png";

    /** What an image is: file name, size, marker (null: none; {@link #NOT_AN_IMAGE} is text). */
    public record Spec(String file, int width, int height, String marker) {}

    public static final List<Spec> ALL = List.of(
            new Spec(ID_HONG, 640, 400, "id:hong"),
            new Spec(ID_HONG_JPEG, 640, 400, "id:hong"),
            new Spec(ID_KIM, 640, 400, "id:kim"),
            new Spec(ID_LEE_LICENCE, 640, 400, "id:lee"),
            new Spec(ID_PARK_PASSPORT, 640, 440, "id:park"),
            new Spec(ID_FORGED, 640, 400, "id:forged"),
            new Spec(ID_REVOKED, 640, 400, "id:revoked"),
            new Spec(ID_EXPIRED_PASSPORT, 640, 440, "id:expired"),
            new Spec(ID_HONG_BLURRY, 160, 100, "id:hong"),
            new Spec(SELFIE_HONG, 480, 640, "selfie:hong"),
            new Spec(SELFIE_HONG_JPEG, 480, 640, "selfie:hong"),
            new Spec(SELFIE_KIM, 480, 640, "selfie:kim"),
            new Spec(SELFIE_HONG_SPOOF, 480, 640, "selfie:hong:spoof"),
            new Spec(PHOTO_NO_MARKER, 640, 400, null),
            new Spec(NOT_AN_IMAGE, 0, 0, null));

    private TestImages() {}

    /** A committed test image's bytes. */
    public static byte[] bytes(String file) {
        try (InputStream in = TestImages.class.getResourceAsStream("/testdata/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test image " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The media type its name says: image/jpeg for .jpg, else image/png. */
    public static String mediaType(String file) {
        return file.endsWith(".jpg") ? "image/jpeg" : "image/png";
    }
}
