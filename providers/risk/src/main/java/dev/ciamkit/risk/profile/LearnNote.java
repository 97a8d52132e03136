package dev.ciamkit.risk.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.util.JsonSerialization;

/**
 * What a login saw, kept sealed in the session until the login succeeds; only then is it learned. Sealed because it
 * names the device cookie's id and the place.
 *
 * @param at when the assessment was made (epoch seconds)
 * @param deviceId unused since the id rotates on the response that completes the login (kept for notes in flight)
 * @param previousDeviceId the id the browser presented, verified, or null: its remembered entry moves to the new id
 * @param observed what each signal observed, by signal id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearnNote(long at, String deviceId, String previousDeviceId, Map<String, Map<String, String>> observed) {

    public LearnNote {
        observed = observed == null ? Map.of() : Map.copyOf(observed);
    }

    public String seal(KeycloakSession session, String userId) {
        try {
            return envelope(session).seal(JsonSerialization.writeValueAsBytes(this), context(userId));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The note, or empty when it is missing or does not open (a handled failure: nothing is learned). */
    public static Optional<LearnNote> open(KeycloakSession session, String userId, String sealed) {
        if (sealed == null || sealed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(
                    JsonSerialization.readValue(envelope(session).open(sealed, context(userId)), LearnNote.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public String value(String signal, String key) {
        Map<String, String> values = observed.get(signal);
        return values == null ? null : values.get(key);
    }

    private static String context(String userId) {
        return "ciamkit-risk-learn:" + userId;
    }

    private static EnvelopeProvider envelope(KeycloakSession session) {
        return session.getProvider(EnvelopeProvider.class);
    }
}
