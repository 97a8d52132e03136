package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.pages.OtpLoginPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * A stored seed the server cannot open (here: sealed with a key id the key file does not have, as after a rotation
 * promoted too early or a key file copied without its new key) is a clear, localized answer, never a 500.
 */
@ExtendWith(KeycloakServerExtension.class)
class UnreadableSeedIT {

    private static Keycloak admin;
    private static TestRealm realm;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        realm = TestRealm.create(admin, "unreadable");
    }

    @AfterAll
    static void stop() throws Exception {
        realm.close();
        admin.close();
    }

    @Test
    void a_device_whose_seed_does_not_open_is_refused_with_a_message_not_a_500_and_counts_nothing(KeycloakServer server)
            throws Exception {
        TestUser user = realm.createUser("unreadable");
        AuthenticatorApp phone = OtpJourney.enrolled(realm.name(), user.username());
        sealWithAnUnknownKey(server, user);

        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, realm.name()).start().password(user.username());
            OtpLoginPage otp = journey.otp();
            otp.enter(phone.nextCode());

            OtpLoginPage answer = new OtpLoginPage(browser);
            assertThat(answer.error()).contains("This device cannot be used right now");
            assertThat(browser.driver().getPageSource()).doesNotContain("unexpected error");
            browser.screenshot("otp-login-device-unreadable-en");
        }
        List<EventRepresentation> errors = realm.events(user, "LOGIN_ERROR");
        assertThat(errors).anySatisfy(e -> assertThat(e.getError()).isEqualTo("ciamkit_otp_device_unreadable"));
        assertThat(realm.bruteForce(user).get("numFailures").asInt())
                .as("a seed the server cannot open is not the user's failure")
                .isZero();
    }

    /** Replaces the device's sealed seed with a well-formed value under a key id that is not in the key file. */
    private static void sealWithAnUnknownKey(KeycloakServer server, TestUser user) throws Exception {
        String unknown = "ck1.kgone." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[48]);
        try (Connection db = server.database().connect();
                PreparedStatement update =
                        db.prepareStatement("update CREDENTIAL set SECRET_DATA = ? where USER_ID = ? and TYPE = ?")) {
            update.setString(1, "{\"seed\":\"" + unknown + "\"}");
            update.setString(2, user.id());
            update.setString(3, "ciamkit-mobile-otp");
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        // The server reads credentials through its user cache; the row changed behind its back.
        assertThat(AdminApi.post(admin, realm.name(), "/clear-user-cache").statusCode())
                .isEqualTo(204);
    }
}
