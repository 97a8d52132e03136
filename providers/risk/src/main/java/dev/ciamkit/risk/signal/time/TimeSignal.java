package dev.ciamkit.risk.signal.time;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.risk.profile.RiskProfile;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.SignalResult;

/**
 * A login at an hour of the week when this user rarely logs in: the share of the user's successful logins in a 3-hour
 * band around this hour, once the profile holds enough logins to say anything.
 */
final class TimeSignal implements RiskSignal {

    static final String ID = "time";
    static final String MIN_LOGINS = "time.min-logins";
    static final String UNUSUAL_PERCENT = "time.unusual-percent";
    static final String POINTS = "time.unusual-points";

    @Override
    public SignalResult evaluate(RiskInput input) {
        RiskProfile profile = input.profile();
        int logins = profile.logins();
        if (logins < BoundedInt.read(input.config(), MIN_LOGINS, 10, 1, 10_000)) {
            return SignalResult.clear(ID, "learning");
        }
        int around = profile.loginsAround(RiskProfile.hourOfWeek(input.now()));
        int percent = BoundedInt.read(input.config(), UNUSUAL_PERCENT, 2, 0, 100);
        if ((long) around * 100 < (long) percent * logins) {
            return SignalResult.fired(ID, BoundedInt.read(input.config(), POINTS, 30, 0, 100), "unusual_hour");
        }
        return SignalResult.known(ID, "usual_hour");
    }
}
