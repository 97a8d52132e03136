package dev.ciamkit.risk.signal.velocity;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.common.ratelimit.SlotLimiter;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Failed logins per client address in a sliding window, cluster-safe: each failure takes a numbered slot with
 * {@code putIfAbsent} in Keycloak's single-use store that expires a window later (see {@link SlotLimiter}); the count
 * is the number of slots taken, saturating at the threshold, which is all the signal needs. The key holds the
 * address's peppered hash, never the address.
 */
public final class AddressFailures {

    public static final String WINDOW = "velocity.window-seconds";
    public static final String ADDRESS_THRESHOLD = "velocity.address-failures";

    private AddressFailures() {}

    public static void record(KeycloakSession session, RealmModel realm, String address, Map<String, String> config) {
        if (address == null || address.isBlank()) {
            return;
        }
        limiter(session).tryAcquire(List.of(limit(session, realm, address, config)));
    }

    public static int count(KeycloakSession session, RealmModel realm, String address, Map<String, String> config) {
        return limiter(session).occupied(limit(session, realm, address, config));
    }

    static int windowSeconds(Map<String, String> config) {
        return BoundedInt.read(config, WINDOW, 900, 1, 86_400);
    }

    static int threshold(Map<String, String> config) {
        return BoundedInt.read(config, ADDRESS_THRESHOLD, 10, 1, 100);
    }

    private static SlotLimiter.Limit limit(
            KeycloakSession session, RealmModel realm, String address, Map<String, String> config) {
        String hashed = session.getProvider(EnvelopeProvider.class).hashIdentifier("ciamkit-risk-address", address);
        return new SlotLimiter.Limit(
                "address", "risk-fail:" + realm.getId() + ":" + hashed, threshold(config), windowSeconds(config));
    }

    private static SlotLimiter limiter(KeycloakSession session) {
        return new SlotLimiter(session.getProvider(SingleUseObjectProvider.class));
    }
}
