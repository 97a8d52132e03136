package dev.ciamkit.realmconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/** Guards the policy the demo realm promises; the server-side import is tested in integration-tests. */
class DemoRealmTest {

    private static RealmRepresentation realm;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = DemoRealmTest.class.getResourceAsStream("/realms/ciamkit-demo-realm.json")) {
            realm = new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, RealmRepresentation.class);
        }
    }

    @Test
    void uses_our_theme_with_korean_first() {
        assertThat(realm.getLoginTheme()).isEqualTo("ciamkit");
        assertThat(realm.isInternationalizationEnabled()).isTrue();
        assertThat(realm.getSupportedLocales()).containsExactlyInAnyOrder("ko", "ja", "en");
        assertThat(realm.getDefaultLocale()).isEqualTo("ko");
    }

    @Test
    void protects_against_brute_force_and_records_events() {
        assertThat(realm.isBruteForceProtected()).isTrue();
        assertThat(realm.isEventsEnabled()).isTrue();
        assertThat(realm.isAdminEventsEnabled()).isTrue();
    }

    @Test
    void the_demo_app_is_public_and_requires_pkce() {
        ClientRepresentation app = client("ciamkit-demo-app");

        assertThat(app.isPublicClient()).isTrue();
        assertThat(app.isDirectAccessGrantsEnabled()).isFalse();
        assertThat(app.isImplicitFlowEnabled()).isFalse();
        assertThat(app.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
    }

    @Test
    void the_api_client_is_confidential_with_client_credentials_only() {
        ClientRepresentation api = client("ciamkit-api");

        assertThat(api.isPublicClient()).isFalse();
        assertThat(api.isServiceAccountsEnabled()).isTrue();
        assertThat(api.isStandardFlowEnabled()).isFalse();
        assertThat(api.getSecret()).startsWith("${CIAMKIT_DEMO_API_SECRET");
    }

    @Test
    void binds_the_ciamkit_browser_flow_with_mobile_otp_after_the_password() {
        assertThat(realm.getBrowserFlow()).isEqualTo("ciamkit browser");
        assertThat(realm.getAuthenticationFlows())
                .filteredOn(flow -> flow.getAlias().equals("ciamkit browser forms"))
                .singleElement()
                .satisfies(flow -> assertThat(flow.getAuthenticationExecutions())
                        .extracting(e -> e.getAuthenticator())
                        .containsExactly("auth-username-password-form", "ciamkit-mobile-otp-form"));
    }

    @Test
    void registers_our_enrolment_action_and_keeps_keycloak_defaults() {
        assertThat(realm.getRequiredActions())
                .extracting(a -> a.getAlias())
                .contains("ciamkit-mobile-otp-register", "delete_credential", "UPDATE_PASSWORD", "VERIFY_PROFILE");
        assertThat(realm.getRequiredActions())
                .filteredOn(a -> a.getAlias().equals("CONFIGURE_TOTP"))
                .singleElement()
                .satisfies(a -> assertThat(a.isEnabled())
                        .as("Keycloak's own OTP enrolment is off")
                        .isFalse());
    }

    private static ClientRepresentation client(String clientId) {
        return realm.getClients().stream()
                .filter(c -> clientId.equals(c.getClientId()))
                .findFirst()
                .orElseThrow();
    }
}
