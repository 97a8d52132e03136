package dev.ciamkit.it.support;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Users made for one test in the demo realm, each with its own name so tests never share state. */
public final class TestUsers {

    public static final String PASSWORD = "It-password-2026!";

    private TestUsers() {}

    public record TestUser(String id, String username) {}

    public static TestUser create(Keycloak admin, String prefix, Map<String, List<String>> attributes) {
        return create(admin, Oidc.REALM, prefix, attributes);
    }

    public static TestUser create(
            Keycloak admin, String realmName, String prefix, Map<String, List<String>> attributes) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@it.ciamkit.dev");
        user.setEmailVerified(true);
        user.setFirstName("Test");
        user.setLastName("User");
        user.setEnabled(true);
        user.setAttributes(attributes);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        RealmResource realm = admin.realm(realmName);
        try (Response response = realm.users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("cannot create user: HTTP " + response.getStatus());
            }
            String location = response.getLocation().getPath();
            return new TestUser(location.substring(location.lastIndexOf('/') + 1), username);
        }
    }

    public static TestUser create(Keycloak admin, String prefix) {
        return create(admin, prefix, Map.of());
    }

    public static List<CredentialRepresentation> devices(Keycloak admin, TestUser user) {
        return devices(admin, Oidc.REALM, user);
    }

    public static List<CredentialRepresentation> devices(Keycloak admin, String realmName, TestUser user) {
        return admin.realm(realmName).users().get(user.id()).credentials().stream()
                .filter(c -> "ciamkit-mobile-otp".equals(c.getType()))
                .toList();
    }
}
