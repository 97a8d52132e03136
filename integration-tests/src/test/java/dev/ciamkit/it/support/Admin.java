package dev.ciamkit.it.support;

import org.keycloak.admin.client.Keycloak;

/** An admin client logged in to the master realm as the bootstrap admin the launcher created. */
public final class Admin {

    private Admin() {}

    public static Keycloak client() {
        return client(KeycloakServer.BASE_URL);
    }

    /** The same admin on another server than the main one (a cluster node). */
    public static Keycloak client(String baseUrl) {
        return Keycloak.getInstance(
                baseUrl, "master", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD, "admin-cli");
    }
}
