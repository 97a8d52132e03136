package dev.ciamkit.otp.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.otp.engine.DeviceState;
import dev.ciamkit.otp.engine.OtpPolicy;
import org.junit.jupiter.api.Test;

class DeviceDataTest {

    private static final long NOW = 1_800_000_000L;
    private final DeviceData fresh = DeviceData.enrolled("device-1", OtpPolicy.DEFAULT, DeviceState.NEW, NOW);

    @Test
    void locks_on_the_last_allowed_failure_for_the_lock_duration() {
        DeviceData data = fresh;
        for (int i = 0; i < 4; i++) {
            data = data.failed(5, 900, NOW);
        }
        assertThat(data.failures()).isEqualTo(4);
        assertThat(data.lockedAt(NOW)).isFalse();

        DeviceData locked = data.failed(5, 900, NOW);

        assertThat(locked.lockedAt(NOW)).isTrue();
        assertThat(locked.lockedAt(NOW + 899)).isTrue();
        assertThat(locked.lockedAt(NOW + 900)).isFalse();
        assertThat(locked.failures()).as("counting starts over after the lock").isZero();
    }

    @Test
    void a_success_clears_failures_and_records_state_and_use() {
        DeviceData accepted = fresh.failed(5, 900, NOW).accepted(new DeviceState(0, 42, 1), NOW + 10);

        assertThat(accepted.failures()).isZero();
        assertThat(accepted.state()).isEqualTo(new DeviceState(0, 42, 1));
        assertThat(accepted.lastUsed()).isEqualTo(NOW + 10);
        assertThat(accepted.policy()).isEqualTo(OtpPolicy.DEFAULT);
    }

    @Test
    void an_admin_unlock_clears_the_lock_and_the_count() {
        DeviceData locked = fresh.failed(1, 900, NOW);

        assertThat(locked.unlocked().lockedAt(NOW)).isFalse();
        assertThat(locked.unlocked().failures()).isZero();
    }

    @Test
    void the_stored_model_keeps_the_seed_sealed_and_apart_from_public_data() {
        MobileOtpCredentialModel model = MobileOtpCredentialModel.create("Phone", fresh, "ck1.k1.sealed", 1L);

        assertThat(model.getType()).isEqualTo("ciamkit-mobile-otp");
        assertThat(model.getCredentialData()).contains("\"algorithm\":\"SHA1\"").doesNotContain("ck1.");
        assertThat(model.getSecretData()).isEqualTo("{\"seed\":\"ck1.k1.sealed\"}");
        assertThat(MobileOtpCredentialModel.read(model).orElseThrow().data()).isEqualTo(fresh);
        assertThat(model.with(fresh.unlocked()).sealedSeed()).isEqualTo("ck1.k1.sealed");
        assertThat(MobileOtpCredentialModel.seedContext("user-1", "device-1"))
                .isEqualTo("ciamkit-otp-seed:user-1:device-1");
    }
}
