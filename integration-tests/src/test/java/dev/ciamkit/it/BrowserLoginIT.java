package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ciamkit.it.pages.LoginPage;
import dev.ciamkit.it.pages.OtpEnrolmentPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.DemoApp;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.Oidc.Pkce;
import dev.ciamkit.it.support.Oidc.TokenResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The demo user signs in through the ciamkit theme; the public demo app gets tokens with PKCE. */
@ExtendWith(KeycloakServerExtension.class)
class BrowserLoginIT {

    private static Browser browser;

    @BeforeAll
    static void open() throws IOException {
        browser = Browser.open("ko-KR,ko;q=0.9");
    }

    @AfterAll
    static void close() throws IOException {
        browser.close();
    }

    @Test
    void demo_user_signs_in_and_the_app_exchanges_the_code_with_pkce() throws Exception {
        Pkce pkce = Pkce.create();
        String state = UUID.randomUUID().toString();
        browser.driver().get(Oidc.authorizationUrl(DemoApp.REDIRECT_URI, state, pkce));
        LoginPage login = new LoginPage(browser);

        assertThat(login.usesCiamkitStylesheet()).isTrue();
        assertThat(login.primaryButtonColour()).isEqualTo("rgba(21, 70, 160, 1)");
        browser.screenshot("login-page-ko");
        browser.resize(360, 800);
        browser.screenshot("login-page-ko-phone-360");
        browser.resize(1280, 900);

        login.signIn(Oidc.DEMO_USER, Oidc.DEMO_PASSWORD);
        // The demo realm's flow asks a user without a device to register one first.
        OtpEnrolmentPage enrolment = new OtpEnrolmentPage(browser);
        browser.screenshot("otp-enrolment-ko");
        AuthenticatorApp app = AuthenticatorApp.scan(enrolment.qrDataUri());
        enrolment.register(app.nextCode(), "Demo phone");
        Map<String, String> callback = awaitCallback();

        assertThat(callback).containsEntry("state", state).containsKey("code");
        TokenResponse tokens = Oidc.exchangeCode(callback.get("code"), DemoApp.REDIRECT_URI, pkce.verifier());
        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        JsonNode idToken = Oidc.claims(tokens.body().get("id_token").asText());
        assertThat(idToken.get("preferred_username").asText()).isEqualTo(Oidc.DEMO_USER);
        assertThat(idToken.get("aud").asText()).isEqualTo(Oidc.DEMO_APP);
        assertThat(tokens.body().get("access_token").asText()).isNotBlank();
        assertThat(loginEventsOfDemoUser()).isNotEmpty();
    }

    @Test
    void a_code_exchanged_without_its_verifier_is_refused() throws IOException {
        Pkce pkce = Pkce.create();
        String state = UUID.randomUUID().toString();
        browser.driver().get(Oidc.authorizationUrl(DemoApp.REDIRECT_URI, state, pkce));
        signInIfAsked();
        Map<String, String> callback = awaitCallback();

        TokenResponse tokens = Oidc.exchangeCode(callback.get("code"), DemoApp.REDIRECT_URI, null);

        assertThat(tokens.status()).isEqualTo(400);
        assertThat(tokens.body().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void an_authorization_request_without_pkce_is_refused() {
        browser.driver().get(Oidc.authorizationUrl(DemoApp.REDIRECT_URI, "no-pkce", Map.of()));

        Map<String, String> callback = awaitCallback();

        assertThat(callback).containsEntry("error", "invalid_request").doesNotContainKey("code");
    }

    private static void signInIfAsked() {
        if (!browser.driver().getCurrentUrl().startsWith(DemoApp.REDIRECT_URI)
                && !browser.driver()
                        .findElements(org.openqa.selenium.By.id("kc-login"))
                        .isEmpty()) {
            new LoginPage(browser).signIn(Oidc.DEMO_USER, Oidc.DEMO_PASSWORD);
        }
    }

    private static Map<String, String> awaitCallback() {
        browser.waiting().until(ExpectedConditions.urlContains(DemoApp.REDIRECT_URI));
        return Oidc.query(browser.driver().getCurrentUrl());
    }

    private static List<EventRepresentation> loginEventsOfDemoUser() {
        try (Keycloak admin = Admin.client()) {
            String userId = admin.realm(Oidc.REALM)
                    .users()
                    .search(Oidc.DEMO_USER, true)
                    .get(0)
                    .getId();
            return admin.realm(Oidc.REALM).getEvents(List.of("LOGIN"), Oidc.DEMO_APP, userId, null, null, null, 0, 10);
        }
    }
}
