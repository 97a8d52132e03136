package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.pages.OtpEnrolmentPage;
import dev.ciamkit.it.pages.OtpLoginPage;
import dev.ciamkit.it.support.AccountConsole;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.DemoApp;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Removing a device needs a fresh login whatever the path, the last device is never removed by the user, and a user
 * whose devices are gone cannot enrol a new one with the password alone (issue 8, item 4).
 */
@ExtendWith(KeycloakServerExtension.class)
class DeviceRemovalIT {

    private static Keycloak admin;
    private static TestRealm realm;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        realm = TestRealm.create(admin, "removal", AccountConsole::addClient);
    }

    @AfterAll
    static void stop() throws Exception {
        realm.close();
        admin.close();
    }

    @Test
    void account_rest_delete_needs_a_fresh_token_with_the_account_audience_and_never_takes_the_last_device()
            throws Exception {
        TestUser user = realm.createUser("rest");
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, realm.name()).start().password(user.username());
            AuthenticatorApp phone = journey.enrol("Phone");
            journey.finish();
            Thread.sleep(1100); // the enrolment action's max_auth_age is 0: the next one asks for a fresh login
            journey.start(Map.of("kc_action", "ciamkit-mobile-otp-register"));
            journey.password(user.username());
            journey.otp().enter(phone.nextCode());
            journey.enrol("<b>Tablet</b>");
            String appToken = journey.finish().body().get("access_token").asText();
            String accountToken = AccountConsole.token(browser, realm.name());
            String tablet = device(user, "<b>Tablet</b>").getId();
            String phoneId = device(user, "Phone").getId();

            maxAuthAge("1");
            Thread.sleep(2100);
            assertThat(AccountConsole.deleteByRest(realm.name(), tablet, accountToken))
                    .as("token older than max_auth_age")
                    .isEqualTo(400);
            assertThat(AccountConsole.deleteByRest(realm.name(), tablet, appToken))
                    .as("the demo app's token has no account audience")
                    .isIn(401, 403);
            assertThat(realm.devices(user)).hasSize(2);

            maxAuthAge("3600");
            // Both devices at once, as two tabs would: each request alone may remove one, together never both.
            List<Integer> answers = inParallel(
                    () -> AccountConsole.deleteByRest(realm.name(), tablet, accountToken),
                    () -> AccountConsole.deleteByRest(realm.name(), phoneId, accountToken));
            assertThat(answers)
                    .as("fresh token: one removal, the last device refused")
                    .containsExactlyInAnyOrder(204, 400);
            assertThat(realm.devices(user)).hasSize(1);
            String left = realm.devices(user).get(0).getId();
            assertThat(AccountConsole.deleteByRest(realm.name(), left, accountToken))
                    .as("the last device")
                    .isEqualTo(400);
            assertThat(realm.devices(user))
                    .extracting(CredentialRepresentation::getId)
                    .containsExactly(left);
        }
    }

    @Test
    void the_console_delete_removes_a_second_device_after_a_fresh_login_but_never_the_last() throws Exception {
        TestUser user = realm.createUser("console");
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, realm.name()).start().password(user.username());
            AuthenticatorApp phone = journey.enrol("Phone");
            journey.finish();
            Thread.sleep(1100);
            journey.start(Map.of("kc_action", "ciamkit-mobile-otp-register"));
            journey.password(user.username());
            journey.otp().enter(phone.nextCode());
            journey.enrol("<b>Tablet</b>");
            journey.finish();
            String tablet = device(user, "<b>Tablet</b>").getId();
            String phoneId = device(user, "Phone").getId();

            Thread.sleep(1100); // delete_credential's max_auth_age is 0 in the shipped realm
            journey.start(Map.of("kc_action", "delete_credential:" + tablet));
            journey.password(user.username());
            OtpLoginPage otp = journey.otp();
            // Item 9: a label typed at enrolment is shown as text, never as markup.
            assertThat(otp.deviceLabels()).containsExactly("Phone", "<b>Tablet</b>");
            assertThat(browser.driver().findElements(By.cssSelector(".ciamkit-device label b")))
                    .isEmpty();
            otp.choose("Phone");
            otp.enter(phone.nextCode());
            AccountConsole.acceptRemoval(browser);
            journey.finish();
            assertThat(realm.devices(user))
                    .extracting(CredentialRepresentation::getId)
                    .containsExactly(phoneId);

            Thread.sleep(1100);
            journey.start(Map.of("kc_action", "delete_credential:" + phoneId));
            journey.password(user.username());
            journey.otp().enter(phone.nextCode());
            AccountConsole.acceptRemoval(browser);
            browser.waiting()
                    .until(d -> d.getCurrentUrl().startsWith(DemoApp.REDIRECT_URI)
                            || !d.findElements(By.id("kc-error-message")).isEmpty()
                            || !d.findElements(By.cssSelector(".pf-v5-c-alert")).isEmpty());
        }
        assertThat(realm.devices(user)).hasSize(1);
    }

    @Test
    void without_devices_a_password_login_cannot_enrol_until_an_admin_resets() throws Exception {
        TestUser user = realm.createUser("gone");
        OtpJourney.enrolled(realm.name(), user.username());
        // An admin (or a thief with admin rights elsewhere, or a race) removes the device in the admin console.
        String deviceId = realm.devices(user).get(0).getId();
        realm.resource().users().get(user.id()).removeCredential(deviceId);

        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            new OtpJourney(browser, realm.name()).start().password(user.username());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-error-message")));
            assertThat(browser.driver().findElement(By.id("kc-error-message")).getText())
                    .contains("contact the customer support of your bank");
            assertThat(OtpEnrolmentPage.isShown(browser)).isFalse();
            // A required action started by the application cannot enrol either.
            new OtpJourney(browser, realm.name())
                    .start(Map.of("kc_action", "ciamkit-mobile-otp-register"))
                    .password(user.username());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-error-message")));
            assertThat(OtpEnrolmentPage.isShown(browser)).isFalse();
        }
        assertThat(realm.devices(user)).isEmpty();
        assertThat(realm.events(user, "LOGIN_ERROR"))
                .anySatisfy(event -> assertThat(event.getError()).isEqualTo("ciamkit_otp_no_device"));

        HttpResponse<String> reset =
                AdminApi.delete(admin, realm.name(), "/ciamkit-otp/users/" + user.id() + "/devices");
        assertThat(reset.statusCode()).isEqualTo(204);
        OtpJourney.enrolled(realm.name(), user.username());
        assertThat(realm.devices(user)).hasSize(1);
    }

    private static CredentialRepresentation device(TestUser user, String label) {
        return realm.devices(user).stream()
                .filter(d -> label.equals(d.getUserLabel()))
                .findFirst()
                .orElseThrow();
    }

    private static void maxAuthAge(String seconds) {
        RequiredActionConfigRepresentation config = new RequiredActionConfigRepresentation();
        config.setConfig(Map.of("max_auth_age", seconds));
        realm.resource().flows().updateRequiredActionConfig("delete_credential", config);
    }

    /** Runs the calls at the same moment, each on its own thread, and returns their answers in order. */
    @SafeVarargs
    private static List<Integer> inParallel(Callable<Integer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
