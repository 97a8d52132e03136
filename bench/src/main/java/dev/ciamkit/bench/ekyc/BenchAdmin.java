package dev.ciamkit.bench.ekyc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the eKYC bench does through Keycloak's admin REST API: its realm, a user per iteration, a check afterwards. */
final class BenchAdmin {

    static final String PASSWORD_FLOW = "bench password";
    static final String PASSWORD = "CiamKit-bench-2026";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String username;
    private final String password;
    private String token;
    private long tokenAt;

    BenchAdmin(HttpClient http, String baseUrl, String username, String password) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    /**
     * The shipped demo realm under a new name (flows, clients, required actions, eKYC config), without its users and
     * ids, with the quick-login check off and a password-only browser flow (the cookie, or username and password), as
     * the integration tests build their realms: the verification runs as the required action the application asks for.
     */
    void createRealm(Path demoRealmJson, String name) throws IOException, InterruptedException {
        ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(demoRealmJson));
        realm.remove("id");
        realm.remove("users");
        realm.withArray("authenticationFlows").forEach(flow -> ((ObjectNode) flow).remove("id"));
        realm.withArray("clients")
                .forEach(client -> ((ObjectNode) client).remove("authenticationFlowBindingOverrides"));
        realm.put("realm", name);
        realm.put("quickLoginCheckMilliSeconds", 0);
        realm.put("minimumQuickLoginWaitSeconds", 0);
        ObjectNode flow = ((ArrayNode) realm.get("authenticationFlows")).addObject();
        flow.put("alias", PASSWORD_FLOW)
                .put("providerId", "basic-flow")
                .put("topLevel", true)
                .put("builtIn", false);
        ArrayNode steps = flow.putArray("authenticationExecutions");
        steps.addObject()
                .put("authenticator", "auth-cookie")
                .put("authenticatorFlow", false)
                .put("requirement", "ALTERNATIVE")
                .put("priority", 10);
        steps.addObject()
                .put("authenticator", "auth-username-password-form")
                .put("authenticatorFlow", false)
                .put("requirement", "ALTERNATIVE")
                .put("priority", 20);
        realm.put("browserFlow", PASSWORD_FLOW);
        expect(send("DELETE", "/admin/realms/" + name, null), 204, 404);
        expect(send("POST", "/admin/realms", JSON.writeValueAsString(realm)), 201);
    }

    /** A new user with the bench password; returns its id. */
    String createUser(String realm, String username) throws IOException, InterruptedException {
        ObjectNode user = JSON.createObjectNode()
                .put("username", username)
                .put("email", username + "@bench.ciamkit.dev")
                .put("emailVerified", true)
                .put("firstName", "Bench")
                .put("lastName", "User")
                .put("enabled", true);
        user.putArray("credentials")
                .addObject()
                .put("type", "password")
                .put("value", PASSWORD)
                .put("temporary", false);
        HttpResponse<String> created = send("POST", "/admin/realms/" + realm + "/users", JSON.writeValueAsString(user));
        expect(created, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The types of the user's credentials (an eKYC verification is one of type {@code ciamkit-ekyc}). */
    List<String> credentialTypes(String realm, String userId) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("GET", "/admin/realms/" + realm + "/users/" + userId + "/credentials", null);
        expect(answer, 200);
        return java.util.stream.StreamSupport.stream(
                        JSON.readTree(answer.body()).spliterator(), false)
                .map(c -> c.path("type").asText())
                .toList();
    }

    void deleteRealm(String name) throws IOException, InterruptedException {
        expect(send("DELETE", "/admin/realms/" + name, null), 204, 404);
    }

    private HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token())
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An admin-cli token of the master realm; fetched again before the master realm's 60 s lifespan ends. */
    private synchronized String token() throws IOException, InterruptedException {
        if (token == null || System.nanoTime() - tokenAt > 30_000_000_000L) {
            String body = Map.of(
                            "grant_type",
                            "password",
                            "client_id",
                            "admin-cli",
                            "username",
                            username,
                            "password",
                            password)
                    .entrySet()
                    .stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(java.util.stream.Collectors.joining("&"));
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            expect(answer, 200);
            JsonNode tokens = JSON.readTree(answer.body());
            token = tokens.path("access_token").asText();
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private static void expect(HttpResponse<String> answer, int... statuses) {
        for (int status : statuses) {
            if (answer.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException(
                answer.request().method() + " " + answer.uri() + ": HTTP " + answer.statusCode() + " " + answer.body());
    }
}
