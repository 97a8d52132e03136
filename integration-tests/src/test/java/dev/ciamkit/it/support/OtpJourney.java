package dev.ciamkit.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.pages.LoginPage;
import dev.ciamkit.it.pages.OtpEnrolmentPage;
import dev.ciamkit.it.pages.OtpLoginPage;
import dev.ciamkit.it.support.Oidc.Pkce;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The steps a person takes through the demo app's login with mobile OTP. */
public final class OtpJourney {

    private final Browser browser;
    private final String baseUrl;
    private final String realm;
    private Pkce pkce;

    public OtpJourney(Browser browser) {
        this(browser, Oidc.REALM);
    }

    /** The same journey in another realm that has the demo app's client (a {@link TestRealm}). */
    public OtpJourney(Browser browser, String realm) {
        this(browser, KeycloakServer.BASE_URL, realm);
    }

    /** The journey on another server than the main one, e.g. one node of a {@link ClusterFixture}. */
    public OtpJourney(Browser browser, String baseUrl, String realm) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        this.realm = realm;
    }

    /** Opens the demo app's login; extra parameters such as kc_action are added to the authorization request. */
    public OtpJourney start(Map<String, String> extra) {
        pkce = Pkce.create();
        Map<String, String> params = new java.util.HashMap<>(extra);
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        browser.driver()
                .get(Oidc.authorizationUrl(
                        baseUrl, realm, DemoApp.REDIRECT_URI, UUID.randomUUID().toString(), params));
        return this;
    }

    public OtpJourney start() {
        return start(Map.of());
    }

    public OtpJourney password(String username) {
        new LoginPage(browser).signIn(username, TestUsers.PASSWORD);
        return this;
    }

    /**
     * On the enrolment page: scan the QR code, check the key matches it, register with the first code; a null label
     * leaves the optional name empty.
     */
    public AuthenticatorApp enrol(String label) throws Exception {
        OtpEnrolmentPage page = new OtpEnrolmentPage(browser);
        AuthenticatorApp app = AuthenticatorApp.scan(page.qrDataUri());
        assertThat(page.key().replace(" ", "")).isEqualTo(app.parameters().get("secret"));
        page.register(app.nextCode(), label);
        return app;
    }

    /** A user who has enrolled one device, "Phone", in a browser of their own that is closed again. */
    public static AuthenticatorApp enrolled(String username) throws Exception {
        return enrolled(Oidc.REALM, username);
    }

    public static AuthenticatorApp enrolled(String realm, String username) throws Exception {
        return enrolled(KeycloakServer.BASE_URL, realm, username);
    }

    public static AuthenticatorApp enrolled(String baseUrl, String realm, String username) throws Exception {
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, baseUrl, realm).start().password(username);
            AuthenticatorApp phone = journey.enrol("Phone");
            assertThat(journey.finish().status()).isEqualTo(200);
            return phone;
        }
    }

    public OtpLoginPage otp() {
        return new OtpLoginPage(browser);
    }

    /** Waits for the demo app's callback and exchanges the code; returns the token response. */
    public Oidc.TokenResponse finish() throws java.io.IOException {
        browser.waiting().until(ExpectedConditions.urlContains(DemoApp.REDIRECT_URI));
        Map<String, String> callback = Oidc.query(browser.driver().getCurrentUrl());
        assertThat(callback).containsKey("code");
        return Oidc.exchangeCode(baseUrl, realm, callback.get("code"), DemoApp.REDIRECT_URI, pkce.verifier());
    }
}
