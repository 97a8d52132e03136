package dev.ciamkit.it;

import dev.ciamkit.it.pages.PinOtpLoginPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.PinJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.Keycloak;

/**
 * The PIN pages in Korean, Japanese and English, checked as {@link ThemePagesIT} checks every page of ours: the
 * language, no untranslated key, no serious or critical axe-core violation, nothing sideways at 360 px.
 */
@ExtendWith(KeycloakServerExtension.class)
class PinPagesIT {

    private static Keycloak admin;
    private static TestRealm realm;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        realm = PinJourney.realm(admin, "pinpages", 5);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            realm.close();
        } finally {
            admin.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ko", "ja", "en"})
    void the_pin_pages_speak_the_language_and_pass_the_accessibility_check(String locale) throws Exception {
        TestUser user = realm.createUser("pinpages-" + locale);
        AuthenticatorApp phone = OtpJourney.enrolled(realm.name(), user.username());
        PinJourney.requirePin(realm, user);
        String language = ThemePagesIT.ACCEPT_LANGUAGE.get(locale);
        try (Browser browser = Browser.open(language)) {
            var page = PinJourney.toPinPage(browser, realm, user, phone);
            ThemePagesIT.review(browser, "pin-register", locale);
            ThemePagesIT.onAPhone(browser, "pin-register", locale);
            page.set("123456");
            ThemePagesIT.review(browser, "pin-register-refused", locale);
            new dev.ciamkit.it.pages.PinRegisterPage(browser).set("283915");
            PinJourney.awaitSignedIn(browser);
        }
        try (Browser browser = Browser.open(language)) {
            PinOtpLoginPage page = PinJourney.start(browser, realm, user);
            ThemePagesIT.review(browser, "pin-otp", locale);
            ThemePagesIT.onAPhone(browser, "pin-otp", locale);
            page.enter("572048", phone.wrongCode());
            new PinOtpLoginPage(browser);
            ThemePagesIT.review(browser, "pin-otp-invalid", locale);
        }
    }
}
