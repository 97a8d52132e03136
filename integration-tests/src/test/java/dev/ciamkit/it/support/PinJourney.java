package dev.ciamkit.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.pages.PinOtpLoginPage;
import dev.ciamkit.it.pages.PinRegisterPage;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A realm set up for the PIN: the demo realm's flows (password + mobile OTP, where users enrol a device and set their
 * PIN through the required action), plus a flow {@code ciamkit pin-otp} (username, then PIN + OTP on one page) bound
 * to a client of its own, {@value #PIN_CLIENT}.
 */
public final class PinJourney {

    public static final String PIN_CLIENT = "it-pin-app";
    public static final String FLOW = "ciamkit pin-otp";
    public static final String REGISTER_ACTION = "ciamkit-pin-register";

    private PinJourney() {}

    /** A test realm (the demo realm's PIN action and PIN + OTP flow) with a client of its own on that flow; the PIN locks after maxFailures. */
    public static TestRealm realm(org.keycloak.admin.client.Keycloak admin, String prefix, int maxFailures) {
        TestRealm realm = TestRealm.create(admin, prefix, json -> {
            json.put("bruteForceProtected", true)
                    .put("permanentLockout", false)
                    .put("failureFactor", 30)
                    .put("waitIncrementSeconds", 60)
                    .put("maxFailureWaitSeconds", 60);
            // the demo realm ships the action, the flow and its config: only the lock count is the test's
            json.withArray("authenticatorConfig").forEach(config -> {
                if ("ciamkit pin otp".equals(config.get("alias").asText())) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("config"))
                            .put("pin-max-failures", String.valueOf(maxFailures))
                            // codes up to 3 steps ahead pass, so tests that use several codes never wait for the clock
                            .put("otp-window", "3");
                }
            });
        });
        String flowId = realm.resource().flows().getFlows().stream()
                .filter(f -> FLOW.equals(f.getAlias()))
                .findFirst()
                .orElseThrow()
                .getId();
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(PIN_CLIENT);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(DemoApp.REDIRECT_URI));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        client.setAuthenticationFlowBindingOverrides(Map.of("browser", flowId));
        try (var created = realm.resource().clients().create(client)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        return realm;
    }

    /** Asks the user to set (or change) the PIN at the next login. */
    public static void requirePin(TestRealm realm, TestUser user) {
        var resource = realm.resource().users().get(user.id());
        UserRepresentation representation = resource.toRepresentation();
        representation.setRequiredActions(List.of(REGISTER_ACTION));
        resource.update(representation);
    }

    /**
     * Signs in with password and a code through the realm's password + OTP flow and stops on the PIN page (the user
     * must have a device and the PIN action pending).
     */
    public static PinRegisterPage toPinPage(Browser browser, TestRealm realm, TestUser user, AuthenticatorApp phone)
            throws Exception {
        OtpJourney journey = new OtpJourney(browser, realm.name()).start().password(user.username());
        journey.otp().enter(phone.nextCode());
        return new PinRegisterPage(browser);
    }

    /** A user with one device ("Phone") and the PIN set; returns the phone. */
    public static AuthenticatorApp withPin(TestRealm realm, TestUser user, String pin) throws Exception {
        AuthenticatorApp phone =
                OtpJourney.enrolled(realm.name(), user.username()).lookingAhead(3);
        requirePin(realm, user);
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            toPinPage(browser, realm, user, phone).set(pin);
            awaitSignedIn(browser);
        }
        return phone;
    }

    /** Opens the PIN client's login, types the username and stops on the PIN + OTP page. */
    public static PinOtpLoginPage start(Browser browser, TestRealm realm, TestUser user) {
        String url = Oidc.authorizationUrl(
                realm.name(),
                DemoApp.REDIRECT_URI,
                UUID.randomUUID().toString(),
                Map.of(
                        "client_id",
                        PIN_CLIENT,
                        "code_challenge",
                        Oidc.Pkce.create().challenge(),
                        "code_challenge_method",
                        "S256"));
        browser.driver().get(url);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.driver().findElement(By.id("username")).sendKeys(user.username());
        browser.clickAndLeave(browser.driver().findElement(By.id("kc-login")));
        return new PinOtpLoginPage(browser);
    }

    /** Waits for the client's callback and checks it carries an authorization code. */
    public static void awaitSignedIn(Browser browser) {
        browser.waiting().until(ExpectedConditions.urlContains(DemoApp.REDIRECT_URI));
        assertThat(Oidc.query(browser.driver().getCurrentUrl())).containsKey("code");
    }
}
