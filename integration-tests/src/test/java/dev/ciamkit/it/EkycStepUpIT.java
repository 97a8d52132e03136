package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.ekyc.sandbox.TestImages;
import dev.ciamkit.it.pages.EkycPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.EkycGateway;
import dev.ciamkit.it.support.EkycJourney;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.ServerMetrics;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
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
    static final Map<String, String> LOA_3 = Map.of("acr_values", "ekyc");

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
    void loa_3_asks_for_ekyc_once_and_the_token_says_so() throws Exception {
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
        }
        assertThat(EkycJourney.verifications(realm, user))
                .as("nothing stored again")
                .hasSize(1);
    }
}
