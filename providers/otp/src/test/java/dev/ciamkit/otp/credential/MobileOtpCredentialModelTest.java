package dev.ciamkit.otp.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.otp.engine.DeviceState;
import dev.ciamkit.otp.engine.OtpPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.credential.CredentialModel;

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

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "not json",
                "{}",
                "[1,2]",
                "{\"deviceId\":\"d\",\"type\":\"TOTP\",\"algorithm\":\"SHA1\",\"digits\":5,\"period\":30}",
                "{\"deviceId\":\"d\",\"type\":\"PUSH\",\"algorithm\":\"SHA1\",\"digits\":6,\"period\":30}",
                "{\"deviceId\":\" \",\"type\":\"TOTP\",\"algorithm\":\"SHA1\",\"digits\":6,\"period\":30}"
            })
    void stored_data_that_does_not_parse_is_an_empty_read_never_an_exception(String credentialData) {
        CredentialModel stored = new CredentialModel();
        stored.setId("c1");
        stored.setType(MobileOtpCredentialModel.TYPE);
        stored.setCredentialData(credentialData);

        assertThat(MobileOtpCredentialModel.read(stored)).isEmpty();
    }

    @Test
    void stored_data_of_an_enrolled_device_reads_back() {
        DeviceData data = DeviceData.enrolled("d", OtpPolicy.DEFAULT, DeviceState.NEW, 0);
        MobileOtpCredentialModel created = MobileOtpCredentialModel.create("Phone", data, "ck1.k.x", 0L);

        assertThat(MobileOtpCredentialModel.read(created))
                .get()
                .extracting(MobileOtpCredentialModel::data)
                .isEqualTo(data);
    }
}
