package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ciamkit.it.pages.LoginPage;
import dev.ciamkit.it.pages.PhoneRegisterPage;
import dev.ciamkit.it.pages.SmsOtpPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.Phones;
import dev.ciamkit.it.support.ServerMetrics;
import dev.ciamkit.it.support.SmsGateway;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Phone binding ({@code ciamkit-phone-register}) and SMS OTP ({@code ciamkit-sms-otp}) on the assembled server, with a
 * real HTTP server standing in for the gateway. Each test has a realm of its own: users bind their phone under a
 * password-only browser flow, then the realm switches to the shipped {@code ciamkit sms} flow.
 */
@ExtendWith(KeycloakServerExtension.class)
class PhoneAndSmsOtpIT {

    private static final String SMS_FLOW = "ciamkit sms";

    private static Keycloak admin;
    private static SmsGateway gateway;

    @BeforeAll
    static void startTheGateway() throws Exception {
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
    void a_phone_is_bound_after_its_code_and_stored_without_the_number(KeycloakServer server) throws Exception {
        try (TestRealm realm = realm("bind", Map.of())) {
            TestUser user = realm.createUserWithActions("bind", "ciamkit-phone-register");
            try (Browser browser = Browser.open("ko-KR,ko;q=0.9")) {
                OtpJourney journey =
                        new OtpJourney(browser, realm.name()).start().password(user.username());
                PhoneRegisterPage page = new PhoneRegisterPage(browser);
                assertThat(page.stage()).isEqualTo("number");

                page = page.number("02-123-4567");
                assertThat(page.stage()).isEqualTo("number");
                assertThat(page.error()).contains("휴대폰 번호가 아닙니다");
                assertThat(gateway.attempts()).isEmpty();

                page = page.number("010-5555-0123");
                assertThat(page.stage()).isEqualTo("code");
                assertThat(page.pendingText()).contains("010-****-0123");
                browser.screenshot("phone-register-code-ko");
                SmsGateway.Received sms = gateway.next();
                assertThat(sms.body().get("to").asText()).isEqualTo("+821055550123");
                assertThat(sms.body().get("text").asText()).contains("인증번호");
                String code = Phones.code(sms);

                page.code(wrong(code));
                page = new PhoneRegisterPage(browser);
                assertThat(page.error()).contains("올바르지 않습니다");
                realm.awaitBruteForce(user, state -> state.get("numFailures").asInt() == 1);

                page.code(code);
                assertThat(journey.finish().status()).isEqualTo(200);
            }
            List<CredentialRepresentation> phones = phones(realm, user);
            assertThat(phones)
                    .singleElement()
                    .satisfies(p -> assertThat(p.getUserLabel()).isEqualTo("010-****-0123"));
            assertThat(realm.events(user, "CUSTOM_REQUIRED_ACTION_ERROR"))
                    .extracting(EventRepresentation::getError)
                    .contains("ciamkit_phone_invalid", "ciamkit_sms_code_invalid");
            assertThat(databaseDump(server)).doesNotContain("1055550123").doesNotContain("5555-0123");
        }
    }

    @Test
    void a_code_by_sms_signs_in_once_and_every_wrong_code_counts(KeycloakServer server) throws Exception {
        try (TestRealm realm = realm("login", Map.of("sms-resend-cooldown-seconds", "60"))) {
            TestUser user = userWithPhone(realm, "login", "010-5555-0456");
            realm.useBrowserFlow(SMS_FLOW);
            ServerMetrics before = ServerMetrics.read();
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                OtpJourney journey =
                        new OtpJourney(browser, realm.name()).start().password(user.username());
                SmsOtpPage page = new SmsOtpPage(browser);
                assertThat(page.alert()).contains("registered for your account");
                SmsGateway.Received sms = gateway.next();
                assertThat(sms.body().get("to").asText()).isEqualTo("+821055550456");
                assertThat(sms.body().get("text").asText()).contains("sign-in code");
                String code = Phones.code(sms);

                page.enter(wrong(code));
                page = new SmsOtpPage(browser);
                assertThat(page.error()).contains("not correct");
                realm.awaitBruteForce(user, state -> state.get("numFailures").asInt() == 1);

                page = page.resend();
                assertThat(page.error()).contains("Too many codes");
                assertThat(gateway.attempts()).hasSize(1);

                page.enter(code);
                assertThat(journey.finish().status()).isEqualTo(200);
            }
            assertThat(realm.events(user, "LOGIN_ERROR"))
                    .extracting(EventRepresentation::getError)
                    .contains("ciamkit_sms_code_invalid", "ciamkit_sms_rate_limited");
            assertThat(realm.events(user, "LOGIN"))
                    .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("ciamkit_factor", "sms"));
            ServerMetrics after = ServerMetrics.read();
            for (String outcome : List.of("invalid", "success")) {
                assertThat(after.increase(
                                before,
                                "ciamkit_factor_attempts_total",
                                Map.of("factor", "sms_otp", "outcome", outcome, "realm", realm.name())))
                        .as(outcome)
                        .isEqualTo(1);
            }
            assertThat(after.increase(
                            before,
                            "ciamkit_sms_gateway_send_seconds_count",
                            Map.of("provider", "http", "outcome", "sent")))
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void a_gateway_refusal_is_told_with_its_status_and_the_cap_per_phone_holds() throws Exception {
        try (TestRealm realm = realm("caps", Map.of("sms-resend-cooldown-seconds", "0", "sms-max-per-phone", "2"))) {
            // the binding's code counts apart (a number being registered has a budget of its own): the login's first
            // code takes the bound phone's first slot
            TestUser user = userWithPhone(realm, "caps", "010-5555-0789");
            realm.useBrowserFlow(SMS_FLOW);
            ServerMetrics before = ServerMetrics.read();
            try (Browser browser = Browser.open("ja-JP,ja;q=0.9")) {
                new OtpJourney(browser, realm.name()).start().password(user.username());
                gateway.refuseNext(3, 503); // the first try and both retries
                SmsOtpPage page = new SmsOtpPage(browser).resend();
                assertThat(page.error()).contains("SMSを送信できません");
                // a 503 provably sent nothing: the phone's slot came back, so this one goes out
                page = page.resend();
                assertThat(page.alert()).contains("認証コードを送信しました");
                page = page.resend();
                assertThat(page.error()).contains("要求が多すぎます");
                browser.screenshot("sms-otp-rate-limited-ja");
            }
            assertThat(gateway.attempts())
                    .as("login code, 3 refused tries, the resend")
                    .hasSize(5);
            assertThat(realm.events(user, "LOGIN_ERROR"))
                    .anySatisfy(e -> {
                        assertThat(e.getError()).isEqualTo("ciamkit_sms_rejected");
                        assertThat(e.getDetails()).containsEntry("ciamkit_sms_status", "503");
                    })
                    .anySatisfy(e -> {
                        assertThat(e.getError()).isEqualTo("ciamkit_sms_rate_limited");
                        assertThat(e.getDetails()).containsEntry("ciamkit_limit", "phone");
                    });
            assertThat(ServerMetrics.read()
                            .increase(
                                    before,
                                    "ciamkit_sms_gateway_send_seconds_count",
                                    Map.of("provider", "http", "outcome", "rejected")))
                    .as("one refusal after the sender's retries")
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void the_cap_per_client_address_holds_over_all_users_and_steps() throws Exception {
        try (TestRealm realm = realm("address", Map.of("sms-max-per-address", "2"))) {
            // two users bind a phone from this address: each binding's code takes one of its two slots
            TestUser first = userWithPhone(realm, "address-a", "010-5555-0111");
            userWithPhone(realm, "address-b", "010-5555-0222");
            realm.useBrowserFlow(SMS_FLOW);
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                new OtpJourney(browser, realm.name()).start().password(first.username());
                assertThat(new SmsOtpPage(browser).error()).contains("Too many codes");
            }
            assertThat(gateway.attempts()).isEmpty();
            assertThat(realm.events(first, "LOGIN_ERROR"))
                    .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("ciamkit_limit", "address"));
        }
    }

    @Test
    void a_user_without_a_phone_sees_the_same_page_and_no_text_is_sent() throws Exception {
        try (TestRealm realm = realm("nophone", Map.of())) {
            TestUser user = realm.createUser("nophone");
            realm.useBrowserFlow(SMS_FLOW);
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                new OtpJourney(browser, realm.name()).start().password(user.username());
                SmsOtpPage page = new SmsOtpPage(browser);
                assertThat(page.alert()).contains("registered for your account");
                page.enter("123456");
                assertThat(new SmsOtpPage(browser).error()).contains("not correct");
            }
            assertThat(gateway.attempts()).isEmpty();
            realm.awaitBruteForce(user, state -> state.get("numFailures").asInt() == 1);
        }
    }

    @Test
    void changing_the_number_asks_for_a_fresh_login_and_tells_the_old_number() throws Exception {
        try (TestRealm realm = realm("change", Map.of("max_auth_age", "1"))) {
            TestUser user = userWithPhone(realm, "change", "010-5555-0321");
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                new OtpJourney(browser, realm.name())
                        .start()
                        .password(user.username())
                        .finish();
                Thread.sleep(2100); // past the action's max_auth_age of 1 s
                OtpJourney change =
                        new OtpJourney(browser, realm.name()).start(Map.of("kc_action", "ciamkit-phone-register"));
                new LoginPage(browser).signIn(user.username(), TestUsers.PASSWORD);
                PhoneRegisterPage page = new PhoneRegisterPage(browser).number("010-5555-0654");
                page.code(Phones.code(gateway.next()));
                assertThat(change.finish().status()).isEqualTo(200);
            }
            SmsGateway.Received notice = gateway.next();
            assertThat(notice.body().get("to").asText()).isEqualTo("+821055550321");
            assertThat(notice.body().get("text").asText()).contains("was changed");
            assertThat(phones(realm, user))
                    .singleElement()
                    .satisfies(p -> assertThat(p.getUserLabel()).isEqualTo("010-****-0654"));
        }
    }

    @Test
    void a_pending_number_change_met_through_an_old_session_asks_to_sign_in_again() throws Exception {
        try (TestRealm realm = realm("stale", Map.of("max_auth_age", "1"))) {
            TestUser user = userWithPhone(realm, "stale", "010-5555-0135");
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                new OtpJourney(browser, realm.name())
                        .start()
                        .password(user.username())
                        .finish();
                Thread.sleep(2100); // past the action's max_auth_age of 1 s
                // an admin (or a script) sets the action; the old session's cookie meets it without a login
                realm.requireActions(user, "ciamkit-phone-register");
                new OtpJourney(browser, realm.name()).start();
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-error-message")));
                assertThat(browser.driver()
                                .findElement(By.id("kc-error-message"))
                                .getText())
                        .contains("sign in again");
                assertThat(browser.driver().findElements(By.id("ciamkit-phone")))
                        .isEmpty();
            }
            assertThat(gateway.attempts()).isEmpty();
            assertThat(realm.events(user, "CUSTOM_REQUIRED_ACTION_ERROR"))
                    .extracting(EventRepresentation::getError)
                    .contains("ciamkit_phone_needs_sign_in");
        }
    }

    /** A realm whose phone action and SMS OTP text through the test gateway; {@code settings} go to both. */
    private static TestRealm realm(String prefix, Map<String, String> settings) {
        Consumer<ObjectNode> customize = json -> {
            Map<String, String> sender = Map.of(
                    "sms-sender", "http",
                    "sms-http-url", gateway.url(),
                    "sms-http-username", "it-gateway",
                    "sms-http-password", "it-gateway-secret");
            for (JsonNode action : json.get("requiredActions")) {
                if ("ciamkit-phone-register".equals(action.get("alias").asText())) {
                    ObjectNode config = (ObjectNode) action.get("config");
                    sender.forEach(config::put);
                    config.put("sms-resend-cooldown-seconds", "0");
                    config.put("max_auth_age", settings.getOrDefault("max_auth_age", "300"));
                }
            }
            for (JsonNode config : json.get("authenticatorConfig")) {
                if ("ciamkit sms otp".equals(config.get("alias").asText())) {
                    ObjectNode values = (ObjectNode) config.get("config");
                    sender.forEach(values::put);
                    settings.forEach(values::put);
                }
            }
            TestRealm.passwordOnlyBrowserFlow(json);
        };
        return TestRealm.create(admin, prefix, customize);
    }

    /** A user who bound this number in a browser of their own; the gateway is left empty. */
    private static TestUser userWithPhone(TestRealm realm, String prefix, String number) throws Exception {
        TestUser user = realm.createUserWithActions(prefix, "ciamkit-phone-register");
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, realm.name()).start().password(user.username());
            Phones.bind(browser, gateway, number);
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        gateway.clear();
        return user;
    }

    private static List<CredentialRepresentation> phones(TestRealm realm, TestUser user) {
        return realm.resource().users().get(user.id()).credentials().stream()
                .filter(c -> "ciamkit-phone".equals(c.getType()))
                .toList();
    }

    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    /** Every row of the H2 database as SQL text, as a backup would hold it. */
    private static String databaseDump(KeycloakServer server) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection db = server.database().connect();
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SCRIPT")) {
            while (rows.next()) {
                dump.append(rows.getString(1)).append('\n');
            }
        }
        return dump.toString();
    }
}
