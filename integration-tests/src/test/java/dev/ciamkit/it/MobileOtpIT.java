package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.pages.OtpEnrolmentPage;
import dev.ciamkit.it.pages.OtpLoginPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.DemoApp;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.ServerMetrics;
import dev.ciamkit.it.support.TestUsers;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Mobile OTP on the real server, in Chromium: enrolment by QR, login, replay, lock-out, devices. */
@ExtendWith(KeycloakServerExtension.class)
class MobileOtpIT {

    private static Keycloak admin;

    @BeforeAll
    static void start() throws Exception {
        admin = Admin.client();
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void enrols_by_qr_then_signs_in_with_a_code_and_the_database_holds_no_plain_seed(KeycloakServer server)
            throws Exception {
        TestUser user = TestUsers.create(admin, "enrol");
        AuthenticatorApp phone;
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser).start().password(user.username());
            OtpEnrolmentPage page = new OtpEnrolmentPage(browser);
            browser.screenshot("otp-enrolment-en");

            assertThat(page.policy()).isEqualTo("Time-based, SHA1, 6 digits, every 30 seconds");
            assertThat(page.apps()).contains("Microsoft Authenticator", "Google Authenticator", "FreeOTP");
            page.register(AuthenticatorApp.scan(page.qrDataUri()).wrongCode(), null);
            assertThat(new OtpEnrolmentPage(browser).fieldError()).contains("does not match");
            phone = journey.enrol("My phone");
            assertThat(phone.uri().toString()).startsWith("otpauth://totp/CIAM%20Kit%20Demo:" + user.username() + "?");
            assertThat(phone.parameters())
                    .containsEntry("issuer", "CIAM Kit Demo")
                    .containsEntry("algorithm", "SHA1")
                    .containsEntry("digits", "6")
                    .containsEntry("period", "30");
            assertThat(phone.seed()).hasSizeGreaterThanOrEqualTo(20);
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        assertThat(TestUsers.devices(admin, user))
                .singleElement()
                .satisfies(d -> assertThat(d.getUserLabel()).isEqualTo("My phone"));
        assertThat(events(user, "UPDATE_CREDENTIAL"))
                .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("credential_type", "ciamkit-mobile-otp"));
        assertThat(events(user, "UPDATE_CREDENTIAL_ERROR"))
                .anySatisfy(e -> assertThat(e.getError()).isEqualTo("ciamkit_otp_enrolment_invalid_code"));

        try (Browser browser = Browser.open("ko-KR,ko;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser).start().password(user.username());
            OtpLoginPage otp = journey.otp();
            browser.screenshot("otp-login-ko");
            otp.enter(phone.nextCode());
            assertThat(journey.finish().status()).isEqualTo(200);
        }

        String secretData = storedSecretData(server, user);
        assertThat(secretData).contains("ck1.");
        assertThat(secretData)
                .doesNotContain(phone.parameters().get("secret"))
                .doesNotContain(HexFormat.of().formatHex(phone.seed()))
                .doesNotContain(Base64.getEncoder().encodeToString(phone.seed()));
    }

    @Test
    void a_code_is_accepted_once_and_a_replay_is_refused_and_recorded() throws Exception {
        TestUser user = TestUsers.create(admin, "replay");
        AuthenticatorApp phone = enrolled(user);
        String code = phone.nextCode();
        ServerMetrics before = ServerMetrics.read();
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser).start().password(user.username());
            journey.otp().enter(code);
            assertThat(journey.finish().status()).isEqualTo(200);
        }

        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser).start().password(user.username());
            OtpLoginPage otp = journey.otp();
            otp.enter(code);

            assertThat(new OtpLoginPage(browser).error()).contains("already been used");
        }
        assertThat(events(user, "LOGIN_ERROR"))
                .anySatisfy(e -> assertThat(e.getError()).isEqualTo("ciamkit_otp_replayed"));

        // the same two verifications on the management port, by factor, outcome and realm; latency per factor
        ServerMetrics after = ServerMetrics.read();
        for (String outcome : List.of("success", "replayed")) {
            assertThat(after.increase(
                            before,
                            "ciamkit_factor_attempts_total",
                            Map.of("factor", "mobile_otp", "outcome", outcome, "realm", Oidc.REALM)))
                    .as(outcome)
                    .isGreaterThanOrEqualTo(1);
        }
        assertThat(after.increase(before, "ciamkit_factor_verification_seconds_count", Map.of("factor", "mobile_otp")))
                .isGreaterThanOrEqualTo(2);
        // a histogram of the fixed buckets (5 ms to 10 s, and +Inf), for p95 across nodes
        assertThat(after.series("ciamkit_factor_verification_seconds_bucket").stream()
                        .filter(series -> "mobile_otp".equals(series.labels().get("factor")))
                        .map(series -> series.labels().get("le"))
                        .distinct())
                .hasSize(12)
                .contains("+Inf");
        assertThat(after.series("ciamkit_factor_attempts_total"))
                .allSatisfy(series -> assertThat(series.labels()).containsOnlyKeys("factor", "outcome", "realm"));
    }

    @Test
    void a_device_that_is_not_the_users_gets_the_same_answer_as_a_wrong_code() throws Exception {
        TestUser user = TestUsers.create(admin, "probe");
        AuthenticatorApp phone = enrolled(user);
        String wrongCodeAnswer;
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser).start().password(user.username());
            journey.otp().enter(phone.wrongCode());
            wrongCodeAnswer = new OtpLoginPage(browser).error();

            Thread.sleep(1100);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelector('input[name=deviceId]').value = 'not-a-device'");
            new OtpLoginPage(browser).enter(phone.nextCode());

            assertThat(new OtpLoginPage(browser).error())
                    .isEqualTo(wrongCodeAnswer)
                    .contains("not valid");
        }
    }

    @Test
    void wrong_codes_lock_the_device_until_an_admin_unlocks_it() throws Exception {
        TestUser user = TestUsers.create(admin, "lock");
        AuthenticatorApp phone = enrolled(user);
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser).start().password(user.username());
            for (int attempt = 1; attempt <= 5; attempt++) {
                Thread.sleep(1100); // slower than Keycloak's quick-login check, as a person types
                new OtpLoginPage(browser).enter(phone.wrongCode());
            }
            assertThat(new OtpLoginPage(browser).error()).contains("device is locked");
            browser.screenshot("otp-device-locked-en");

            Thread.sleep(1100);
            new OtpLoginPage(browser).enter(phone.nextCode());
            assertThat(new OtpLoginPage(browser).error()).contains("device is locked");

            String deviceId = TestUsers.devices(admin, user).get(0).getId();
            assertThat(AdminApi.post(admin, "/ciamkit-otp/users/" + user.id() + "/devices/" + deviceId + "/unlock")
                            .statusCode())
                    .isEqualTo(204);
            Thread.sleep(1100);
            new OtpLoginPage(browser).enter(phone.nextCode());
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        List<String> errors = events(user, "LOGIN_ERROR").stream()
                .map(EventRepresentation::getError)
                .toList();
        assertThat(errors).contains("invalid_user_credentials", "ciamkit_otp_device_locked");
    }

    @Test
    void a_second_device_needs_a_fresh_login_and_then_both_are_offered() throws Exception {
        TestUser user = TestUsers.create(admin, "twodev");
        AuthenticatorApp phone;
        AuthenticatorApp tablet;
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser).start().password(user.username());
            phone = journey.enrol("Phone");
            journey.finish();

            // Application-initiated: the account console's "set up" does the same. max_auth_age is 0 in the demo
            // realm, so any login older than this second is too old.
            Thread.sleep(1100);
            journey.start(Map.of("kc_action", "ciamkit-mobile-otp-register"));
            journey.password(user.username());
            journey.otp().enter(phone.nextCode());
            tablet = journey.enrol("Tablet");
            journey.finish();
        }
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser).start().password(user.username());
            OtpLoginPage otp = journey.otp();
            assertThat(otp.deviceLabels()).containsExactly("Phone", "Tablet");
            browser.screenshot("otp-device-picker-en");
            otp.choose("Tablet");
            otp.enter(tablet.nextCode());
            assertThat(journey.finish().status()).isEqualTo(200);
        }
    }

    @Test
    void removing_a_device_asks_for_a_fresh_login_first_and_never_takes_the_last_one() throws Exception {
        TestUser user = TestUsers.create(admin, "remove");
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser).start().password(user.username());
            AuthenticatorApp phone = journey.enrol("Phone");
            journey.finish();
            String deviceId = TestUsers.devices(admin, user).get(0).getId();

            Thread.sleep(1100);
            journey.start(Map.of("kc_action", "delete_credential:" + deviceId));
            // Although the SSO session is fresh, the password and a current code are asked again.
            journey.password(user.username());
            journey.otp().enter(phone.nextCode());
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("kc-accept")));
            browser.driver().findElement(By.id("kc-accept")).click();
            // The only device stays: a user switches phones by adding the new one first (DeviceRemovalIT removes a
            // second device this way).
            browser.waiting()
                    .until(d -> d.getCurrentUrl().startsWith(DemoApp.REDIRECT_URI)
                            || !d.findElements(By.id("kc-error-message")).isEmpty()
                            || !d.findElements(By.cssSelector(".pf-v5-c-alert")).isEmpty());
        }
        assertThat(TestUsers.devices(admin, user)).hasSize(1);
    }

    private static AuthenticatorApp enrolled(TestUser user) throws Exception {
        return OtpJourney.enrolled(user.username());
    }

    private static List<EventRepresentation> events(TestUser user, String type) {
        return admin.realm(Oidc.REALM).getEvents(List.of(type), null, user.id(), null, null, null, 0, 100);
    }

    private static String storedSecretData(KeycloakServer server, TestUser user) throws Exception {
        try (Connection db = server.database().connect();
                PreparedStatement query =
                        db.prepareStatement("select SECRET_DATA from CREDENTIAL where USER_ID = ? and TYPE = ?")) {
            query.setString(1, user.id());
            query.setString(2, "ciamkit-mobile-otp");
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            assertThat(rows).hasSize(1);
            return rows.get(0);
        }
    }
}
