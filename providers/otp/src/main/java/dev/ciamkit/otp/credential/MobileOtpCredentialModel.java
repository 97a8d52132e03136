package dev.ciamkit.otp.credential;

import dev.ciamkit.otp.engine.DeviceState;
import dev.ciamkit.otp.engine.OtpPolicy;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * A mobile-OTP device as Keycloak stores it: {@link DeviceData} as credential data, and secret data
 * {@code {"seed": "ck1.<keyId>..."}} holding the seed sealed by the common envelope. The database never holds a seed
 * in plaintext.
 */
public final class MobileOtpCredentialModel extends CredentialModel {

    public static final String TYPE = "ciamkit-mobile-otp";
    private static final String SEED = "seed";
    private static final java.util.regex.Pattern CREDENTIAL_ID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final DeviceData data;

    private MobileOtpCredentialModel(DeviceData data) {
        this.data = data;
    }

    public static MobileOtpCredentialModel create(
            String label, DeviceData data, String sealedSeed, long createdMillis) {
        MobileOtpCredentialModel model = new MobileOtpCredentialModel(data);
        model.setType(TYPE);
        model.setUserLabel(label);
        model.setCreatedDate(createdMillis);
        model.setCredentialData(write(data));
        model.setSecretData(write(Map.of(SEED, sealedSeed)));
        return model;
    }

    /**
     * The stored device, or empty when its public data is missing or does not parse (altered in the database, or
     * imported broken): a handled failure, never an exception.
     */
    public static Optional<MobileOtpCredentialModel> read(CredentialModel stored) {
        DeviceData data;
        try {
            data = JsonSerialization.readValue(stored.getCredentialData(), DeviceData.class);
            if (data == null
                    || data.deviceId() == null
                    || data.deviceId().isBlank()
                    || data.type() == null
                    || data.algorithm() == null) {
                return Optional.empty();
            }
            data.policy(); // validates digits and period
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(stored(new MobileOtpCredentialModel(data), stored));
    }

    /**
     * A stored device whose public data does not parse, for listing and removal only: its data is a placeholder (no
     * code is ever checked against it; verification reads the stored credential itself and answers UNREADABLE).
     */
    static MobileOtpCredentialModel unreadable(CredentialModel stored) {
        return stored(
                new MobileOtpCredentialModel(DeviceData.enrolled("", OtpPolicy.DEFAULT, DeviceState.NEW, 0)), stored);
    }

    /** The model with the stored credential's id, type, label, dates and data as they are. */
    private static MobileOtpCredentialModel stored(MobileOtpCredentialModel model, CredentialModel stored) {
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setCredentialData(stored.getCredentialData());
        model.setSecretData(stored.getSecretData());
        return model;
    }

    /** The user's devices as stored, oldest first: the order every device picker shows. */
    public static List<CredentialModel> devices(UserModel user) {
        return user.credentialManager()
                .getStoredCredentialsByTypeStream(TYPE)
                .sorted(Comparator.comparing(CredentialModel::getCreatedDate, Comparator.nullsLast(Long::compare)))
                .toList();
    }

    public DeviceData data() {
        return data;
    }

    /** The same stored credential with new public data; the sealed seed is untouched. */
    public MobileOtpCredentialModel with(DeviceData next) {
        MobileOtpCredentialModel model = new MobileOtpCredentialModel(next);
        model.setId(getId());
        model.setType(getType());
        model.setUserLabel(getUserLabel());
        model.setCreatedDate(getCreatedDate());
        model.setCredentialData(write(next));
        model.setSecretData(getSecretData());
        return model;
    }

    public String sealedSeed() {
        try {
            return JsonSerialization.readValue(getSecretData(), Map.class)
                    .get(SEED)
                    .toString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("credential " + getId() + " has unreadable secret data", e);
        }
    }

    /**
     * A device id as a client sent it, if it has the shape of Keycloak's credential ids (a UUID); null otherwise, so
     * that arbitrary input never reaches the authentication session, an event or a query.
     */
    public static String credentialIdOrNull(String typed) {
        return typed != null && CREDENTIAL_ID.matcher(typed).matches() ? typed : null;
    }

    /** The envelope context of a device's seed: the seed opens only for this user and this device. */
    public static String seedContext(String userId, String deviceId) {
        return "ciamkit-otp-seed:" + userId + ":" + deviceId;
    }

    private static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
