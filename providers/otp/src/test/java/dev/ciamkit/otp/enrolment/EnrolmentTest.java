package dev.ciamkit.otp.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.otp.engine.OtpAlgorithm;
import dev.ciamkit.otp.engine.OtpPolicy;
import dev.ciamkit.otp.engine.OtpType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrolmentTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void builds_the_key_uri_the_apps_read() {
        String uri = OtpAuthUri.of("CIAM Kit Demo", "kim.minsu@example.kr", SEED, OtpPolicy.DEFAULT);

        assertThat(uri)
                .isEqualTo("otpauth://totp/CIAM%20Kit%20Demo:kim.minsu%40example.kr"
                        + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=CIAM%20Kit%20Demo"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void hotp_uris_carry_the_counter_instead_of_the_period() {
        OtpPolicy hotp = new OtpPolicy(OtpType.HOTP, OtpAlgorithm.SHA256, 8, 0);

        assertThat(OtpAuthUri.of("은행", "홍길동", SEED, hotp))
                .startsWith("otpauth://hotp/%EC%9D%80%ED%96%89:")
                .endsWith("&algorithm=SHA256&digits=8&counter=0");
    }

    @Test
    void groups_the_text_key_in_fours() {
        assertThat(OtpAuthUri.grouped("GEZDGNBVGY3TQOJQ")).isEqualTo("GEZD GNBV GY3T QOJQ");
    }

    @Test
    void the_qr_code_is_a_png_rendered_here() {
        assertThat(QrCodes.pngDataUri("otpauth://totp/x?secret=ABC")).startsWith("data:image/png;base64,iVBORw0KGgo");
    }

    @Test
    void seeds_are_at_least_160_bits_and_match_the_hash() {
        assertThat(PendingEnrolment.seedBytes(OtpPolicy.DEFAULT)).isEqualTo(20);
        assertThat(PendingEnrolment.seedBytes(new OtpPolicy(OtpType.TOTP, OtpAlgorithm.SHA512, 8, 60)))
                .isEqualTo(64);
    }

    @Test
    void the_policy_survives_the_round_trip_through_the_session() {
        OtpPolicy policy = new OtpPolicy(OtpType.TOTP, OtpAlgorithm.SHA256, 8, 60);

        assertThat(PendingEnrolment.decode(PendingEnrolment.encode(policy))).isEqualTo(policy);
    }

    @Test
    void an_invalid_policy_in_config_falls_back_to_the_one_every_app_supports() {
        assertThat(new EnrolmentConfig(Map.of(EnrolmentConfig.DIGITS, "7")).policy())
                .isEqualTo(OtpPolicy.DEFAULT);
        assertThat(new EnrolmentConfig(Map.of(EnrolmentConfig.ALGORITHM, "MD5")).policy())
                .isEqualTo(OtpPolicy.DEFAULT);
        assertThat(new EnrolmentConfig(Map.of(EnrolmentConfig.TYPE, "HOTP", EnrolmentConfig.DIGITS, "8")).policy())
                .isEqualTo(new OtpPolicy(OtpType.HOTP, OtpAlgorithm.SHA1, 8, 0));
    }

    @Test
    void sms_is_off_unless_a_sender_is_chosen_and_link_lifetime_is_bounded() {
        assertThat(new EnrolmentConfig(Map.of()).smsSender()).isNull();
        assertThat(new EnrolmentConfig(Map.of("sms-sender", "none")).smsSender())
                .isNull();
        assertThat(new EnrolmentConfig(Map.of("sms-sender", "http")).smsSender())
                .isEqualTo("http");
        assertThat(new EnrolmentConfig(Map.of(EnrolmentConfig.LINK_MINUTES, "999")).linkMinutes())
                .isEqualTo(5);
        assertThat(new EnrolmentConfig(Map.of(EnrolmentConfig.LINK_MINUTES, "10")).linkMinutes())
                .isEqualTo(10);
    }
}
