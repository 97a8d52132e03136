package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.ciamkit.it.pages.ErrorPage;
import dev.ciamkit.it.pages.LoginPage;
import dev.ciamkit.it.pages.OtpLoginPage;
import dev.ciamkit.it.pages.ResetPasswordPage;
import dev.ciamkit.it.pages.SelectAuthenticatorPage;
import dev.ciamkit.it.pages.UpdatePasswordPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.DemoApp;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Mails;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 8, item 3: the reset-credentials flow asks for the mobile-OTP factor after the email link and before the new
 * password, and whichever way the user leaves it, ends on the user the email was sent to or nowhere.
 */
@ExtendWith(KeycloakServerExtension.class)
class PasswordResetIT {

    private static final String NEW_PASSWORD = "It-new-password-2026!";

    private static Keycloak admin;
    private static GreenMail smtp;
    private static TestRealm realm;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm = TestRealm.create(
                admin,
                "reset",
                json -> json.putObject("smtpServer")
                        .put("host", "127.0.0.1")
                        .put("port", String.valueOf(smtp.getSmtp().getPort()))
                        .put("from", "no-reply@ciamkit.dev")
                        .put("fromDisplayName", "CIAM Kit Demo"));
    }

    @AfterAll
    static void stop() throws Exception {
        realm.close();
        smtp.stop();
        admin.close();
    }

    @Test
    void the_link_asks_for_the_code_before_the_new_password_and_signs_in_that_user() throws Exception {
        TestUser user = realm.createUser("reset");
        AuthenticatorApp phone = OtpJourney.enrolled(realm.name(), user.username());
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, realm.name()).start();
            browser.driver().get(resetLink(browser, user));

            OtpLoginPage otp = new OtpLoginPage(browser);
            assertThat(UpdatePasswordPage.isShown(browser)).isFalse();
            otp.enter(phone.wrongCode());
            assertThat(new OtpLoginPage(browser).error()).isNotEmpty();
            assertThat(UpdatePasswordPage.isShown(browser)).isFalse();
            assertThat(errors(user)).contains("invalid_user_credentials");

            new OtpLoginPage(browser).enter(phone.nextCode());
            new UpdatePasswordPage(browser).update(NEW_PASSWORD);
            Oidc.TokenResponse tokens = journey.finish();

            assertThat(tokens.status()).isEqualTo(200);
            var claims = Oidc.claims(tokens.body().path("access_token").asText());
            assertThat(claims.path("sub").asText()).isEqualTo(user.id());
            assertThat(claims.path("preferred_username").asText()).isEqualTo(user.username());
        }
        assertThat(realm.events(user, "UPDATE_PASSWORD")).isNotEmpty();
    }

    @Test
    void no_other_way_out_of_the_factor_reaches_the_new_password_or_a_session() throws Exception {
        TestUser user = realm.createUser("skip");
        AuthenticatorApp phone = OtpJourney.enrolled(realm.name(), user.username());
        realm.resource().users().get(user.id()).logout();
        Long passwordSetAt = passwordCreated(user);
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            new OtpJourney(browser, realm.name()).start();
            String link = resetLink(browser, user);
            browser.driver().get(link);
            new OtpLoginPage(browser).enter(phone.wrongCode());
            assertThat(new OtpLoginPage(browser).error()).isNotEmpty();

            // "Try another way" (the flow's form parameter): the only way offered is the factor itself
            submitOtpFormWith(browser, "tryAnotherWay", "on");
            SelectAuthenticatorPage choice = new SelectAuthenticatorPage(browser);
            assertThat(choice.options()).containsExactly("Mobile OTP");
            choice.choose("Mobile OTP");
            new OtpLoginPage(browser);

            // the reset-password step named as the other way: Keycloak refuses an execution it did not offer
            submitOtpFormWith(browser, "authenticationExecution", resetPasswordExecutionId());
            new ErrorPage(browser);
            assertNeverPastTheFactor(browser);

            // the link again leads back to the factor, not past it
            browser.driver().get(link);
            new OtpLoginPage(browser);
            assertNeverPastTheFactor(browser);

            // restarting leaves the reset for the ordinary login (password, then the factor)
            new OtpLoginPage(browser).restart();
            new LoginPage(browser);
        }
        assertThat(passwordCreated(user)).as("the password was not changed").isEqualTo(passwordSetAt);
        assertThat(realm.resource().users().get(user.id()).getUserSessions())
                .as("no session was created by the reset")
                .isEmpty();
        assertThat(errors(user)).contains("invalid_user_credentials");
    }

    @Test
    void the_link_ends_on_the_mailed_user_with_their_factor_whichever_browser_opens_it() throws Exception {
        TestUser signedIn = realm.createUser("other");
        AuthenticatorApp signedInPhone = OtpJourney.enrolled(realm.name(), signedIn.username());
        TestUser mailed = realm.createUser("mailed");
        AuthenticatorApp mailedPhone = OtpJourney.enrolled(realm.name(), mailed.username());
        realm.resource().users().get(signedIn.id()).logout();
        realm.resource().users().get(mailed.id()).logout();
        Long passwordSetAt = passwordCreated(mailed);
        String link;
        try (Browser theirs = Browser.open("en-US,en;q=0.9")) {
            new OtpJourney(theirs, realm.name()).start();
            link = resetLink(theirs, mailed);
        }

        // a browser where someone else is signed in: Keycloak refuses to mix the two accounts
        try (Browser other = Browser.open("en-US,en;q=0.9")) {
            OtpJourney login = new OtpJourney(other, realm.name()).start().password(signedIn.username());
            login.otp().enter(signedInPhone.nextCode());
            assertThat(login.finish().status()).isEqualTo(200);
            other.driver().get(link);
            assertThat(new ErrorPage(other).message()).contains(signedIn.username());
            assertNeverPastTheFactor(other);
        }
        assertThat(passwordCreated(mailed)).isEqualTo(passwordSetAt);
        assertThat(sessions(mailed)).isZero();
        assertThat(sessions(signedIn)).isEqualTo(1);

        // a fresh browser (another device, no cookie): the factor of the mailed user first, then the password
        try (Browser fresh = Browser.open("en-US,en;q=0.9")) {
            fresh.driver().get(link);
            OtpLoginPage otp = new OtpLoginPage(fresh);
            assertThat(UpdatePasswordPage.isShown(fresh)).isFalse();
            otp.enter(mailedPhone.nextCode());
            new UpdatePasswordPage(fresh).update(NEW_PASSWORD);
            fresh.waiting().until(d -> !UpdatePasswordPage.isShown(fresh));
        }
        assertThat(passwordCreated(mailed)).isNotEqualTo(passwordSetAt);
        assertThat(realm.events(mailed, "UPDATE_PASSWORD")).isNotEmpty();
        assertThat(sessions(signedIn)).as("the other account gained nothing").isEqualTo(1);
        assertThat(realm.events(signedIn, "UPDATE_PASSWORD")).isEmpty();
    }

    @Test
    void a_user_without_a_device_cannot_reset_by_email_alone_nor_enrol_a_device_through_it() throws Exception {
        // Otherwise the mailbox alone would set the password and register a phone: for a user who never enrolled,
        // and for one whose registration support has just reset. The link opened in the browser that asked for it,
        // and in a fresh one (a session that never went through the login page).
        TestUser sameBrowser = realm.createUser("nodevice");
        TestUser freshBrowser = realm.createUser("nodevice-fresh");
        Map<String, Long> passwordsSetAt = Map.of(
                sameBrowser.id(), passwordCreated(sameBrowser), freshBrowser.id(), passwordCreated(freshBrowser));
        String freshLink;
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            new OtpJourney(browser, realm.name()).start();
            browser.driver().get(resetLink(browser, sameBrowser));
            assertThat(new ErrorPage(browser).message()).contains("can only be reset with your sign-in device");
            assertNeverPastTheFactor(browser);
        }
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            new OtpJourney(browser, realm.name()).start();
            freshLink = resetLink(browser, freshBrowser);
        }
        try (Browser fresh = Browser.open("en-US,en;q=0.9")) {
            fresh.driver().get(freshLink);
            assertThat(new ErrorPage(fresh).message()).contains("can only be reset with your sign-in device");
            assertNeverPastTheFactor(fresh);
        }
        for (TestUser user : List.of(sameBrowser, freshBrowser)) {
            assertThat(passwordCreated(user))
                    .as("the password was not changed")
                    .isEqualTo(passwordsSetAt.get(user.id()));
            assertThat(realm.devices(user)).isEmpty();
            assertThat(sessions(user)).isZero();
            assertThat(realm.events(user, "RESET_PASSWORD_ERROR"))
                    .extracting(EventRepresentation::getError)
                    .contains("ciamkit_otp_no_device");
            assertThat(realm.events(user, "UPDATE_PASSWORD")).isEmpty();
        }
    }

    /** Asks for a reset from the login page and returns the link mailed to the user. */
    private static String resetLink(Browser browser, TestUser user) throws Exception {
        ResetPasswordPage.from(new LoginPage(browser), browser).request(user.username());
        return Mails.awaitActionTokenLink(smtp, user.username() + "@it.ciamkit.dev");
    }

    /** Posts the factor's form with one more field, as a hand-made request would, and waits for the next page. */
    private static void submitOtpFormWith(Browser browser, String name, String value) {
        WebElement form = browser.driver().findElement(By.id("ciamkit-otp-form"));
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const i = document.createElement('input');"
                                + "i.type = 'hidden'; i.name = arguments[1]; i.value = arguments[2];"
                                + "arguments[0].appendChild(i); arguments[0].submit();",
                        form,
                        name,
                        value);
        browser.awaitGone(form);
    }

    private static void assertNeverPastTheFactor(Browser browser) {
        assertThat(UpdatePasswordPage.isShown(browser)).as("new-password page").isFalse();
        assertThat(browser.driver().getCurrentUrl()).doesNotStartWith(DemoApp.REDIRECT_URI);
    }

    private static String resetPasswordExecutionId() {
        return realm.resource().flows().getExecutions("ciamkit reset credentials").stream()
                .filter(e -> "reset-password".equals(e.getProviderId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reset-password step in ciamkit reset credentials"))
                .getId();
    }

    private static Long passwordCreated(TestUser user) {
        return realm.resource().users().get(user.id()).credentials().stream()
                .filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType()))
                .findFirst()
                .orElseThrow()
                .getCreatedDate();
    }

    private static int sessions(TestUser user) {
        return realm.resource().users().get(user.id()).getUserSessions().size();
    }

    private static List<String> errors(TestUser user) {
        return realm.resource().getEvents(null, null, user.id(), null, null, null, 0, 200).stream()
                .map(EventRepresentation::getError)
                .filter(Objects::nonNull)
                .toList();
    }
}
