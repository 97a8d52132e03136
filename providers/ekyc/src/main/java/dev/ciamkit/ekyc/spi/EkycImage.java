package dev.ciamkit.ekyc.spi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An image as captured: an ID document or a selfie. Holds a copy of the bytes and hands out copies; its string form
 * names only the media type and size, never content.
 *
 * @param mediaType as the browser or camera said, e.g. {@code image/jpeg}; lower-cased
 */
public record EkycImage(byte[] bytes, String mediaType) {

    public EkycImage {
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        mediaType = Objects.requireNonNull(mediaType, "mediaType").trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EkycImage image
                && mediaType.equals(image.mediaType)
                && Arrays.equals(bytes, image.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + mediaType.hashCode();
    }

    @Override
    public String toString() {
        return "EkycImage[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
