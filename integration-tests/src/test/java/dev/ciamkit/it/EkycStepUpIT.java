package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ciamkit.ekyc.sandbox.TestImages;
import dev.ciamkit.it.pages.EkycPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.DemoApp;
import dev.ciamkit.it.support.EkycGateway;
import dev.ciamkit.it.support.EkycJourney;
import dev.ciamkit.it.support.HttpLogin;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.ServerMetrics;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/**
 * Step-up by ACR in the shipped {@code ciamkit browser} layout (a copy of the demo realm): a client asking for LoA 3
 * ({@code acr_values=ekyc}) gets the eKYC pages after the password and the OTP, and the token says LoA 3; with a valid
 * verification the next login asks only the lower levels' steps.
 */
@ExtendWith(KeycloakServerExtension.class)
class EkycStepUpIT {

    private static final String EN = "en-US,en;q=0.9";
    /** OpenID Connect for Identity Assurance: the ID token's verified_claims, as a relying party asks for them. */
    static final String VERIFIED_CLAIMS_REQUEST = "{\"id_token\": {\"verified_claims\": {"
            + "\"verification\": {\"trust_framework\": null, \"time\": null, \"evidence\": null},"
            + " \"claims\": {\"given_name\": null, \"family_name\": null, \"birthdate\": null}}}}";

    static final Map<String, String> LOA_3 = Map.of("acr_values", "ekyc", "claims", VERIFIED_CLAIMS_REQUEST);

    private static Keycloak admin;
    private static TestRealm realm;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        realm = TestRealm.create(admin, "ekyc-loa");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            realm.close();
        } finally {
            admin.close();
        }
    }

    @Test
    void loa_3_asks_for_ekyc_once_the_token_says_so_and_an_impersonating_admin_gets_no_verified_claims()
            throws Exception {
        TestUser user = realm.createUser("ekyc-loa");
        AuthenticatorApp phone =
                OtpJourney.enrolled(realm.name(), user.username()).lookingAhead(2);
        ServerMetrics before = ServerMetrics.read();
        try (Browser browser = Browser.open(EN)) {
            OtpJourney journey =
                    new OtpJourney(browser, realm.name()).start(LOA_3).password(user.username());
            journey.otp().enter(phone.nextCode());
            EkycPage.ConfirmPage confirm = EkycJourney.sendHongsId(browser, new EkycPage.IdPage(browser));
            confirm.verifyWithSelfie(EkycGateway.image(TestImages.SELFIE_HONG));
            Oidc.TokenResponse tokens = journey.finish();
            assertThat(tokens.status()).isEqualTo(200);
            assertThat(Oidc.claims(tokens.body().get("id_token").asText())
                            .path("acr")
                            .asText())
                    .isEqualTo("ekyc");
            assertVerifiedClaims(tokens);
        }
        assertThat(EkycJourney.verifications(realm, user)).hasSize(1);
        ServerMetrics after = ServerMetrics.read();
        assertThat(after.increase(
                        before, "ciamkit_factor_attempts_total", Map.of("factor", "ekyc", "outcome", "success")))
                .isEqualTo(1);
        for (String method : new String[] {"id_ocr", "id_authenticity", "face_match"}) {
            assertThat(after.increase(
                            before,
                            "ciamkit_ekyc_vendor_call_seconds_count",
                            Map.of("method", method, "outcome", "passed")))
                    .as("the gateway call %s on the metrics endpoint", method)
                    .isGreaterThanOrEqualTo(1);
        }

        try (Browser browser = Browser.open(EN)) {
            OtpJourney journey =
                    new OtpJourney(browser, realm.name()).start(LOA_3).password(user.username());
            journey.otp().enter(phone.nextCode());
            Oidc.TokenResponse tokens = journey.finish();
            assertThat(EkycPage.shows(browser, EkycPage.IdPage.FORM)).isFalse();
            assertThat(Oidc.claims(tokens.body().get("id_token").asText())
                            .path("acr")
                            .asText())
                    .isEqualTo("ekyc");
            assertVerifiedClaims(tokens);
        }
        assertThat(EkycJourney.verifications(realm, user))
                .as("nothing stored again")
                .hasSize(1);

        // An admin impersonating the verified user gets a session of theirs, but no verified_claims in its tokens.
        HttpResponse<String> impersonation =
                AdminApi.post(admin, realm.name(), "/users/" + user.id() + "/impersonation");
        assertThat(impersonation.statusCode()).isEqualTo(200);
        HttpLogin asAdmin = new HttpLogin();
        for (String header : impersonation.headers().allValues("set-cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.getMaxAge() != 0) {
                    asAdmin.withCookie(cookie.getName(), cookie.getValue());
                }
            }
        }
        HttpResponse<String> redirect = asAdmin.authorize(realm.name(), Map.of("claims", VERIFIED_CLAIMS_REQUEST));
        assertThat(redirect.headers().firstValue("Location").orElse(""))
                .as("the impersonation's SSO session signs the demo app in without a page")
                .startsWith(DemoApp.REDIRECT_URI)
                .contains("code=");
        Oidc.TokenResponse impersonated = asAdmin.tokens(realm.name(), redirect);
        assertThat(impersonated.status()).isEqualTo(200);
        JsonNode idToken = Oidc.claims(impersonated.body().get("id_token").asText());
        assertThat(idToken.path("sub").asText()).isEqualTo(user.id());
        assertThat(idToken.has("verified_claims")).isFalse();

        // ... and cannot verify in the user's place (which would replace the user's verified identity with theirs):
        // the required action asks for the user's own sign-in first (the step itself also refuses an impersonated
        // session, EkycJourney, for realms whose settings would let it through)
        HttpResponse<String> verify = asAdmin.authorize(realm.name(), Map.of("kc_action", EkycJourney.REQUIRED_ACTION));
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.body()).contains("kc-form-login").doesNotContain(EkycPage.IdPage.FORM);
        assertThat(EkycJourney.verifications(realm, user)).hasSize(1);
    }

    /** The ID token asserts the verified person (names and birth date from the ID), never the ID number. */
    private static void assertVerifiedClaims(Oidc.TokenResponse tokens) throws java.io.IOException {
        JsonNode idToken = Oidc.claims(tokens.body().get("id_token").asText());
        JsonNode verified = idToken.path("verified_claims");
        assertThat(verified.path("verification").path("trust_framework").asText())
                .isEqualTo("kr_remote_id");
        assertThat(verified.path("verification").path("time").asText()).isNotEmpty();
        assertThat(verified.path("verification").path("evidence").toString()).contains("document");
        assertThat(verified.path("claims").path("family_name").asText()).isEqualTo("홍");
        assertThat(verified.path("claims").path("given_name").asText()).isEqualTo("길동");
        assertThat(verified.path("claims").path("birthdate").asText()).isEqualTo("1990-01-01");
        assertThat(idToken.toString()).doesNotContain("1234567").doesNotContain("900101");
    }
}
