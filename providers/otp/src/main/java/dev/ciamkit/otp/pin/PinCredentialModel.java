package dev.ciamkit.otp.pin;

import java.io.IOException;
import java.util.Optional;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * A PIN as Keycloak stores it: {@link PinData} as credential data, and as secret data the Argon2 hash and salt that
 * Keycloak's password-hash provider made of the PIN's keyed input (an HMAC with a pepper outside the database), never
 * the PIN itself.
 */
public final class PinCredentialModel extends CredentialModel {

    public static final String TYPE = "ciamkit-pin";

    private final PinData data;

    private PinCredentialModel(PinData data) {
        this.data = data;
    }

    static PinCredentialModel create(PinData data, PasswordCredentialModel hashed, long createdMillis) {
        PinCredentialModel model = new PinCredentialModel(data);
        model.setType(TYPE);
        model.setCreatedDate(createdMillis);
        model.setCredentialData(write(data));
        model.setSecretData(hashed.getSecretData());
        return model;
    }

    /** The stored PIN, or empty when its data is missing or does not parse: a handled failure, never an exception. */
    public static Optional<PinCredentialModel> read(CredentialModel stored) {
        if (stored == null || !TYPE.equals(stored.getType())) {
            return Optional.empty();
        }
        try {
            PinData data = JsonSerialization.readValue(stored.getCredentialData(), PinData.class);
            if (data == null || data.pepper() == null || data.hash() == null || stored.getSecretData() == null) {
                return Optional.empty();
            }
            PinCredentialModel model = new PinCredentialModel(data);
            model.setId(stored.getId());
            model.setType(stored.getType());
            model.setUserLabel(stored.getUserLabel());
            model.setCreatedDate(stored.getCreatedDate());
            model.setCredentialData(stored.getCredentialData());
            model.setSecretData(stored.getSecretData());
            return Optional.of(model);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A stored PIN whose data does not parse, for listing and removal only: no PIN is ever checked against it. */
    static PinCredentialModel unreadable(CredentialModel stored) {
        PinCredentialModel model = new PinCredentialModel(new PinData(0, "", ""));
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setCredentialData(stored.getCredentialData());
        model.setSecretData(stored.getSecretData());
        return model;
    }

    public PinData data() {
        return data;
    }

    /** The stored hash in the shape Keycloak's password-hash provider verifies. */
    PasswordCredentialModel hashed() {
        CredentialModel hash = new CredentialModel();
        hash.setType(PasswordCredentialModel.TYPE);
        hash.setCredentialData(data.hash());
        hash.setSecretData(getSecretData());
        return PasswordCredentialModel.createFromCredentialModel(hash);
    }

    static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
