package dev.ciamkit.risk.device;

import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.SignalResult;

/**
 * Known browser: evidence from the user's own history. Unknown browser (no cookie, a forged one, or one this user never
 * signed in with): fires {@value #NEW_DEVICE}; when the user has remembered browsers and none of this family, it fires
 * {@value #NEW_BROWSER_FAMILY} instead, with the family's points on top. A user with no remembered browser has no
 * family to differ from, so a first login is only a new device. Always reports the browser it saw, for the learner.
 */
final class DeviceSignal implements RiskSignal {

    static final String KNOWN_DEVICE = "known_device";
    static final String NEW_DEVICE = "new_device";
    static final String NEW_BROWSER_FAMILY = "new_browser_family";
    static final String NO_USER = "no_user";

    private final UserAgents userAgents;

    DeviceSignal(UserAgents userAgents) {
        this.userAgents = userAgents;
    }

    @Override
    public SignalResult evaluate(RiskInput input) {
        String id = DeviceSignalFactory.ID;
        if (input == null || input.user() == null) {
            return SignalResult.unknown(id, NO_USER);
        }
        try {
            Browser browser = userAgents.parse(input.userAgent());
            if (KnownDevices.isKnown(input.session(), input.realm(), input.user(), input.deviceId())) {
                return SignalResult.known(id, KNOWN_DEVICE).observing(browser.observed());
            }
            int points = DeviceSignalFactory.newDevicePoints(input.config());
            int familyPoints = DeviceSignalFactory.newBrowserPoints(input.config());
            boolean newFamily = familyPoints > 0
                    && KnownDevices.any(input.user())
                    && !KnownDevices.familySeen(input.user(), browser.family());
            SignalResult result = newFamily
                    ? SignalResult.fired(id, points + familyPoints, NEW_BROWSER_FAMILY)
                    : SignalResult.fired(id, points, NEW_DEVICE);
            return result.observing(browser.observed());
        } catch (RuntimeException e) {
            return SignalResult.unknown(id, "device_unreadable");
        }
    }
}
