package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.Oidc.TokenResponse;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers;
import dev.ciamkit.it.support.TestUsers.TestUser;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

/** Issue 8, item 2: a password alone never gets tokens through the resource-owner password grant. */
@ExtendWith(KeycloakServerExtension.class)
class PasswordGrantIT {

    private static final String FLOW = "ciamkit direct grant";
    private static final String ON_PURPOSE = "ropc-on-purpose";

    private static Keycloak admin;

    @BeforeAll
    static void start() {
        admin = Admin.client();
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void no_client_of_the_demo_realm_gives_tokens_for_a_password_with_or_without_a_code() throws Exception {
        TestUser user = TestUsers.create(admin, "ropc");
        AuthenticatorApp phone = OtpJourney.enrolled(user.username());
        RealmResource demo = admin.realm(Oidc.REALM);

        // admin-cli is the door that was found open; it is tried whether or not it lists direct grants as on
        List<ClientRepresentation> tried = demo.clients().findAll().stream()
                .filter(c ->
                        Boolean.TRUE.equals(c.isDirectAccessGrantsEnabled()) || "admin-cli".equals(c.getClientId()))
                .toList();
        assertThat(tried).extracting(ClientRepresentation::getClientId).contains("admin-cli");
        for (ClientRepresentation client : tried) {
            String secret = Boolean.TRUE.equals(client.isPublicClient())
                    ? null
                    : demo.clients().get(client.getId()).getSecret().getValue();
            for (String code : new String[] {null, phone.nextCode()}) {
                TokenResponse response = grant(Oidc.REALM, client.getClientId(), secret, user, code);
                assertThat(response.status())
                        .as("password grant on %s (code %s): %s", client.getClientId(), code != null, response.body())
                        .isBetween(400, 499);
                assertThat(response.body().has("access_token")).isFalse();
            }
        }
        // and a client that turns direct grants on later still meets the factor
        assertThat(demo.toRepresentation().getDirectGrantFlow()).isEqualTo(FLOW);
    }

    @Test
    void the_flow_itself_wants_the_right_code_and_counts_every_failure() throws Exception {
        // Without the client policy, so that only the direct-grant flow stands between the password and tokens.
        try (TestRealm realm = TestRealm.create(admin, "ropc", json -> {
            json.remove("clientPolicies");
            json.remove("clientProfiles");
        })) {
            bindClientToFlow(realm);
            TestUser user = realm.createUser("ropc");
            AuthenticatorApp phone = OtpJourney.enrolled(realm.name(), user.username());
            TestUser deviceless = realm.createUser("nodevice");

            assertRefused(grant(realm.name(), ON_PURPOSE, null, user, null));
            assertRefused(grant(realm.name(), ON_PURPOSE, null, user, phone.wrongCode()));
            assertRefused(grant(realm.name(), ON_PURPOSE, null, user, "not-a-code"));
            realm.awaitBruteForce(user, state -> state.path("numFailures").asInt() == 3);
            assertThat(realm.events(user, "LOGIN_ERROR"))
                    .extracting(EventRepresentation::getError)
                    .contains("invalid_user_credentials");

            assertRefused(grant(realm.name(), ON_PURPOSE, null, deviceless, "123456"));
            assertThat(realm.devices(deviceless))
                    .as("a password grant never enrols a device")
                    .isEmpty();
            assertThat(admin.realm(realm.name())
                            .users()
                            .get(deviceless.id())
                            .toRepresentation()
                            .getRequiredActions())
                    .isEmpty();

            TokenResponse ok = grant(realm.name(), ON_PURPOSE, null, user, phone.nextCode());
            assertThat(ok.status()).as("%s", ok.body()).isEqualTo(200);
            assertThat(Oidc.claims(ok.body().path("access_token").asText())
                            .path("sub")
                            .asText())
                    .isEqualTo(user.id());
        }
    }

    /** A public client with direct grants on purpose, its direct grant bound to our flow (binding override). */
    private static void bindClientToFlow(TestRealm realm) {
        String flowId = realm.resource().flows().getFlows().stream()
                .filter(f -> FLOW.equals(f.getAlias()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the realm has no flow " + FLOW))
                .getId();
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(ON_PURPOSE);
        client.setProtocol("openid-connect");
        client.setPublicClient(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(true);
        client.setAuthenticationFlowBindingOverrides(Map.of("direct_grant", flowId));
        try (Response created = realm.resource().clients().create(client)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
    }

    private static TokenResponse grant(String realm, String clientId, String secret, TestUser user, String code)
            throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "password");
        params.put("client_id", clientId);
        Stream.ofNullable(secret).forEach(s -> params.put("client_secret", s));
        params.put("username", user.username());
        params.put("password", TestUsers.PASSWORD);
        params.put("scope", "openid");
        Stream.ofNullable(code).forEach(c -> params.put("otp", c));
        return Oidc.token(realm, params);
    }

    private static void assertRefused(TokenResponse response) {
        assertThat(response.status()).as("%s", response.body()).isBetween(400, 499);
        assertThat(response.body().has("access_token")).isFalse();
    }
}
