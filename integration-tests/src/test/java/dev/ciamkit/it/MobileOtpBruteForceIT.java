package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ciamkit.it.pages.OtpLoginPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every failed mobile-OTP attempt reaches Keycloak's brute-force protector as a second factor: temporary lockout
 * after {@code failureFactor} failures, permanent lockout after {@code maxSecondaryAuthFailures}, the lockout events,
 * and a locked user refused even with the right code. Full-width digits, as Japanese and Korean input methods type
 * them, are a right code and no failure.
 */
@ExtendWith(KeycloakServerExtension.class)
class MobileOtpBruteForceIT {

    // Keycloak's EventType and Errors names, as the admin API returns them.
    private static final String LOGIN_ERROR = "LOGIN_ERROR";
    private static final String TEMPORARY_LOCKOUT = "USER_DISABLED_BY_TEMPORARY_LOCKOUT";
    private static final String PERMANENT_LOCKOUT = "USER_DISABLED_BY_PERMANENT_LOCKOUT";
    private static final String INVALID_USER_CREDENTIALS = "invalid_user_credentials";
    private static final String USER_TEMPORARILY_DISABLED = "user_temporarily_disabled";
    private static final String USER_DISABLED = "user_disabled";
    private static final String OTP_MISSING = "ciamkit_otp_missing";

    private static final int LOCK_SECONDS = 5;

    private static Keycloak admin;
    private static TestRealm temporary;
    private static TestRealm permanent;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        temporary = TestRealm.create(
                admin,
                "bruteforce",
                json -> json.put("bruteForceProtected", true)
                        .put("permanentLockout", false)
                        .put("failureFactor", 3)
                        .put("waitIncrementSeconds", LOCK_SECONDS)
                        .put("maxFailureWaitSeconds", LOCK_SECONDS));
        // Failure factor out of reach, so only the second-factor rule can lock the user for good.
        permanent = TestRealm.create(
                admin,
                "permlock",
                json -> json.put("bruteForceProtected", true)
                        .put("permanentLockout", true)
                        .put("maxTemporaryLockouts", 0)
                        .put("failureFactor", 30)
                        .put("maxSecondaryAuthFailures", 2));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            temporary.close();
            permanent.close();
        } finally {
            admin.close();
        }
    }

    @Test
    void three_wrong_codes_lock_the_user_the_right_code_is_refused_and_the_lock_lifts() throws Exception {
        TestUser user = temporary.createUser("locked");
        AuthenticatorApp phone = OtpJourney.enrolled(temporary.name(), user.username());
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey =
                    new OtpJourney(browser, temporary.name()).start().password(user.username());
            for (int attempt = 1; attempt <= 3; attempt++) {
                submit(browser, phone.wrongCode());
            }
            JsonNode locked = temporary.awaitBruteForce(
                    user,
                    s -> s.path("numFailures").asInt() == 3
                            && s.path("disabled").asBoolean());
            assertThat(locked.path("numFailures").asInt()).isEqualTo(3);

            submit(browser, phone.nextCode());
            assertThat(new OtpLoginPage(browser).error()).contains("locked for a while");
            browser.screenshot("otp-user-temporarily-locked-en");

            temporary.awaitBruteForce(user, s -> !s.path("disabled").asBoolean());
            submit(browser, phone.nextCode());
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        assertThat(errors(temporary, user))
                .containsOnly(INVALID_USER_CREDENTIALS, USER_TEMPORARILY_DISABLED)
                .filteredOn(INVALID_USER_CREDENTIALS::equals)
                .hasSize(3);
        assertThat(temporary.events(user, TEMPORARY_LOCKOUT)).isNotEmpty();
        // A passed second factor clears the failures, as a passed Keycloak OTP does.
        temporary.awaitBruteForce(user, s -> s.path("numFailures").asInt() == 0);
    }

    @Test
    void a_missing_code_and_a_malformed_code_each_count_one_failure() throws Exception {
        TestUser user = temporary.createUser("malformed");
        AuthenticatorApp phone = OtpJourney.enrolled(temporary.name(), user.username());
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey =
                    new OtpJourney(browser, temporary.name()).start().password(user.username());
            submit(browser, "");
            assertThat(new OtpLoginPage(browser).error()).contains("Enter the code");
            temporary.awaitBruteForce(user, s -> s.path("numFailures").asInt() == 1);

            submit(browser, "12ab5!");
            assertThat(new OtpLoginPage(browser).error()).contains("not valid");
            temporary.awaitBruteForce(user, s -> s.path("numFailures").asInt() == 2);

            submit(browser, phone.nextCode());
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        assertThat(errors(temporary, user)).containsExactlyInAnyOrder(OTP_MISSING, INVALID_USER_CREDENTIALS);
    }

    @Test
    void wrong_codes_beyond_max_secondary_auth_failures_lock_the_user_permanently() throws Exception {
        TestUser user = permanent.createUser("permlock");
        AuthenticatorApp phone = OtpJourney.enrolled(permanent.name(), user.username());
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            new OtpJourney(browser, permanent.name()).start().password(user.username());
            for (int attempt = 1; attempt <= 3; attempt++) {
                submit(browser, phone.wrongCode());
            }
            awaitDisabled(user);

            // Keycloak checks the user is enabled before any step runs, so its own page answers, not ours.
            submit(browser, phone.nextCode());
            assertThat(browser.driver().findElements(By.id("ciamkit-otp-form"))).isEmpty();
            assertThat(browser.driver().getPageSource()).contains("Account is disabled");
        }
        UserRepresentation stored = permanent.resource().users().get(user.id()).toRepresentation();
        assertThat(stored.isEnabled()).isFalse();
        assertThat(stored.getAttributes()).containsEntry("disabledReason", List.of("permanentLockout"));
        assertThat(permanent.events(user, PERMANENT_LOCKOUT)).hasSize(1);
        assertThat(errors(permanent, user)).contains(USER_DISABLED);
    }

    @Test
    void full_width_digits_and_spaces_sign_in_without_a_failure() throws Exception {
        TestUser user = temporary.createUser("fullwidth");
        AuthenticatorApp phone = OtpJourney.enrolled(temporary.name(), user.username());
        try (Browser browser = Browser.open("ja-JP,ja;q=0.9")) {
            OtpJourney journey =
                    new OtpJourney(browser, temporary.name()).start().password(user.username());
            String code = phone.nextCode();
            // U+FF10.. are the full-width digits, U+3000 the ideographic space an IME types between groups.
            submit(browser, fullWidth(code.substring(0, 3)) + "\u3000" + fullWidth(code.substring(3)));
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        assertThat(temporary.bruteForce(user).path("numFailures").asInt()).isZero();
        assertThat(errors(temporary, user)).isEmpty();
    }

    /** Types a code and waits for the server's answer to replace the page. */
    private static void submit(Browser browser, String code) {
        WebElement field = browser.driver().findElement(By.id("otp"));
        new OtpLoginPage(browser).enter(code);
        browser.awaitGone(field);
    }

    private static void awaitDisabled(TestUser user) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        while (permanent.resource().users().get(user.id()).toRepresentation().isEnabled()) {
            assertThat(java.time.Instant.now()).as("user disabled in time").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static List<String> errors(TestRealm realm, TestUser user) {
        return realm.events(user, LOGIN_ERROR).stream()
                .map(EventRepresentation::getError)
                .toList();
    }

    private static String fullWidth(String digits) {
        StringBuilder wide = new StringBuilder();
        digits.chars().forEach(c -> wide.append((char) ('\uFF10' + (c - '0'))));
        return wide.toString();
    }
}
