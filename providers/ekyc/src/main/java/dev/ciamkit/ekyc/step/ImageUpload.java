package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.spi.EkycImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads one uploaded image: at most the policy's size, and only JPEG or PNG as the JDK's image readers recognise
 * them from the bytes (the browser's declared type is not trusted). Only the header is read, not the pixels.
 */
final class ImageUpload {

    enum Problem {
        MISSING,
        TOO_LARGE,
        NOT_AN_IMAGE
    }

    /** Either an image or the problem with the upload. */
    record Result(Optional<EkycImage> image, Problem problem) {
        static Result of(EkycImage image) {
            return new Result(Optional.of(image), null);
        }

        static Result failed(Problem problem) {
            return new Result(Optional.empty(), problem);
        }
    }

    private ImageUpload() {}

    static Result read(Optional<InputStream> part, int maxBytes) {
        if (part.isEmpty()) {
            return Result.failed(Problem.MISSING);
        }
        byte[] bytes;
        try (InputStream in = part.get()) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            return Result.failed(Problem.MISSING);
        }
        if (bytes.length == 0) {
            return Result.failed(Problem.MISSING);
        }
        if (bytes.length > maxBytes) {
            return Result.failed(Problem.TOO_LARGE);
        }
        return mediaType(bytes)
                .map(type -> Result.of(new EkycImage(bytes, type)))
                .orElseGet(() -> Result.failed(Problem.NOT_AN_IMAGE));
    }

    static Optional<String> mediaType(byte[] bytes) {
        // in memory: ImageIO's default stream caches what it reads in a temporary file, and these bytes are PII
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                    reader.setInput(in, true, true);
                    if (reader.getWidth(0) <= 0 || reader.getHeight(0) <= 0) {
                        return Optional.empty();
                    }
                    if (format.equals("png")) {
                        return Optional.of("image/png");
                    }
                    if (format.equals("jpeg") || format.equals("jpg")) {
                        return Optional.of("image/jpeg");
                    }
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // a truncated or malformed header: not an image we accept
        }
        return Optional.empty();
    }
}
