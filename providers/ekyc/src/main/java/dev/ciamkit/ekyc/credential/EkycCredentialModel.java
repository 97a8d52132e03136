package dev.ciamkit.ekyc.credential;

import dev.ciamkit.ekyc.vault.EkycMethod;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * The account console's face of an eKYC verification: a credential of type {@value #TYPE} labelled with the date and
 * the methods. Deleting it withdraws the verification (its images and sealed names go).
 */
public final class EkycCredentialModel extends CredentialModel {

    public static final String TYPE = "ciamkit-ekyc";

    private final EkycCredentialData data;

    private EkycCredentialModel(EkycCredentialData data) {
        this.data = data;
    }

    public static EkycCredentialModel create(String recordId, List<EkycMethod> methods, Instant verifiedAt) {
        EkycCredentialData data = new EkycCredentialData(
                recordId, methods.stream().map(EkycMethod::wire).toList(), verifiedAt.toEpochMilli());
        EkycCredentialModel model = new EkycCredentialModel(data);
        model.setType(TYPE);
        model.setUserLabel(EkycCredentialLabel.of(verifiedAt, methods));
        model.setCreatedDate(verifiedAt.toEpochMilli());
        try {
            model.setCredentialData(JsonSerialization.writeValueAsString(data));
        } catch (IOException e) {
            throw new IllegalStateException("eKYC credential data could not be written", e);
        }
        model.setSecretData("{}");
        return model;
    }

    /** The stored credential, or empty when it is not ours or its data does not parse (never an exception). */
    public static Optional<EkycCredentialModel> read(CredentialModel stored) {
        if (stored == null || !TYPE.equals(stored.getType())) {
            return Optional.empty();
        }
        try {
            EkycCredentialData data = JsonSerialization.readValue(stored.getCredentialData(), EkycCredentialData.class);
            return data == null ? Optional.empty() : Optional.of(copy(stored, data));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A stored credential whose data does not parse: listed and removable, never a server error. */
    static EkycCredentialModel unreadable(CredentialModel stored) {
        return copy(stored, new EkycCredentialData("", List.of(), 0));
    }

    private static EkycCredentialModel copy(CredentialModel stored, EkycCredentialData data) {
        EkycCredentialModel model = new EkycCredentialModel(data);
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setCredentialData(stored.getCredentialData());
        model.setSecretData(stored.getSecretData());
        return model;
    }

    public EkycCredentialData data() {
        return data;
    }
}
