package dev.ciamkit.otp.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.otp.credential.LockPolicy;
import dev.ciamkit.otp.engine.VerifierSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class MobileOtpConfigTest {

    @Test
    void no_config_means_the_defaults() {
        MobileOtpConfig config = MobileOtpConfig.of(null);

        assertThat(config.verifierSettings()).isEqualTo(VerifierSettings.DEFAULT);
        assertThat(config.lockPolicy()).isEqualTo(new LockPolicy(5, 15 * 60));
    }

    @Test
    void reads_the_values_an_admin_set() {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of(
                MobileOtpConfig.WINDOW, "2",
                MobileOtpConfig.MAX_DRIFT, "6",
                MobileOtpConfig.MAX_FAILURES, "10",
                MobileOtpConfig.LOCK_MINUTES, "30"));

        MobileOtpConfig config = MobileOtpConfig.of(model);

        assertThat(config.verifierSettings().window()).isEqualTo(2);
        assertThat(config.verifierSettings().maxDrift()).isEqualTo(6);
        assertThat(config.lockPolicy()).isEqualTo(new LockPolicy(10, 1800));
    }

    @Test
    void bad_values_fall_back_to_defaults_instead_of_breaking_logins() {
        MobileOtpConfig config = new MobileOtpConfig(Map.of(
                MobileOtpConfig.WINDOW, "eleven",
                MobileOtpConfig.MAX_DRIFT, "-3",
                MobileOtpConfig.MAX_FAILURES, "101",
                MobileOtpConfig.LOCK_MINUTES, " "));

        assertThat(config.verifierSettings().window()).isEqualTo(VerifierSettings.DEFAULT.window());
        assertThat(config.verifierSettings().maxDrift()).isEqualTo(VerifierSettings.DEFAULT.maxDrift());
        assertThat(config.lockPolicy()).isEqualTo(new LockPolicy(5, 900));
    }

    @Test
    void every_config_property_has_a_label_and_help_text_key() {
        assertThat(MobileOtpConfigProperties.PROPERTIES).isNotEmpty().allSatisfy(p -> {
            assertThat(p.getLabel()).startsWith("ciamkitOtp");
            assertThat(p.getHelpText()).isEqualTo(p.getLabel() + "Help");
        });
    }
}
