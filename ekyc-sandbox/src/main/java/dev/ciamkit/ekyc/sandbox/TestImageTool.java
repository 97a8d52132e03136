package dev.ciamkit.ekyc.sandbox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * Writes the test images of {@link TestImages#ALL} with java.awt and ImageIO: a card or a face drawn in flat colours,
 * and the marker in the image's metadata (PNG {@code tEXt}, JPEG comment). From the repository root:
 * {@code java -cp ekyc-sandbox/target/classes dev.ciamkit.ekyc.sandbox.TestImageTool
 * ekyc-sandbox/src/main/resources/testdata}.
 */
public final class TestImageTool {

    private TestImageTool() {}

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "ekyc-sandbox/src/main/resources/testdata");
        Files.createDirectories(dir);
        for (TestImages.Spec spec : TestImages.ALL) {
            Files.write(dir.resolve(spec.file()), image(spec));
        }
        System.out.println("wrote " + TestImages.ALL.size() + " test images to " + dir);
    }

    static byte[] image(TestImages.Spec spec) throws IOException {
        if (spec.file().equals(TestImages.NOT_AN_IMAGE)) {
            return "This file is text, not an image.\n".getBytes(StandardCharsets.US_ASCII);
        }
        BufferedImage image =
                spec.marker() != null && spec.marker().startsWith(Markers.SELFIE) ? face(spec) : card(spec);
        return spec.file().endsWith(".jpg") ? jpeg(image, spec.marker()) : png(image, spec.marker());
    }

    private static BufferedImage card(TestImages.Spec spec) {
        BufferedImage image = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image, new Color(0xE8, 0xF0, 0xF8));
        int w = spec.width();
        int h = spec.height();
        g.setColor(new Color(0x1F, 0x4E, 0x79));
        g.fillRect(0, 0, w, h / 6);
        g.setColor(new Color(0xC8, 0xD2, 0xDC));
        g.fillRect(w / 20, h / 4, w / 4, h / 2);
        g.setColor(new Color(0x60, 0x6C, 0x78));
        g.fillOval(w / 20 + w / 16, h / 4 + h / 16, w / 8, h / 5);
        for (int line = 0; line < 4; line++) {
            g.fillRect(w / 3 + w / 20, h / 4 + line * h / 8, w / 2 - line * w / 20, h / 24);
        }
        label(g, "CIAM Kit sandbox - TEST ID - " + (spec.marker() == null ? "no marker" : spec.marker()), w, h);
        g.dispose();
        return image;
    }

    private static BufferedImage face(TestImages.Spec spec) {
        BufferedImage image = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image, new Color(0xF4, 0xEE, 0xE4));
        int w = spec.width();
        int h = spec.height();
        g.setColor(new Color(0xE0, 0xB8, 0x90));
        g.fillOval(w / 4, h / 6, w / 2, h / 2);
        g.setColor(new Color(0x40, 0x30, 0x28));
        g.fillOval(w / 4 + w / 9, h / 3, w / 18, h / 28);
        g.fillOval(w - w / 4 - w / 9 - w / 18, h / 3, w / 18, h / 28);
        g.setStroke(new BasicStroke(4));
        g.drawArc(w / 2 - w / 10, h / 2 - h / 12, w / 5, h / 14, 200, 140);
        label(g, "TEST SELFIE - " + spec.marker(), w, h);
        g.dispose();
        return image;
    }

    private static Graphics2D start(BufferedImage image, Color background) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    private static void label(Graphics2D g, String text, int w, int h) {
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, w / 40)));
        g.drawString(text, w / 20, h - h / 12);
    }

    static byte[] png(BufferedImage image, String marker) throws IOException {
        return png(image, ImageProbe.KEYWORD, marker);
    }

    static byte[] png(BufferedImage image, String keyword, String marker) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        if (marker != null) {
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", keyword);
            entry.setAttribute("value", marker);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode(metadata.getNativeMetadataFormatName());
            root.appendChild(text);
            metadata.mergeTree(metadata.getNativeMetadataFormatName(), root);
        }
        return write(writer, param, new IIOImage(image, null, metadata));
    }

    static byte[] jpeg(BufferedImage image, String marker) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        if (marker != null) {
            String format = metadata.getNativeMetadataFormatName();
            Node root = metadata.getAsTree(format);
            IIOMetadataNode comment = new IIOMetadataNode("com");
            comment.setAttribute("comment", ImageProbe.KEYWORD + ":" + marker);
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeName().equals("markerSequence")) {
                    child.appendChild(comment);
                }
            }
            metadata.setFromTree(format, root);
        }
        return write(writer, param, new IIOImage(image, null, metadata));
    }

    private static byte[] write(ImageWriter writer, ImageWriteParam param, IIOImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
