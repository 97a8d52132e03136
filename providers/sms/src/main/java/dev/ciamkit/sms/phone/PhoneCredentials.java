package dev.ciamkit.sms.phone;

import dev.ciamkit.common.crypto.CryptoException;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.sms.code.SmsChallenge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * A user's bound phone as a credential of type {@value #TYPE}: {@link PhoneBinding} as credential data, the E.164
 * number sealed by the common envelope as secret data, the masked number as its label (so the stock account console
 * lists it). The database never holds the number in plaintext. A user has at most one binding.
 */
public final class PhoneCredentials {

    public static final String TYPE = "ciamkit-phone";

    private static final Logger LOG = Logger.getLogger(PhoneCredentials.class);
    private static final String NUMBER = "number";

    private PhoneCredentials() {}

    /** A new binding's credential, ready to store; the number is sealed for this user and this binding only. */
    static CredentialModel create(KeycloakSession session, UserModel user, String e164, String masked) {
        EnvelopeProvider envelope = session.getProvider(EnvelopeProvider.class);
        String bindingId = UUID.randomUUID().toString();
        PhoneBinding binding =
                new PhoneBinding(bindingId, masked, envelope.hashIdentifier(SmsChallenge.PHONE_PURPOSE, e164));
        String sealed = envelope.seal(e164.getBytes(StandardCharsets.UTF_8), context(user.getId(), bindingId));
        CredentialModel model = new CredentialModel();
        model.setType(TYPE);
        model.setUserLabel(masked);
        model.setCreatedDate(Time.currentTimeMillis());
        model.setCredentialData(write(binding));
        model.setSecretData(write(Map.of(NUMBER, sealed)));
        return model;
    }

    /** The user's stored binding, if any (the newest, should an import have left two). */
    public static Optional<CredentialModel> stored(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(TYPE)
                .reduce((a, b) -> createdOf(a) >= createdOf(b) ? a : b);
    }

    /** The public data of a stored binding; empty when it does not parse (a handled failure). */
    public static Optional<PhoneBinding> binding(CredentialModel stored) {
        try {
            PhoneBinding binding = JsonSerialization.readValue(stored.getCredentialData(), PhoneBinding.class);
            return binding == null || binding.bindingId() == null ? Optional.empty() : Optional.of(binding);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The bound number in E.164, opened from the envelope; empty when the user has none or it does not open (a key no
     * longer in the ring, an altered row: logged by credential id, never the value).
     */
    public static Optional<String> number(KeycloakSession session, UserModel user) {
        return stored(user).flatMap(stored -> open(session, user, stored));
    }

    static Optional<String> open(KeycloakSession session, UserModel user, CredentialModel stored) {
        Optional<PhoneBinding> binding = binding(stored);
        if (binding.isEmpty()) {
            LOG.warnf("CIAM Kit: phone binding %s has unreadable data", stored.getId());
            return Optional.empty();
        }
        try {
            Object sealed = JsonSerialization.readValue(stored.getSecretData(), Map.class)
                    .get(NUMBER);
            byte[] number = session.getProvider(EnvelopeProvider.class)
                    .open(
                            String.valueOf(sealed),
                            context(user.getId(), binding.get().bindingId()));
            return Optional.of(new String(number, StandardCharsets.UTF_8));
        } catch (IOException | CryptoException | IllegalArgumentException e) {
            LOG.warnf(
                    "CIAM Kit: phone binding %s does not open: %s",
                    stored.getId(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The envelope context of a bound number: it opens only for this user and this binding. */
    static String context(String userId, String bindingId) {
        return "ciamkit-phone:" + userId + ":" + bindingId;
    }

    private static long createdOf(CredentialModel model) {
        return model.getCreatedDate() == null ? 0 : model.getCreatedDate();
    }

    private static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
