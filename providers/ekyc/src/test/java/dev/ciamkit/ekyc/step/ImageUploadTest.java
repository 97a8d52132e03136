package dev.ciamkit.ekyc.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.ekyc.sandbox.TestImages;
import dev.ciamkit.ekyc.spi.EkycImage;
import dev.ciamkit.ekyc.step.ImageUpload.Problem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageUploadTest {

    private static final int LIMIT = 4 << 20;

    private static ImageUpload.Result read(byte[] bytes, int maxBytes) {
        return ImageUpload.read(Optional.of(new ByteArrayInputStream(bytes)), maxBytes);
    }

    private static ImageUpload.Result read(byte[] bytes) {
        return read(bytes, LIMIT);
    }

    private static byte[] written(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), format, out))
                .isTrue();
        return out.toByteArray();
    }

    @Nested
    class Accepted {
        @ParameterizedTest
        @ValueSource(strings = {TestImages.ID_HONG, TestImages.SELFIE_HONG, TestImages.ID_PARK_PASSPORT})
        void a_png_is_read_as_png(String file) {
            byte[] bytes = TestImages.bytes(file);

            ImageUpload.Result result = read(bytes);

            assertThat(result.problem()).isNull();
            assertThat(result.image()).map(EkycImage::mediaType).contains("image/png");
            assertThat(result.image())
                    .map(EkycImage::bytes)
                    .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        }

        @ParameterizedTest
        @ValueSource(strings = {TestImages.ID_HONG_JPEG, TestImages.SELFIE_HONG_JPEG})
        void a_jpeg_is_read_as_jpeg(String file) {
            assertThat(read(TestImages.bytes(file)).image())
                    .map(EkycImage::mediaType)
                    .contains("image/jpeg");
        }

        @Test
        void the_type_comes_from_the_bytes_not_the_name() {
            // the sandbox's .png and .jpg files carry the same picture: only the bytes say which is which
            assertThat(ImageUpload.mediaType(TestImages.bytes(TestImages.ID_HONG_JPEG)))
                    .contains("image/jpeg");
            assertThat(ImageUpload.mediaType(TestImages.bytes(TestImages.ID_HONG)))
                    .contains("image/png");
        }

        @Test
        void an_image_of_exactly_the_limit_is_accepted() {
            byte[] bytes = TestImages.bytes(TestImages.ID_HONG);

            assertThat(read(bytes, bytes.length).image()).isPresent();
        }
    }

    @Nested
    class Refused {
        @Test
        void one_byte_over_the_limit_is_too_large() {
            byte[] bytes = TestImages.bytes(TestImages.ID_HONG);

            ImageUpload.Result result = read(bytes, bytes.length - 1);

            assertThat(result.image()).isEmpty();
            assertThat(result.problem()).isEqualTo(Problem.TOO_LARGE);
        }

        @Test
        void text_named_png_is_not_an_image() {
            byte[] text = TestImages.bytes(TestImages.NOT_AN_IMAGE);

            assertThat(read(text).problem()).isEqualTo(Problem.NOT_AN_IMAGE);
            assertThat(read("hello, not a picture".getBytes(StandardCharsets.UTF_8))
                            .problem())
                    .isEqualTo(Problem.NOT_AN_IMAGE);
        }

        @Test
        void a_gif_is_not_accepted() throws IOException {
            byte[] gif = written("gif");

            assertThat(read(gif).problem()).isEqualTo(Problem.NOT_AN_IMAGE);
        }

        @Test
        void a_bmp_is_not_accepted() throws IOException {
            assertThat(read(written("bmp")).problem()).isEqualTo(Problem.NOT_AN_IMAGE);
        }

        @Test
        void a_png_cut_inside_its_header_is_not_an_image() {
            byte[] png = TestImages.bytes(TestImages.ID_HONG);

            assertThat(read(Arrays.copyOf(png, 20)).problem()).isEqualTo(Problem.NOT_AN_IMAGE);
            assertThat(read(Arrays.copyOf(png, 8)).problem()).isEqualTo(Problem.NOT_AN_IMAGE);
        }

        @Test
        void a_jpeg_cut_before_its_frame_header_is_not_an_image() {
            byte[] jpeg = TestImages.bytes(TestImages.ID_HONG_JPEG);

            assertThat(read(Arrays.copyOf(jpeg, 4)).problem()).isEqualTo(Problem.NOT_AN_IMAGE);
        }

        @Test
        void an_empty_upload_is_missing() {
            assertThat(read(new byte[0]).problem()).isEqualTo(Problem.MISSING);
        }

        @Test
        void no_upload_is_missing() {
            assertThat(ImageUpload.read(Optional.empty(), LIMIT).problem()).isEqualTo(Problem.MISSING);
        }

        @Test
        void a_stream_that_fails_is_missing() {
            InputStream broken = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("connection reset");
                }
            };

            assertThat(ImageUpload.read(Optional.of(broken), LIMIT).problem()).isEqualTo(Problem.MISSING);
        }
    }

    @Nested
    class HeaderOnly {
        @Test
        void a_png_cut_after_its_header_passes_here_and_is_left_to_the_vendor() {
            // only the header is read (see ImageUpload): the pixels are the vendor's to judge
            byte[] png = TestImages.bytes(TestImages.ID_HONG);

            assertThat(read(Arrays.copyOf(png, png.length / 2)).image())
                    .map(EkycImage::mediaType)
                    .contains("image/png");
        }
    }
}
