package dev.ciamkit.realmconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AbstractAuthenticationExecutionRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientPolicyConditionRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
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
        // slow guessing ends: three temporary lockouts, then a permanent one that only an admin lifts
        assertThat(realm.isPermanentLockout()).isTrue();
        assertThat(realm.getMaxTemporaryLockouts()).isEqualTo(3);
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
    void the_browser_flow_asks_for_the_otp_by_risk_or_requested_level_and_refuses_very_high_risk() {
        assertThat(realm.getBrowserFlow()).isEqualTo("ciamkit browser");
        assertThat(steps("ciamkit browser forms"))
                .containsExactly(
                        "ciamkit browser level 1",
                        "ciamkit-risk-evaluator",
                        "ciamkit browser risk deny",
                        "ciamkit browser level 2",
                        "ciamkit browser risk step-up",
                        "ciamkit browser level 3");
        assertThat(steps("ciamkit browser level 1"))
                .containsExactly("conditional-level-of-authentication", "auth-username-password-form");
        assertThat(steps("ciamkit browser risk deny")).containsExactly("ciamkit-risk-level", "ciamkit-risk-deny");
        assertThat(steps("ciamkit browser level 2"))
                .containsExactly("conditional-level-of-authentication", "ciamkit-mobile-otp-form");
        assertThat(steps("ciamkit browser risk step-up"))
                .containsExactly("ciamkit-risk-level", "ciamkit-mobile-otp-form");
        assertThat(config("ciamkit risk very high")).containsEntry("risk-level", "VERY_HIGH");
        assertThat(config("ciamkit risk medium"))
                .containsEntry("risk-level", "MEDIUM")
                .as("the risk branch skips a login that already passed level 2: one OTP per login")
                .containsEntry("risk-unless-loa", "2");
        assertThat(config("ciamkit loa 2")).containsEntry("loa-condition-level", "2");
        assertThat(realm.getAttributes()).containsKey("acr.loa.map");
    }

    @Test
    void loa_3_is_ekyc_after_the_lower_levels_and_a_valid_verification_is_not_asked_again() {
        assertThat(steps("ciamkit browser level 3"))
                .containsExactly("conditional-level-of-authentication", "ciamkit-ekyc");
        assertThat(config("ciamkit loa 3")).containsEntry("loa-condition-level", "3");
        assertThat(realm.getAttributes().get("acr.loa.map")).contains("\"ekyc\":3");
        assertThat(config("ciamkit ekyc"))
                .containsEntry("ekyc-methods", "id##face##account")
                .containsEntry("ekyc-required", "2")
                .as("images are not kept unless a bank decides to")
                .containsEntry("ekyc-keep-images", "false");
        assertThat(realm.getRequiredActions()).anySatisfy(action -> {
            assertThat(action.getAlias()).isEqualTo("ciamkit-ekyc-verify");
            assertThat(action.isEnabled()).isTrue();
            assertThat(action.isDefaultAction()).isFalse();
        });
        assertThat(realm.getRoles().getRealm())
                .extracting(org.keycloak.representations.idm.RoleRepresentation::getName)
                .contains("ciamkit-ekyc-viewer");
        assertThat(client("ciamkit-demo-app").getProtocolMappers())
                .extracting(org.keycloak.representations.idm.ProtocolMapperRepresentation::getProtocolMapper)
                .contains("ciamkit-verified-claims");
    }

    @Test
    void every_public_client_refresh_goes_through_the_risk_recheck() {
        assertThat(realm.getParsedClientPolicies().getPolicies()).anySatisfy(policy -> {
            assertThat(policy.isEnabled()).isTrue();
            assertThat(policy.getConditions())
                    .extracting(c -> c.getConditionProviderId())
                    .containsExactly("client-access-type");
            assertThat(policy.getConditions().get(0).getConfiguration().toString())
                    .contains("public");
            assertThat(policy.getProfiles()).containsExactly("ciamkit-risk-recheck");
        });
        assertThat(realm.getParsedClientProfiles().getProfiles())
                .anySatisfy(profile -> assertThat(profile.getExecutors())
                        .extracting(e -> e.getExecutorProviderId())
                        .containsExactly("ciamkit-risk-recheck"));
    }

    @Test
    void every_clients_authorization_request_records_its_transaction() {
        assertThat(realm.getParsedClientPolicies().getPolicies()).anySatisfy(policy -> {
            assertThat(policy.isEnabled()).isTrue();
            assertThat(policy.getConditions())
                    .extracting(c -> c.getConditionProviderId())
                    .containsExactly("any-client");
            assertThat(policy.getProfiles()).containsExactly("ciamkit-risk-transaction");
        });
        assertThat(realm.getParsedClientProfiles().getProfiles())
                .anySatisfy(profile -> assertThat(profile.getExecutors())
                        .extracting(e -> e.getExecutorProviderId())
                        .containsExactly("ciamkit-risk-transaction"));
        assertThat(config("ciamkit risk")).containsEntry("transaction.default-threshold", "1000000");
        assertThat(config("ciamkit risk").get("transaction.thresholds")).contains("ciamkit-demo-app=");
    }

    @Test
    void every_flow_description_fits_keycloaks_column() {
        assertThat(realm.getAuthenticationFlows())
                .allSatisfy(flow -> assertThat(flow.getDescription()).hasSizeLessThanOrEqualTo(255));
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

    @Test
    void the_password_grant_needs_the_mobile_otp_code_after_username_and_password() {
        assertThat(realm.getDirectGrantFlow()).isEqualTo("ciamkit direct grant");
        assertThat(flow("ciamkit direct grant").getAuthenticationExecutions())
                .allSatisfy(e -> assertThat(e.getRequirement()).isEqualTo("REQUIRED"))
                .extracting(AbstractAuthenticationExecutionRepresentation::getAuthenticator)
                .containsExactly(
                        "direct-grant-validate-username",
                        "direct-grant-validate-password",
                        "ciamkit-mobile-otp-direct-grant");
    }

    @Test
    void no_client_has_the_password_grant_not_even_the_realms_admin_cli() {
        assertThat(realm.getClients())
                .extracting(ClientRepresentation::getClientId)
                .contains("admin-cli");
        assertThat(realm.getClients())
                .allSatisfy(c -> assertThat(c.isDirectAccessGrantsEnabled())
                        .as(c.getClientId())
                        .isFalse());
    }

    @Test
    void a_client_policy_rejects_the_password_grant_for_every_client() {
        ClientProfileRepresentation profile = realm.getParsedClientProfiles().getProfiles().stream()
                .filter(p ->
                        p.getExecutors().stream().anyMatch(e -> "reject-ropc-grant".equals(e.getExecutorProviderId())))
                .findFirst()
                .orElseThrow();
        assertThat(realm.getParsedClientPolicies().getPolicies()).anySatisfy(policy -> {
            assertThat(policy.isEnabled()).isTrue();
            assertThat(policy.getConditions())
                    .extracting(ClientPolicyConditionRepresentation::getConditionProviderId)
                    .containsExactly("any-client");
            assertThat(policy.getProfiles()).contains(profile.getName());
        });
    }

    @Test
    void a_password_reset_asks_for_the_mobile_otp_after_the_email_link_and_before_the_new_password() {
        assertThat(realm.getResetCredentialsFlow()).isEqualTo("ciamkit reset credentials");
        assertThat(steps("ciamkit reset credentials"))
                .containsExactly(
                        "reset-credentials-choose-user",
                        "reset-credential-email",
                        "ciamkit-risk-evaluator",
                        "ciamkit reset risk deny",
                        "ciamkit-mobile-otp-form",
                        "reset-password");
        assertThat(flow("ciamkit reset credentials").getAuthenticationExecutions())
                .filteredOn(e -> e.getAuthenticator() != null)
                .allSatisfy(e -> assertThat(e.getRequirement()).isEqualTo("REQUIRED"));
        assertThat(steps("ciamkit reset risk deny")).containsExactly("ciamkit-risk-level", "ciamkit-risk-deny");
    }

    @Test
    void every_mobile_otp_step_has_a_config_of_its_own_and_the_browsers_two_branches_share_one() {
        assertThat(realm.getAuthenticationFlows().stream()
                        .flatMap(f -> f.getAuthenticationExecutions().stream())
                        .filter(e -> e.getAuthenticator() != null
                                && e.getAuthenticator().startsWith("ciamkit-mobile-otp"))
                        .map(AbstractAuthenticationExecutionRepresentation::getAuthenticatorConfig)
                        .distinct())
                .hasSize(3)
                .allSatisfy(alias -> assertThat(realm.getAuthenticatorConfig())
                        .extracting(c -> c.getAlias())
                        .contains(alias));
    }

    private static java.util.List<String> steps(String flowAlias) {
        return flow(flowAlias).getAuthenticationExecutions().stream()
                .map(e -> e.getAuthenticator() != null ? e.getAuthenticator() : e.getFlowAlias())
                .toList();
    }

    private static java.util.Map<String, String> config(String alias) {
        return realm.getAuthenticatorConfig().stream()
                .filter(c -> alias.equals(c.getAlias()))
                .findFirst()
                .orElseThrow()
                .getConfig();
    }

    private static AuthenticationFlowRepresentation flow(String alias) {
        return realm.getAuthenticationFlows().stream()
                .filter(f -> alias.equals(f.getAlias()))
                .findFirst()
                .orElseThrow();
    }

    private static ClientRepresentation client(String clientId) {
        return realm.getClients().stream()
                .filter(c -> clientId.equals(c.getClientId()))
                .findFirst()
                .orElseThrow();
    }
}
