package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.pages.PinOtpLoginPage;
import dev.ciamkit.it.pages.PinRegisterPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.PinJourney;
import dev.ciamkit.it.support.ServerMetrics;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * The PIN end to end: the policy on the set-PIN page, PIN + OTP on one page through a username-only flow, one answer
 * and exactly one brute-force failure per wrong submission whichever half was wrong, a wrong PIN that does not use up
 * the right code, the PIN's lock (3 here) refusing even the right PIN, the admin's unlock, and no PIN in the database.
 */
@ExtendWith(KeycloakServerExtension.class)
class PinOtpIT {

    private static final int LOCK_AFTER = 3;
    private static final String PIN = "283915";
    private static final String WRONG_PIN = "572048";

    private static Keycloak admin;
    private static TestRealm realm;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        realm = PinJourney.realm(admin, "pin", LOCK_AFTER);
        // The birth date is an attribute the demo realm's profile does not declare: let admins set it.
        UPConfig profile = realm.resource().users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        realm.resource().users().userProfile().update(profile);
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
    void the_set_pin_page_refuses_weak_pins_with_a_message_for_each() throws Exception {
        TestUser user = realm.createUser("policy", Map.of("birthdate", List.of("1990-05-12")));
        AuthenticatorApp phone = OtpJourney.enrolled(realm.name(), user.username());
        PinJourney.requirePin(realm, user);
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            PinRegisterPage page = PinJourney.toPinPage(browser, realm, user, phone);
            assertThat(page.hint()).contains("6 digits");

            assertThat(refusal(browser, "123456", "123456")).contains("Digits in a row");
            assertThat(refusal(browser, "987654", "987654")).contains("Digits in a row");
            assertThat(refusal(browser, "111111", "111111")).contains("Repeated digits");
            assertThat(refusal(browser, "900512", "900512")).contains("birth date");
            assertThat(refusal(browser, "135790", "135790"))
                    .as("server blocklist")
                    .contains("too common");
            assertThat(refusal(browser, "12a456", "12a456")).contains("digits only");
            assertThat(refusal(browser, "2839", "2839")).contains("exactly 6 digits");
            assertThat(refusal(browser, PIN, "283916")).contains("not the same");
            browser.screenshot("pin-register-refused-en");

            // Full-width digits, as Japanese and Korean input methods type them, are the same PIN.
            new PinRegisterPage(browser).set("２８３９１５");
            PinJourney.awaitSignedIn(browser);
        }
        assertThat(pins(user)).hasSize(1);
        assertThat(errors(user, "UPDATE_CREDENTIAL_ERROR")).hasSize(8).containsOnly("ciamkit_pin_rejected");
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            PinJourney.start(browser, realm, user).enter(PIN, phone.nextCode());
            PinJourney.awaitSignedIn(browser);
        }
    }

    @Test
    void a_wrong_pin_beside_the_right_code_uses_the_code_up_and_the_pin_with_the_next_code_signs_in() throws Exception {
        TestUser user = realm.createUser("signin");
        AuthenticatorApp phone = PinJourney.withPin(realm, user, PIN);
        ServerMetrics before = ServerMetrics.read();
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            PinOtpLoginPage page = PinJourney.start(browser, realm, user);
            String code = phone.nextCode();
            page.enter(WRONG_PIN, code);
            assertThat(new PinOtpLoginPage(browser).error()).contains("PIN or the one-time code is not correct");
            realm.awaitBruteForce(user, s -> s.path("numFailures").asInt() == 1);

            // The code is checked first, for real: beside a wrong PIN it is used up all the same.
            new PinOtpLoginPage(browser).enter(PIN, code);
            assertThat(new PinOtpLoginPage(browser).error()).contains("PIN or the one-time code is not correct");

            new PinOtpLoginPage(browser).enter(PIN, phone.nextCode());
            PinJourney.awaitSignedIn(browser);
        }
        assertThat(errors(user, "LOGIN_ERROR"))
                .containsExactlyInAnyOrder("ciamkit_pin_invalid", "ciamkit_otp_replayed");
        realm.awaitBruteForce(user, s -> s.path("numFailures").asInt() == 0);
        // the PIN is compared twice (beside the replayed code it is not): once wrong, once right
        ServerMetrics after = ServerMetrics.read();
        for (String outcome : List.of("invalid", "success")) {
            assertThat(after.increase(
                            before,
                            "ciamkit_factor_attempts_total",
                            Map.of("factor", "pin", "outcome", outcome, "realm", realm.name())))
                    .as(outcome)
                    .isEqualTo(1);
        }
        assertThat(after.increase(before, "ciamkit_factor_verification_seconds_count", Map.of("factor", "pin")))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_wrong_pin_and_a_wrong_code_get_the_same_answer_and_count_one_failure_each() throws Exception {
        TestUser user = realm.createUser("same");
        AuthenticatorApp phone = PinJourney.withPin(realm, user, PIN);
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            PinJourney.start(browser, realm, user).enter(WRONG_PIN, phone.nextCode());
            String wrongPin = new PinOtpLoginPage(browser).error();
            realm.awaitBruteForce(user, s -> s.path("numFailures").asInt() == 1);

            new PinOtpLoginPage(browser).enter(PIN, phone.wrongCode());
            String wrongCode = new PinOtpLoginPage(browser).error();
            realm.awaitBruteForce(user, s -> s.path("numFailures").asInt() == 2);

            new PinOtpLoginPage(browser).enter(WRONG_PIN, phone.wrongCode());
            String both = new PinOtpLoginPage(browser).error();
            realm.awaitBruteForce(user, s -> s.path("numFailures").asInt() == 3);

            assertThat(wrongPin).isNotBlank().isEqualTo(wrongCode).isEqualTo(both);
            browser.screenshot("pin-otp-invalid-en");
        }
        assertThat(errors(user, "LOGIN_ERROR"))
                // beside a wrong code the PIN is never compared: that submission is the code's failure
                .containsExactlyInAnyOrder(
                        "ciamkit_pin_invalid", "invalid_user_credentials", "invalid_user_credentials");
        Thread.sleep(500); // nothing more arrives: each submission counted once
        assertThat(realm.bruteForce(user).path("numFailures").asInt()).isEqualTo(3);
    }

    @Test
    void the_pin_locks_after_the_configured_failures_refuses_the_right_pin_and_an_admin_removes_it(
            KeycloakServer server) throws Exception {
        TestUser user = realm.createUser("lock");
        AuthenticatorApp phone = PinJourney.withPin(realm, user, PIN);
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            PinJourney.start(browser, realm, user);
            // Beside a wrong code, wrong PINs never lock the PIN: knowing a username is not enough to lock anyone out.
            for (int attempt = 1; attempt <= LOCK_AFTER + 1; attempt++) {
                new PinOtpLoginPage(browser).enter(WRONG_PIN + attempt % 10, phone.wrongCode());
            }
            assertThat(pinState(server, user)).as("failures, locked").isIn(List.of(), List.of(0L, 0L));
            // Beside the right code (each used up), they do: whoever holds the device cannot guess the PIN.
            for (int attempt = 1; attempt <= LOCK_AFTER; attempt++) {
                new PinOtpLoginPage(browser).enter(WRONG_PIN + attempt % 10, phone.nextCode());
            }
            assertThat(new PinOtpLoginPage(browser).error()).contains("locked");

            new PinOtpLoginPage(browser).enter(PIN, phone.nextCode());
            assertThat(new PinOtpLoginPage(browser).error()).contains("locked");
            browser.screenshot("pin-otp-locked-en");
        }
        assertThat(errors(user, "LOGIN_ERROR")).endsWith("ciamkit_pin_locked", "ciamkit_pin_locked");
        assertThat(pinState(server, user)).as("failures, locked").containsExactly((long) LOCK_AFTER, 1L);

        // The unlock: an admin removes the PIN (its state goes with it by the foreign key); the user sets a new one.
        realm.resource()
                .users()
                .get(user.id())
                .removeCredential(pins(user).get(0).getId());
        assertThat(pinState(server, user)).isEmpty();
    }

    @Test
    void the_database_never_holds_the_pin(KeycloakServer server) throws Exception {
        TestUser user = realm.createUser("dump");
        PinJourney.withPin(realm, user, PIN);
        CredentialRepresentation pin = pins(user).get(0);
        List<String> dump = new ArrayList<>();
        try (Connection db = server.database().connect();
                Statement script = db.createStatement();
                ResultSet lines = script.executeQuery("SCRIPT")) {
            while (lines.next()) {
                dump.add(lines.getString(1));
            }
        }
        assertThat(dump).anySatisfy(line -> assertThat(line).contains(pin.getId()));
        // the PIN as a value of its own: not six digits that happen to sit inside a random id or hash
        java.util.regex.Pattern stored = java.util.regex.Pattern.compile("(?<![0-9A-Za-z])" + PIN + "(?![0-9A-Za-z])");
        assertThat(dump).noneSatisfy(line -> assertThat(line).containsPattern(stored));
        try (Connection db = server.database().connect();
                PreparedStatement query =
                        db.prepareStatement("select CREDENTIAL_DATA, SECRET_DATA from CREDENTIAL where ID = ?")) {
            query.setString(1, pin.getId());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).contains("argon2").contains("\"pepper\"");
                assertThat(row.getString(2)).contains("\"salt\"");
            }
        }
    }

    private static String refusal(Browser browser, String pin, String confirmation) {
        new PinRegisterPage(browser).set(pin, confirmation);
        return new PinRegisterPage(browser).error();
    }

    private static List<CredentialRepresentation> pins(TestUser user) {
        return realm.resource().users().get(user.id()).credentials().stream()
                .filter(c -> "ciamkit-pin".equals(c.getType()))
                .toList();
    }

    private static List<String> errors(TestUser user, String type) {
        // The admin API lists newest first.
        List<String> errors = new ArrayList<>(realm.events(user, type).stream()
                .map(EventRepresentation::getError)
                .toList());
        java.util.Collections.reverse(errors);
        return errors;
    }

    /** The PIN state row: failures and whether it is locked (1) or not (0); empty when there is none. */
    private static List<Long> pinState(KeycloakServer server, TestUser user) throws Exception {
        try (Connection db = server.database().connect();
                PreparedStatement query =
                        db.prepareStatement("select FAILURES, LOCKED_AT from CIAMKIT_PIN_STATE where USER_ID = ?")) {
            query.setString(1, user.id());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? List.of((long) row.getInt(1), row.getLong(2) > 0 ? 1L : 0L) : List.of();
            }
        }
    }
}
