package dev.ciamkit.ekyc.credential;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/**
 * Which events withdraw an eKYC verification. Keycloak 26.7 removes a credential without calling the provider's
 * {@code deleteCredential} on two user paths, both ending in a {@code REMOVE_CREDENTIAL} event whose details name the
 * type: the account REST {@code DELETE /account/credentials/{id}} (id in {@code selected_credential_id}) and the
 * {@code delete_credential} required action (id in {@code credential_id}). The admin API's
 * {@code DELETE /admin/realms/{r}/users/{u}/credentials/{c}} is an admin event DELETE on that path, without the type.
 */
record Withdrawal(String realmId, String userId, Optional<String> credentialId) {

    private static final Pattern ADMIN_PATH = Pattern.compile("users/([^/]+)/credentials/([^/]+)");

    static Optional<Withdrawal> of(Event event) {
        if (event == null || event.getType() != EventType.REMOVE_CREDENTIAL || event.getUserId() == null) {
            return Optional.empty();
        }
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        if (!EkycCredentialModel.TYPE.equals(details.get(Details.CREDENTIAL_TYPE))) {
            return Optional.empty();
        }
        String id = details.getOrDefault(Details.CREDENTIAL_ID, details.get(Details.SELECTED_CREDENTIAL_ID));
        return Optional.of(new Withdrawal(event.getRealmId(), event.getUserId(), Optional.ofNullable(id)));
    }

    /**
     * A credential deleted through the admin API ({@code DELETE users/{u}/credentials/{c}}, which Keycloak 26.7 records
     * as an ACTION on that path): ours or not, only a record held by that credential id matches.
     */
    static Optional<Withdrawal> of(AdminEvent event) {
        if (event == null
                || (event.getOperationType() != OperationType.DELETE
                        && event.getOperationType() != OperationType.ACTION)
                || event.getResourceType() != ResourceType.USER
                || event.getResourcePath() == null) {
            return Optional.empty();
        }
        Matcher path = ADMIN_PATH.matcher(event.getResourcePath());
        if (!path.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Withdrawal(event.getRealmId(), path.group(1), Optional.of(path.group(2))));
    }
}
