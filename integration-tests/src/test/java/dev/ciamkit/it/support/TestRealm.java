package dev.ciamkit.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * A realm of one test class's own: the shipped demo realm (flows, clients, required actions, themes) under a new name,
 * without its users, with Keycloak's quick-login check off so tests never sleep past it. Changes a class needs are
 * applied to the JSON before the realm is created; the realm is removed on close.
 *
 * <pre>
 * try (TestRealm realm = TestRealm.create(admin, "bruteforce", json -> json.put("failureFactor", 3))) { ... }
 * </pre>
 */
public final class TestRealm implements AutoCloseable {

    /** The password-only browser flow of {@link #passwordOnlyBrowserFlow}. */
    public static final String PASSWORD_FLOW = "it password";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Keycloak admin;
    private final String name;

    private TestRealm(Keycloak admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    /** @param customize changes to the realm JSON before it is created (brute-force settings, flows, clients...) */
    public static TestRealm create(Keycloak admin, String prefix, Consumer<ObjectNode> customize) {
        String name = "it-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(demoRealmJson()));
            realm.remove("id");
            realm.remove("users");
            // ids are unique per server: the demo realm's fixed flow id (for its per-client override) goes
            realm.withArray("authenticationFlows").forEach(flow -> ((ObjectNode) flow).remove("id"));
            realm.withArray("clients")
                    .forEach(client -> ((ObjectNode) client).remove("authenticationFlowBindingOverrides"));
            realm.put("realm", name);
            realm.put("quickLoginCheckMilliSeconds", 0);
            realm.put("minimumQuickLoginWaitSeconds", 0);
            customize.accept(realm);
            HttpResponse<String> created = AdminApi.createRealm(admin, JSON.writeValueAsString(realm));
            if (created.statusCode() != 201) {
                throw new IllegalStateException(
                        "cannot create realm " + name + ": HTTP " + created.statusCode() + " " + created.body());
            }
            return new TestRealm(admin, name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test realm " + name, e);
        }
    }

    public static TestRealm create(Keycloak admin, String prefix) {
        return create(admin, prefix, json -> {});
    }

    /** The demo realm as shipped (the assembled server's data/import copy of realm-config). */
    public static Path demoRealmJson() {
        return KeycloakServerExtension.TestPaths.serverDir().resolve("data/import/ciamkit-demo-realm.json");
    }

    public String name() {
        return name;
    }

    public RealmResource resource() {
        return admin.realm(name);
    }

    public TestUser createUser(String prefix, Map<String, List<String>> attributes) {
        return TestUsers.create(admin, name, prefix, attributes);
    }

    public TestUser createUser(String prefix) {
        return createUser(prefix, Map.of());
    }

    /**
     * For {@link #create}'s customizer: adds the browser flow {@value #PASSWORD_FLOW} (the SSO cookie, or username and password) and
     * makes it the realm's, so users can run required actions (a phone binding) before a flow that needs them.
     */
    public static void passwordOnlyBrowserFlow(ObjectNode json) {
        ObjectNode flow = ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("authenticationFlows")).addObject();
        flow.put("alias", PASSWORD_FLOW)
                .put("providerId", "basic-flow")
                .put("topLevel", true)
                .put("builtIn", false);
        com.fasterxml.jackson.databind.node.ArrayNode steps = flow.putArray("authenticationExecutions");
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
        json.put("browserFlow", PASSWORD_FLOW);
    }

    /**
     * An access token of the realm's API client ({@link Oidc#API_CLIENT}, client credentials with a fresh secret),
     * whose service account holds no realm-management role: the caller permission tests refuse.
     */
    public String tokenWithoutAdminRoles() throws Exception {
        return Oidc.apiClientToken(KeycloakServer.BASE_URL, resource(), name);
    }

    /** Binds another browser flow to the realm, e.g. the shipped {@code ciamkit sms}. */
    public void useBrowserFlow(String alias) {
        org.keycloak.representations.idm.RealmRepresentation rep = resource().toRepresentation();
        rep.setBrowserFlow(alias);
        resource().update(rep);
    }

    /** A new user who must go through these required actions at the next login (e.g. ciamkit-phone-register). */
    public TestUser createUserWithActions(String prefix, String... requiredActions) {
        TestUser user = createUser(prefix);
        requireActions(user, requiredActions);
        return user;
    }

    /** Sets the user's pending required actions, as an admin does in the console. */
    public void requireActions(TestUser user, String... requiredActions) {
        org.keycloak.representations.idm.UserRepresentation rep =
                resource().users().get(user.id()).toRepresentation();
        rep.setRequiredActions(List.of(requiredActions));
        resource().users().get(user.id()).update(rep);
    }

    public List<CredentialRepresentation> devices(TestUser user) {
        return TestUsers.devices(admin, name, user);
    }

    public List<EventRepresentation> events(TestUser user, String type) {
        return resource().getEvents(List.of(type), null, user.id(), null, null, null, 0, 200);
    }

    /** GET on this realm's admin API, e.g. {@code /ciamkit-otp/summary}. */
    public HttpResponse<String> adminGet(String path) throws Exception {
        return AdminApi.get(admin, name, path);
    }

    /** What Keycloak's brute-force protector holds for the user (numFailures, disabled, ...). */
    public JsonNode bruteForce(TestUser user) throws Exception {
        return JSON.readTree(
                adminGet("/attack-detection/brute-force/users/" + user.id()).body());
    }

    /**
     * Polls the brute-force state until it satisfies the condition: the protector counts asynchronously, on its own
     * executor and transaction. Fails with the last state seen after the timeout.
     */
    public JsonNode awaitBruteForce(TestUser user, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode state = bruteForce(user);
        while (!condition.test(state)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("brute-force state never reached the expected value; last: " + state);
            }
            Thread.sleep(200);
            state = bruteForce(user);
        }
        return state;
    }

    @Override
    public void close() throws Exception {
        AdminApi.deleteRealm(admin, name);
    }
}
