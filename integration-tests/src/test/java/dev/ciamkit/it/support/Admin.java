package dev.ciamkit.it.support;

import org.keycloak.admin.client.Keycloak;

/** An admin client logged in to the master realm as the bootstrap admin the launcher created. */
public final class Admin {

    private Admin() {}

    public static Keycloak client() {
        return Keycloak.getInstance(
                KeycloakServer.BASE_URL,
                "master",
                KeycloakServer.ADMIN_USER,
                KeycloakServer.ADMIN_PASSWORD,
                "admin-cli");
    }
}
