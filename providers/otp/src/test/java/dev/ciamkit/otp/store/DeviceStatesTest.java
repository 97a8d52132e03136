package dev.ciamkit.otp.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.otp.credential.DeviceData;
import dev.ciamkit.otp.engine.DeviceState;
import dev.ciamkit.otp.engine.OtpAlgorithm;
import dev.ciamkit.otp.engine.OtpPolicy;
import dev.ciamkit.otp.engine.OtpType;
import org.junit.jupiter.api.Test;

class DeviceStatesTest {

    private static final OtpPolicy HOTP = new OtpPolicy(OtpType.HOTP, OtpAlgorithm.SHA1, 6, 30);

    @Test
    void the_row_state_replaces_what_the_credential_data_still_holds() {
        DeviceData stale = DeviceData.enrolled("dev-1", HOTP, new DeviceState(3, -1, 0), 100);
        OtpDeviceStateEntity row = row(9, 2, 500);

        DeviceData current = DeviceStates.current(stale, row);

        assertThat(current.counter()).isEqualTo(9);
        assertThat(current.failures()).isEqualTo(2);
        assertThat(current.lockedUntil()).isEqualTo(500);
        assertThat(current.deviceId()).isEqualTo("dev-1");
        assertThat(current.policy()).isEqualTo(HOTP);
    }

    @Test
    void a_hotp_counter_never_steps_back() {
        OtpDeviceStateEntity row = row(9, 0, 0);
        DeviceData older = DeviceData.enrolled("dev-1", HOTP, new DeviceState(4, -1, 0), 100);

        DeviceStates.write(row, older);

        assertThat(row.getCounter()).isEqualTo(9);
    }

    @Test
    void failures_accumulate_on_the_row_and_lock_it() {
        OtpDeviceStateEntity row = row(0, 0, 0);
        DeviceData base = DeviceData.enrolled("dev-1", HOTP, DeviceState.NEW, 100);
        for (int i = 0; i < 3; i++) {
            DeviceStates.write(row, DeviceStates.current(base, row).failed(3, 60, 1_000));
        }

        assertThat(row.getLockedUntil()).isEqualTo(1_060);
        assertThat(row.getFailures()).isZero();
    }

    @Test
    void an_accepted_code_clears_failures_and_moves_the_counter() {
        OtpDeviceStateEntity row = row(5, 2, 0);
        DeviceData base = DeviceData.enrolled("dev-1", HOTP, DeviceState.NEW, 100);

        DeviceStates.write(row, DeviceStates.current(base, row).accepted(new DeviceState(7, -1, 0), 2_000));

        assertThat(row.getCounter()).isEqualTo(7);
        assertThat(row.getFailures()).isZero();
        assertThat(row.getLastUsed()).isEqualTo(2_000);
    }

    private static OtpDeviceStateEntity row(long counter, int failures, long lockedUntil) {
        OtpDeviceStateEntity row = new OtpDeviceStateEntity();
        row.setCounter(counter);
        row.setLastStep(-1);
        row.setFailures(failures);
        row.setLockedUntil(lockedUntil);
        return row;
    }
}
