package dev.ciamkit.risk.learn;

import dev.ciamkit.risk.device.Browser;
import dev.ciamkit.risk.device.DeviceSignalFactory;
import dev.ciamkit.risk.device.KnownDevices;
import dev.ciamkit.risk.device.NewLoginNotice;
import dev.ciamkit.risk.profile.LearnNote;
import dev.ciamkit.risk.profile.RiskProfile;
import dev.ciamkit.risk.profile.RiskProfileStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * After a successful login: the hour and place go into the user's profile, the device into the known devices, and the
 * user hears about a new device (not the very first one) or a new country by mail, after commit.
 */
final class RiskLearner {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;

    RiskLearner(KeycloakSession session, RealmModel realm, UserModel user) {
        this.session = session;
        this.realm = realm;
        this.user = user;
    }

    void learn(String sealed, Map<String, String> config, String freshDeviceId) {
        Optional<LearnNote> opened = LearnNote.open(session, user.getId(), sealed);
        if (opened.isEmpty()) {
            return;
        }
        LearnNote note = opened.get();
        Instant at = Instant.ofEpochSecond(note.at());
        String country = note.value("location", "country");
        String city = note.value("location", "city");
        RiskProfileStore store = new RiskProfileStore(session);
        RiskProfile before = store.read(user);
        store.write(
                user,
                before.learn(
                        at, country, number(note.value("location", "lat")), number(note.value("location", "lon"))));
        boolean newCountry = country != null && !before.countries().isEmpty() && !before.knowsCountry(country);
        boolean newDevice = false;
        String browser = note.value("device", "browser");
        if (freshDeviceId != null) {
            newDevice = KnownDevices.remember(
                    session,
                    realm,
                    user,
                    freshDeviceId,
                    note.previousDeviceId(),
                    Browser.fromObserved(note.observed().getOrDefault("device", Map.of())),
                    country,
                    city,
                    at,
                    DeviceSignalFactory.maxKnown(config));
        }
        boolean firstLogin = before.logins() == 0;
        if ((newDevice && !firstLogin) || newCountry) {
            String place = country == null ? null : (city == null ? country : city + ", " + country);
            NewLoginNotice.sendAfterCommit(session, realm, user, at, place, browser, newCountry);
        }
    }

    private static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
