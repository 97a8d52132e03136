package dev.ciamkit.risk.signal.velocity;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.SignalResult;
import org.keycloak.models.UserLoginFailureModel;

/**
 * Recent failed logins: for this user, Keycloak's own login-failure record (what its brute-force protector counts,
 * cluster-wide) when its last failure is inside the window; for this address, {@link AddressFailures}. The user's
 * failures weigh more than the address's: a shared address (a mobile carrier's NAT) sees strangers fail.
 */
final class VelocitySignal implements RiskSignal {

    static final String ID = "velocity";
    static final String USER_THRESHOLD = "velocity.user-failures";
    static final String USER_POINTS = "velocity.user-points";
    static final String ADDRESS_POINTS = "velocity.address-points";

    @Override
    public SignalResult evaluate(RiskInput input) {
        int windowSeconds = AddressFailures.windowSeconds(input.config());
        int userFailures = 0;
        // At a refresh only the refreshing address counts: anyone can fail logins with a username, and that must not
        // end the user's sessions.
        if (input.user() != null && input.phase() == RiskPhase.LOGIN) {
            UserLoginFailureModel failures = input.session()
                    .loginFailures()
                    .getUserLoginFailure(input.realm(), input.user().getId());
            if (failures != null && input.now().toEpochMilli() - failures.getLastFailure() <= windowSeconds * 1000L) {
                userFailures = failures.getNumFailures();
            }
        }
        int points = 0;
        String reason = "quiet";
        if (userFailures >= BoundedInt.read(input.config(), USER_THRESHOLD, 3, 1, 1000)) {
            points += BoundedInt.read(input.config(), USER_POINTS, 35, 0, 100);
            reason = "user_failures";
        }
        if (input.clientAddress() != null
                && AddressFailures.count(input.session(), input.realm(), input.clientAddress(), input.config())
                        >= AddressFailures.threshold(input.config())) {
            points += BoundedInt.read(input.config(), ADDRESS_POINTS, 30, 0, 100);
            reason = reason.equals("quiet") ? "address_failures" : "user_and_address_failures";
        }
        return !reason.equals("quiet") ? SignalResult.fired(ID, points, reason) : SignalResult.clear(ID, reason);
    }
}
