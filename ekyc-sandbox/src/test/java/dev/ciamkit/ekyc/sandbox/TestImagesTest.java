package dev.ciamkit.ekyc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The committed test images carry what the README says, and the tool still writes images that read the same way. */
class TestImagesTest {

    static final java.util.List<TestImages.Spec> IMAGES = TestImages.ALL.stream()
            .filter(s -> !s.file().equals(TestImages.NOT_AN_IMAGE))
            .toList();

    @ParameterizedTest
    @FieldSource("IMAGES")
    void each_committed_image_decodes_with_its_size_and_marker(TestImages.Spec spec) {
        ImageProbe probe = ImageProbe.of(TestImages.bytes(spec.file()));

        assertThat(probe.image()).isTrue();
        assertThat(probe.width()).isEqualTo(spec.width());
        assertThat(probe.height()).isEqualTo(spec.height());
        assertThat(probe.marker()).isEqualTo(Optional.ofNullable(spec.marker()));
    }

    @ParameterizedTest
    @FieldSource("IMAGES")
    void the_tool_writes_an_image_that_probes_like_the_committed_one(TestImages.Spec spec) throws Exception {
        ImageProbe written = ImageProbe.of(TestImageTool.image(spec));

        assertThat(written).isEqualTo(ImageProbe.of(TestImages.bytes(spec.file())));
    }

    @Test
    void text_named_png_is_not_an_image() {
        assertThat(ImageProbe.of(TestImages.bytes(TestImages.NOT_AN_IMAGE)).image())
                .isFalse();
    }

    @Test
    void a_truncated_png_is_not_an_image() {
        byte[] png = TestImages.bytes(TestImages.ID_HONG);

        assertThat(ImageProbe.of(Arrays.copyOf(png, png.length / 2)).image()).isFalse();
    }

    @Test
    void a_gif_decodes_but_is_not_a_format_of_the_contract() throws Exception {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(640, 400, BufferedImage.TYPE_BYTE_INDEXED), "gif", gif);

        assertThat(ImageProbe.of(gif.toByteArray()).image()).isFalse();
    }

    @Test
    void a_text_chunk_with_another_keyword_is_no_marker() throws Exception {
        byte[] png = TestImageTool.png(new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB), "Comment", "id:hong");

        assertThat(ImageProbe.of(png).marker()).isEmpty();
        assertThat(ImageProbe.of(png).image()).isTrue();
    }
}
