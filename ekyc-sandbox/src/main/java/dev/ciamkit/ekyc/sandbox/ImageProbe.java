package dev.ciamkit.ekyc.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What the sandbox sees in an image, read with the JDK's ImageIO: whether it is a PNG or JPEG that decodes, its size,
 * and its sandbox marker. The marker is text in the image's own metadata: a PNG {@code tEXt} (or {@code iTXt}) chunk
 * with keyword {@value #KEYWORD}, or a JPEG comment ({@code COM} segment) that starts with {@code ciamkit-sandbox:};
 * its value is {@code id:<person>} or {@code selfie:<person>} or {@code selfie:<person>:spoof}.
 *
 * @param marker empty when the image carries none
 */
record ImageProbe(boolean image, int width, int height, Optional<String> marker) {

    static final String KEYWORD = "ciamkit-sandbox";
    /** Larger images are not decoded (a small file can claim a huge canvas). */
    static final long MAX_PIXELS = 40_000_000L;

    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    static ImageProbe notAnImage() {
        return new ImageProbe(false, 0, 0, Optional.empty());
    }

    /** The most recent probes by the image's SHA-256 (a test run sends the same few images again and again). */
    private static final int CACHED = 64;

    private static final Map<String, ImageProbe> RECENT = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImageProbe> eldest) {
            return size() > CACHED;
        }
    };

    /**
     * What the image is; an image seen lately is not decoded again, so the sandbox's own time per call stays a small
     * fraction of a millisecond whatever the image's size (the latency a test sets is then the whole of it).
     */
    static ImageProbe of(byte[] bytes) {
        String digest = sha256(bytes);
        synchronized (RECENT) {
            ImageProbe seen = RECENT.get(digest);
            if (seen != null) {
                return seen;
            }
        }
        ImageProbe probe = probe(bytes);
        synchronized (RECENT) {
            RECENT.put(digest, probe);
        }
        return probe;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }

    private static ImageProbe probe(byte[] bytes) {
        // in memory: ImageIO.createImageInputStream would cache the stream in a temporary file on disk
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return notAnImage();
                }
                reader.setInput(in, true, false);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    return notAnImage();
                }
                Optional<String> marker = marker(reader.getImageMetadata(0));
                // decoding every pixel is what tells a truncated or corrupt file from an image
                reader.read(0);
                return new ImageProbe(true, width, height, marker);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return notAnImage();
        }
    }

    private static Optional<String> marker(IIOMetadata metadata) {
        if (metadata == null || metadata.getNativeMetadataFormatName() == null) {
            return Optional.empty();
        }
        return find(metadata.getAsTree(metadata.getNativeMetadataFormatName()));
    }

    private static Optional<String> find(Node node) {
        String text = switch (node.getNodeName()) {
            case "tEXtEntry" -> keyword(node) ? attribute(node, "value") : null;
            case "iTXtEntry" -> keyword(node) ? attribute(node, "text") : null;
            case "com" -> comment(node);
            default -> null;
        };
        if (text != null && !text.isBlank()) {
            return Optional.of(text.trim());
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Optional<String> found = find(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean keyword(Node node) {
        return KEYWORD.equals(attribute(node, "keyword"));
    }

    private static String comment(Node node) {
        String prefix = KEYWORD + ":";
        String comment = attribute(node, "comment");
        return comment != null && comment.startsWith(prefix) ? comment.substring(prefix.length()) : null;
    }

    private static String attribute(Node node, String name) {
        NamedNodeMap attributes = node.getAttributes();
        Node attribute = attributes == null ? null : attributes.getNamedItem(name);
        return attribute == null ? null : attribute.getNodeValue();
    }
}
