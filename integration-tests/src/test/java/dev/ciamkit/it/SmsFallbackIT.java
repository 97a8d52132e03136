package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ciamkit.it.pages.OtpEnrolmentPage;
import dev.ciamkit.it.pages.OtpLoginPage;
import dev.ciamkit.it.pages.SmsOtpPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.Phones;
import dev.ciamkit.it.support.SmsGateway;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The SMS fallback of the mobile-OTP step in the shipped browser flow ({@code ciamkit browser}): offered when the user
 * says the app is unavailable, taken by itself when every device is locked or the user lost every device (then a new
 * device is registered after the code), never offered without a bound phone or when the admin turns it off.
 */
@ExtendWith(KeycloakServerExtension.class)
class SmsFallbackIT {

    private static Keycloak admin;
    private static SmsGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        admin = Admin.client();
        gateway = SmsGateway.start();
    }

    @BeforeEach
    void emptyTheGateway() {
        gateway.clear();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        admin.close();
    }

    @Test
    void a_user_who_cannot_use_the_app_signs_in_with_a_code_by_sms() throws Exception {
        try (TestRealm realm = realm("fallback", "true")) {
            TestUser user = userWithPhoneAndDevice(realm, "fallback");
            try (Browser browser = Browser.open("ko-KR,ko;q=0.9")) {
                OtpJourney journey =
                        new OtpJourney(browser, realm.name()).start().password(user.username());
                journey.otp();
                browser.screenshot("otp-form-with-sms-fallback-ko");
                browser.clickAndLeave(browser.driver().findElement(By.id("ciamkit-otp-fallback")));
                SmsOtpPage page = new SmsOtpPage(browser);
                String code = Phones.code(gateway.next());

                page.enter("000000".equals(code) ? "111111" : "000000");
                page = new SmsOtpPage(browser);
                assertThat(page.error()).contains("올바르지 않습니다");
                realm.awaitBruteForce(user, state -> state.get("numFailures").asInt() == 1);

                page.enter(code);
                assertThat(journey.finish().status()).isEqualTo(200);
            }
            assertThat(realm.events(user, "LOGIN"))
                    .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("ciamkit_factor", "sms"));
            assertThat(realm.events(user, "LOGIN_ERROR"))
                    .extracting(EventRepresentation::getError)
                    .contains("ciamkit_sms_code_invalid");
        }
    }

    @Test
    void when_every_device_is_locked_the_step_sends_a_code_by_itself() throws Exception {
        try (TestRealm realm = realm("locked", "true")) {
            TestUser user = userWithPhoneAndDevice(realm, "locked");
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                OtpJourney journey =
                        new OtpJourney(browser, realm.name()).start().password(user.username());
                journey.otp().enter("000000");
                journey.otp().enter("000001");
                // the device is locked after 2 wrong codes: a new login goes straight to the SMS code
                OtpJourney again = new OtpJourney(browser, realm.name()).start().password(user.username());
                SmsOtpPage page = new SmsOtpPage(browser);
                page.enter(Phones.code(gateway.next()));
                assertThat(again.finish().status()).isEqualTo(200);
            }
        }
    }

    @Test
    void a_user_who_lost_every_device_registers_a_new_one_after_a_code_by_sms() throws Exception {
        try (TestRealm realm = realm("lost", "true")) {
            TestUser user = userWithPhoneAndDevice(realm, "lost");
            realm.resource()
                    .users()
                    .get(user.id())
                    .removeCredential(realm.devices(user).get(0).getId());
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                new OtpJourney(browser, realm.name()).start().password(user.username());
                new SmsOtpPage(browser).enter(Phones.code(gateway.next()));
                new OtpEnrolmentPage(browser); // the enrolment page, after the code; the user leaves it
            }
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                // leaving the enrolment page never turns the account back into a first login: the password alone
                // still gets no enrolment, only the SMS code again
                OtpJourney journey =
                        new OtpJourney(browser, realm.name()).start().password(user.username());
                new SmsOtpPage(browser).enter(Phones.code(gateway.next()));
                journey.enrol("New phone");

                assertThat(journey.finish().status()).isEqualTo(200);
            }
            assertThat(realm.devices(user))
                    .singleElement()
                    .satisfies(d -> assertThat(d.getUserLabel()).isEqualTo("New phone"));
        }
    }

    @Test
    void an_admin_can_turn_the_fallback_off_and_then_no_text_is_sent() throws Exception {
        try (TestRealm realm = realm("off", "false")) {
            TestUser user = userWithPhoneAndDevice(realm, "off");
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                new OtpJourney(browser, realm.name())
                        .start()
                        .password(user.username())
                        .otp();
                assertThat(browser.driver().findElements(By.id("ciamkit-otp-fallback")))
                        .isEmpty();
                // a forged fallback request gets the code form again
                ((JavascriptExecutor) browser.driver())
                        .executeScript("var f=document.getElementById('ciamkit-otp-form');"
                                + "var i=document.createElement('input');i.type='hidden';i.name='ciamkitFallback';"
                                + "i.value='sms';f.appendChild(i);");
                browser.clickAndLeave(browser.driver().findElement(By.id("kc-login")));
                assertThat(OtpLoginPage.isShown(browser)).isTrue();
            }
            assertThat(gateway.attempts()).isEmpty();
        }
    }

    /** The shipped browser flow, texting through the test gateway; devices lock after 2 wrong codes. */
    private static TestRealm realm(String prefix, String fallback) {
        return TestRealm.create(admin, prefix, json -> {
            for (JsonNode action : json.get("requiredActions")) {
                if ("ciamkit-phone-register".equals(action.get("alias").asText())) {
                    ((ObjectNode) action.get("config"))
                            .put("sms-sender", "http")
                            .put("sms-http-url", gateway.url())
                            .put("sms-resend-cooldown-seconds", "0");
                }
            }
            for (JsonNode config : json.get("authenticatorConfig")) {
                if ("ciamkit mobile otp".equals(config.get("alias").asText())) {
                    ((ObjectNode) config.get("config"))
                            .put("otp-sms-fallback", fallback)
                            .put("otp-device-max-failures", "2")
                            .put("sms-sender", "http")
                            .put("sms-http-url", gateway.url())
                            .put("sms-resend-cooldown-seconds", "0");
                }
            }
        });
    }

    /** A user who bound a phone and registered a device ("Phone") at the first login; the gateway is left empty. */
    private static TestUser userWithPhoneAndDevice(TestRealm realm, String prefix) throws Exception {
        TestUser user = realm.createUserWithActions(prefix, "ciamkit-phone-register");
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, realm.name()).start().password(user.username());
            Phones.bind(browser, gateway, "010-5555-0987");
            AuthenticatorApp app = journey.enrol("Phone");
            assertThat(app).isNotNull();
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        gateway.clear();
        return user;
    }
}
