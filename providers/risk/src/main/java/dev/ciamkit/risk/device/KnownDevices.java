package dev.ciamkit.risk.device;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * The browsers a user signed in with successfully, one credential of type {@value #TYPE} each: the device id only as
 * our peppered HMAC bound to the user (secret data), what it looked like and where as {@link KnownDevice} (credential
 * data and label). Bounded per user, least recently used first out. Only the learner, after a successful login, adds
 * or refreshes one: a failed attempt never makes a browser known.
 */
public final class KnownDevices {

    public static final String TYPE = "ciamkit-known-device";
    /** The most a realm may keep per user (the {@code device.max-known} setting is bounded to 1 to this). */
    public static final int MAX_KNOWN_LIMIT = 50;

    private static final String SECRET_FIELD = "device";

    private KnownDevices() {}

    /** Whether this verified device id belongs to one of the user's remembered browsers; false for a null id. */
    public static boolean isKnown(KeycloakSession session, RealmModel realm, UserModel user, String deviceId) {
        if (user == null || deviceId == null || deviceId.isEmpty()) {
            return false;
        }
        EnvelopeProvider envelope = session.getProvider(EnvelopeProvider.class);
        return match(envelope, user, stored(user), deviceId).isPresent();
    }

    /**
     * Remembers a browser after a successful login: moves the entry of the id it presented ({@code previousId}) to the
     * id this login issued, refreshing last use and label, or adds one,
     * dropping the least recently used beyond {@code max} (bounded to 1–{@value #MAX_KNOWN_LIMIT}).
     *
     * @return true when the device was new for this user (what a "new login" notice is about)
     */
    public static boolean remember(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            String deviceId,
            String previousId,
            Browser browser,
            String country,
            String city,
            Instant now,
            int max) {
        if (user == null || deviceId == null || deviceId.isEmpty()) {
            return false;
        }
        EnvelopeProvider envelope = session.getProvider(EnvelopeProvider.class);
        SubjectCredentialManager credentials = user.credentialManager();
        List<CredentialModel> stored = stored(user);
        KnownDevice seen = KnownDevice.of(browser == null ? Browser.other() : browser, country, city, now);
        String hash = envelope.hashIdentifier(purpose(user), deviceId);
        // The browser's entry is found by the id it presented (rotated to the new one now), else by the new id.
        Optional<CredentialModel> match = previousId == null || previousId.isEmpty()
                ? match(envelope, user, stored, deviceId)
                : match(envelope, user, stored, previousId).or(() -> match(envelope, user, stored, deviceId));
        if (match.isPresent()) {
            refresh(credentials, match.get(), seen, hash);
            return false;
        }
        int keep = Math.max(1, Math.min(MAX_KNOWN_LIMIT, max));
        List<CredentialModel> oldestFirst = new ArrayList<>(stored);
        oldestFirst.sort(Comparator.comparingLong(KnownDevices::lastUsed));
        for (int i = 0; i < oldestFirst.size() - keep + 1; i++) {
            credentials.removeStoredCredentialById(oldestFirst.get(i).getId());
        }
        CredentialModel model = new CredentialModel();
        model.setType(TYPE);
        model.setUserLabel(seen.label());
        model.setCreatedDate(now.toEpochMilli());
        model.setCredentialData(write(seen));
        model.setSecretData(write(Map.of(SECRET_FIELD, hash)));
        credentials.createStoredCredential(model);
        return true;
    }

    /** Whether any remembered browser of the user is of this family ("Chrome"); false when none is remembered. */
    public static boolean familySeen(UserModel user, String family) {
        return user != null
                && family != null
                && stored(user).stream()
                        .map(KnownDevices::data)
                        .flatMap(Optional::stream)
                        .anyMatch(d -> family.equals(d.family()));
    }

    /** Whether the user has any remembered browser at all. */
    public static boolean any(UserModel user) {
        return user != null && !stored(user).isEmpty();
    }

    /** The public data of a stored credential; empty when it does not parse. */
    public static Optional<KnownDevice> data(CredentialModel stored) {
        try {
            return Optional.ofNullable(JsonSerialization.readValue(stored.getCredentialData(), KnownDevice.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A login refreshes the credential only when something shows (another day, browser version or place) or the hash
     * was made with an older pepper: a write per login would mean a row lock per login, and the entity is versioned.
     */
    private static void refresh(
            SubjectCredentialManager credentials, CredentialModel stored, KnownDevice seen, String hash) {
        boolean rehash = !hash.equals(secret(stored).orElse(null));
        if (!rehash && seen.sameDayAs(data(stored).orElse(null))) {
            return;
        }
        stored.setCredentialData(write(seen));
        stored.setUserLabel(seen.label());
        if (rehash) {
            stored.setSecretData(write(Map.of(SECRET_FIELD, hash)));
        }
        credentials.updateStoredCredential(stored);
    }

    /** Compares against every stored hash, with no early exit, so the time does not tell which one matched. */
    private static Optional<CredentialModel> match(
            EnvelopeProvider envelope, UserModel user, List<CredentialModel> stored, String deviceId) {
        String purpose = purpose(user);
        CredentialModel found = null;
        for (CredentialModel candidate : stored) {
            boolean matches = envelope.identifierMatches(secret(candidate).orElse(null), purpose, deviceId);
            if (matches && found == null) {
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    private static List<CredentialModel> stored(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE).toList();
    }

    private static Optional<String> secret(CredentialModel stored) {
        try {
            Object hash = JsonSerialization.readValue(stored.getSecretData(), Map.class)
                    .get(SECRET_FIELD);
            return hash instanceof String s ? Optional.of(s) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long lastUsed(CredentialModel stored) {
        return data(stored).map(KnownDevice::lastUsed).orElse(Long.MIN_VALUE);
    }

    /** The device id is hashed for this user only: the same browser shared by two users matches for each alone. */
    static String purpose(UserModel user) {
        return "ciamkit-device:" + user.getId();
    }

    private static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
