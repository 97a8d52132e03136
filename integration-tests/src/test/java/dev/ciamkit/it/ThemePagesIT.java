package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.it.pages.LoginPage;
import dev.ciamkit.it.pages.OtpEnrolmentPage;
import dev.ciamkit.it.pages.PhoneRegisterPage;
import dev.ciamkit.it.pages.SmsOtpPage;
import dev.ciamkit.it.support.Accessibility;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.DemoApp;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers;
import dev.ciamkit.it.support.TestUsers.TestUser;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page we add, in Korean, Japanese and English: the page speaks the language, shows no untranslated key, has no
 * serious or critical accessibility violation (axe-core, WCAG 2.1 AA), and leaves a screenshot for people to review.
 */
@ExtendWith(KeycloakServerExtension.class)
class ThemePagesIT {

    private static final Pattern UNTRANSLATED = Pattern.compile("\\bciamkit[A-Z][A-Za-z]+\\b|\\?\\?\\?");
    static final Map<String, String> ACCEPT_LANGUAGE =
            Map.of("ko", "ko-KR,ko;q=0.9", "ja", "ja-JP,ja;q=0.9", "en", "en-US,en;q=0.9");
    private static final Map<String, Pattern> SCRIPT = Map.of(
            "ko", Pattern.compile("\\p{IsHangul}"),
            "ja", Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]"));
    /** The v3 account console's own English labels (page heading and navigation), which ko and ja must replace. */
    private static final String[] ACCOUNT_CONSOLE_ENGLISH = {"Personal info", "Account security"};

    private static Keycloak admin;

    @BeforeAll
    static void start() throws Exception {
        admin = Admin.client();
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ko", "ja", "en"})
    void our_pages_speak_the_language_and_pass_the_accessibility_check(String locale) throws Exception {
        TestUser user = TestUsers.create(admin, "theme-" + locale);
        AuthenticatorApp phone;
        try (Browser browser = Browser.open(ACCEPT_LANGUAGE.get(locale))) {
            OtpJourney journey = new OtpJourney(browser).start();
            new LoginPage(browser);
            review(browser, "login", locale);
            onAPhone(browser, "login", locale);

            journey.password(user.username());
            new OtpEnrolmentPage(browser);
            review(browser, "otp-enrolment", locale);
            onAPhone(browser, "otp-enrolment", locale);
            phone = journey.enrol(null);
            journey.finish();
        }
        try (Browser browser = Browser.open(ACCEPT_LANGUAGE.get(locale))) {
            OtpJourney journey = new OtpJourney(browser).start().password(user.username());
            journey.otp();
            review(browser, "otp-login", locale);
            journey.otp().enter(phone.nextCode());
            journey.finish();

            browser.driver().get(Oidc.realmUrl() + "/account/");
            browser.waiting()
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("img[src$='/img/ciamkit-logo.svg']")));
            WebElement heading = browser.waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=page-heading]")));
            browser.screenshot("account-console-" + locale);
            accountConsoleSpeaks(browser, heading.getText(), locale);
        }
        try (Browser browser = Browser.open(ACCEPT_LANGUAGE.get(locale))) {
            browser.driver().get(Oidc.realmUrl() + "/ciamkit-otp/enrol/" + "A".repeat(43));
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("ciamkit-link-expired")));
            review(browser, "otp-link-expired", locale);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ko", "ja", "en"})
    void the_phone_and_sms_pages_speak_the_language_and_pass_the_accessibility_check(
            String locale, KeycloakServer server) throws Exception {
        Path outbox = server.home().resolve("data/ciamkit-sms-outbox.jsonl");
        try (TestRealm realm = TestRealm.create(admin, "theme-sms-" + locale, TestRealm::passwordOnlyBrowserFlow)) {
            TestUser user = realm.createUserWithActions("phone", "ciamkit-phone-register");
            try (Browser browser = Browser.open(ACCEPT_LANGUAGE.get(locale))) {
                OtpJourney journey =
                        new OtpJourney(browser, realm.name()).start().password(user.username());
                PhoneRegisterPage page = new PhoneRegisterPage(browser);
                review(browser, "phone-register", locale);
                onAPhone(browser, "phone-register", locale);
                page = page.number("12");
                review(browser, "phone-register-invalid", locale);
                page = page.number("010-5555-0246");
                review(browser, "phone-register-code", locale);
                onAPhone(browser, "phone-register-code", locale);
                page.code(lastCode(outbox));
                journey.finish();
            }
            realm.useBrowserFlow("ciamkit sms");
            try (Browser browser = Browser.open(ACCEPT_LANGUAGE.get(locale))) {
                new OtpJourney(browser, realm.name()).start().password(user.username());
                new SmsOtpPage(browser);
                review(browser, "sms-otp", locale);
                onAPhone(browser, "sms-otp", locale);
                new SmsOtpPage(browser).enter("0");
                new SmsOtpPage(browser);
                review(browser, "sms-otp-invalid", locale);
            }
        }
    }

    /** The code in the development outbox's newest text. */
    private static String lastCode(Path outbox) throws Exception {
        List<String> lines = Files.readAllLines(outbox);
        String text = new ObjectMapper()
                .readTree(lines.get(lines.size() - 1))
                .get("text")
                .asText();
        Matcher code = Pattern.compile("(\\d{6,8})").matcher(text);
        assertThat(code.find()).as("a code in %s", text).isTrue();
        return code.group(1);
    }

    @Test
    void admins_pick_the_login_theme_per_client_as_well_as_per_realm() throws Exception {
        ClientRepresentation plain = new ClientRepresentation();
        plain.setClientId("it-plain-theme");
        plain.setPublicClient(true);
        plain.setRedirectUris(List.of(DemoApp.REDIRECT_URI));
        plain.setAttributes(Map.of("login_theme", "keycloak.v2", "pkce.code.challenge.method", "S256"));
        try (Response created = admin.realm(Oidc.REALM).clients().create(plain)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }

        String demoAppPage = loginPage(Oidc.DEMO_APP);
        String plainPage = loginPage("it-plain-theme");

        assertThat(demoAppPage).contains("/login/ciamkit/css/ciamkit.css");
        assertThat(plainPage).contains("/login/keycloak.v2/").doesNotContain("ciamkit.css");
    }

    private static String loginPage(String clientId) throws Exception {
        String url = Oidc.realmUrl() + "/protocol/openid-connect/auth?client_id=" + clientId
                + "&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A8765%2Fcallback"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        HttpResponse<String> response = Oidc.get(url, "en");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** At 360 px nothing may stick out sideways: every line wraps in the page's own script. */
    static void onAPhone(Browser browser, String page, String locale) throws Exception {
        browser.resize(360, 780);
        browser.screenshot(page + "-" + locale + "-phone");
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue())
                .as("%s in %s overflows a 360 px screen", page, locale)
                .isLessThanOrEqualTo(0);
        browser.resize(1280, 900);
    }

    /**
     * Keycloak 26.7 has no Korean account console; ours does. English shows the labels looked for, so their absence in
     * ko and ja means a translation, not a renamed label.
     */
    private static void accountConsoleSpeaks(Browser browser, String heading, String locale) {
        String text = browser.driver().findElement(By.tagName("body")).getText();
        if (locale.equals("en")) {
            assertThat(text).as("account console in en").contains(ACCOUNT_CONSOLE_ENGLISH);
            return;
        }
        assertThat(heading).as("account console heading in %s", locale).containsPattern(SCRIPT.get(locale));
        assertThat(text).as("account console in %s", locale).doesNotContain(ACCOUNT_CONSOLE_ENGLISH);
    }

    static void review(Browser browser, String page, String locale) throws Exception {
        browser.screenshot(page + "-" + locale);
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                .as("%s language", page)
                .isEqualTo(locale);
        String text = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(UNTRANSLATED.matcher(text).find())
                .as("%s in %s shows an untranslated key:%n%s", page, locale, text)
                .isFalse();
        assertThat(Accessibility.seriousViolations(browser))
                .as("%s in %s", page, locale)
                .isEmpty();
    }
}
