package dev.ciamkit.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.keycloak.admin.client.Keycloak;

/** Plain HTTP calls to the demo realm's admin API, for our own endpoints that the admin client does not know. */
public final class AdminApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AdminApi() {}

    public static HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    public static HttpResponse<String> get(Keycloak admin, String path) throws Exception {
        return get(path, admin.tokenManager().getAccessTokenString());
    }

    /** GET on a test realm's admin API with a token of the caller's choosing (permission tests). */
    public static HttpResponse<String> get(String realm, String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(realm, path)).GET(), token);
    }

    /** GET on another realm's admin API (a test realm of one class's own). */
    public static HttpResponse<String> get(Keycloak admin, String realm, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(realm, path)).GET(), token(admin));
    }

    /** GET on a realm's admin API on another server than the main one (a cluster node). */
    public static HttpResponse<String> get(String baseUrl, Keycloak admin, String realm, String path) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
                        .GET(),
                token(admin));
    }

    /** POST on a realm's admin API of another server (a cluster node). */
    public static HttpResponse<String> post(String baseUrl, Keycloak admin, String realm, String path)
            throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                token(admin));
    }

    public static HttpResponse<String> post(Keycloak admin, String realm, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(realm, path)).POST(HttpRequest.BodyPublishers.noBody()), token(admin));
    }

    public static HttpResponse<String> delete(Keycloak admin, String realm, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(realm, path)).DELETE(), token(admin));
    }

    public static HttpResponse<String> post(Keycloak admin, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), token(admin));
    }

    public static HttpResponse<String> delete(Keycloak admin, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token(admin));
    }

    public static HttpResponse<String> put(Keycloak admin, String path, String json) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                token(admin));
    }

    /** PUT of JSON on a test realm's admin API. */
    public static HttpResponse<String> put(Keycloak admin, String realm, String path, String json) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(realm, path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                token(admin));
    }

    /** GET on a realm's admin API on another server (a cluster node) with a token of the caller's choosing. */
    public static HttpResponse<String> get(String baseUrl, String realm, String path, String token) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
                        .GET(),
                token);
    }

    /** Creates a realm from its JSON (POST /admin/realms), as an import pipeline does. */
    public static HttpResponse<String> createRealm(Keycloak admin, String json) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(KeycloakServer.BASE_URL + "/admin/realms"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                token(admin));
    }

    /** Adds users (and whatever else the JSON holds) to an existing realm. */
    public static HttpResponse<String> partialImport(Keycloak admin, String realm, String json) throws Exception {
        return send(
                HttpRequest.newBuilder(
                                URI.create(KeycloakServer.BASE_URL + "/admin/realms/" + realm + "/partialImport"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                token(admin));
    }

    public static HttpResponse<String> deleteRealm(Keycloak admin, String realm) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(KeycloakServer.BASE_URL + "/admin/realms/" + realm))
                        .DELETE(),
                token(admin));
    }

    private static String token(Keycloak admin) {
        return admin.tokenManager().getAccessTokenString();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        return HTTP.send(
                request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return uri(Oidc.REALM, path);
    }

    private static URI uri(String realm, String path) {
        return URI.create(KeycloakServer.BASE_URL + "/admin/realms/" + realm + path);
    }
}
