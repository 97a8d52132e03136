package dev.ciamkit.otp.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileOtpCredentialModelTest {

    @ParameterizedTest
    @ValueSource(strings = {"3f2c8a1e-6b7d-4c2e-9a0f-1b2c3d4e5f60", "3F2C8A1E-6B7D-4C2E-9A0F-1B2C3D4E5F60"})
    void a_credential_id_shaped_value_is_kept(String id) {
        assertThat(MobileOtpCredentialModel.credentialIdOrNull(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "not-a-device",
                "3f2c8a1e-6b7d-4c2e-9a0f-1b2c3d4e5f60x",
                "<script>alert(1)</script>",
                "３f2c8a1e-6b7d-4c2e-9a0f-1b2c3d4e5f60"
            })
    void anything_else_is_no_device(String typed) {
        assertThat(MobileOtpCredentialModel.credentialIdOrNull(typed)).isNull();
    }
}
