package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ciamkit.ekyc.sandbox.Behaviour;
import dev.ciamkit.ekyc.sandbox.SandboxConfig;
import dev.ciamkit.ekyc.sandbox.SandboxOperation;
import dev.ciamkit.ekyc.sandbox.TestImages;
import dev.ciamkit.it.pages.EkycPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.EkycGateway;
import dev.ciamkit.it.support.EkycJourney;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.Keycloak;

/**
 * The eKYC pages against the sandbox gateway, reached through the required action (application-initiated
 * verification) in a realm of their own that signs in with a password: what fails, what is counted and what is stored.
 * The step-up by ACR in the shipped layout is {@link EkycStepUpIT}.
 */
@ExtendWith(KeycloakServerExtension.class)
class EkycIT {

    private static final String EN = "en-US,en;q=0.9";
    private static final int ATTEMPTS = 2;

    private static Keycloak admin;
    private static TestRealm realm;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        realm = TestRealm.create(admin, "ekyc", json -> {
            TestRealm.passwordOnlyBrowserFlow(json);
            json.put("failureFactor", 3);
            json.put("permanentLockout", false);
            for (JsonNode action : json.withArray("requiredActions")) {
                if (EkycJourney.REQUIRED_ACTION.equals(action.path("alias").asText())) {
                    ((ObjectNode) action).putObject("config").put("ekyc-attempts-per-day", String.valueOf(ATTEMPTS));
                }
            }
        });
    }

    @AfterEach
    void resetGateway() {
        EkycGateway.sandbox().reset();
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
    void the_browser_camera_takes_the_id_and_the_selfie() throws Exception {
        TestUser user = realm.createUser("ekyc-camera");
        // camera frames carry no sandbox marker: the sandbox reads an unmarked image as Hong Gildong's
        EkycGateway.sandbox().configure(SandboxConfig.defaults().withUnmarked("hong"));
        try (Browser browser = Browser.withFakeCamera(EN)) {
            OtpJourney journey = EkycJourney.startVerification(browser, realm, user);
            new EkycPage.IdPage(browser).sendFromCamera();
            EkycPage.ConfirmPage confirm = new EkycPage.ConfirmPage(browser);
            assertThat(confirm.value("givenName")).isEqualTo("길동");
            confirm.verifyWithCameraSelfie();
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        assertThat(EkycJourney.verifications(realm, user)).hasSize(1);
    }

    @Test
    void a_forged_id_fails_the_authenticity_check_and_stores_nothing() throws Exception {
        TestUser user = realm.createUser("ekyc-forged");
        try (Browser browser = Browser.open(EN)) {
            EkycJourney.startVerification(browser, realm, user);
            EkycPage.IdPage id = new EkycPage.IdPage(browser);
            id.send(EkycGateway.image(TestImages.ID_FORGED));
            new EkycPage.ConfirmPage(browser).verifyWithSelfie(EkycGateway.image(TestImages.SELFIE_HONG));
            EkycPage.EndedPage ended = new EkycPage.EndedPage(browser);
            assertThat(ended.alert()).contains("could not confirm this ID");
        }
        assertThat(EkycJourney.errors(realm, user, "ciamkit_ekyc_id_rejected")).hasSize(1);
        assertThat(EkycJourney.verifications(realm, user)).isEmpty();
    }

    @Test
    void a_face_that_does_not_match_or_a_face_service_that_is_down_leaves_the_account_usable() throws Exception {
        TestUser user = realm.createUser("ekyc-face");
        try (Browser browser = Browser.open(EN)) {
            OtpJourney journey = EkycJourney.startVerification(browser, realm, user);
            EkycPage.ConfirmPage confirm = EkycJourney.sendHongsId(browser, new EkycPage.IdPage(browser));
            assertThat(confirm.value("familyName")).isEqualTo("홍");
            assertThat(confirm.value("givenName")).isEqualTo("길동");
            assertThat(confirm.text("ciamkit-ekyc-birth-date")).isEqualTo("1990-01-01");
            assertThat(confirm.text("ciamkit-ekyc-id-number")).isEqualTo("900101-1******");

            confirm.verifyWithSelfie(EkycGateway.image(TestImages.SELFIE_KIM));
            confirm = new EkycPage.ConfirmPage(browser);
            assertThat(confirm.fieldError("selfie")).contains("does not match");
            assertThat(confirm.asksForFields())
                    .as("the ID passed: its fields are not asked again")
                    .isFalse();

            EkycGateway.sandbox()
                    .configure(SandboxConfig.defaults().with(SandboxOperation.FACE, Behaviour.failing(503)));
            confirm.verifyWithSelfie(EkycGateway.image(TestImages.SELFIE_HONG));
            confirm = new EkycPage.ConfirmPage(browser);
            assertThat(confirm.alert()).contains("face check is not available");

            confirm.useAccountInstead();
            new EkycPage.AccountPage(browser).send(EkycJourney.BANK, EkycJourney.ACCOUNT);
            new EkycPage.CodePage(browser).enter(EkycJourney.memoCode());
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        assertThat(EkycJourney.errors(realm, user, "ciamkit_ekyc_face_mismatch"))
                .hasSize(1);
        assertThat(EkycJourney.errors(realm, user, "ciamkit_ekyc_vendor_unavailable"))
                .isNotEmpty();
        assertThat(EkycJourney.verifications(realm, user)).hasSize(1);
    }

    @Test
    void only_a_misread_letter_of_the_name_may_be_corrected_not_the_identity() throws Exception {
        TestUser user = realm.createUser("ekyc-typed");
        try (Browser browser = Browser.open(EN)) {
            OtpJourney journey = EkycJourney.startVerification(browser, realm, user);
            EkycPage.ConfirmPage confirm = EkycJourney.sendHongsId(browser, new EkycPage.IdPage(browser));
            assertThat(confirm.hasField("birthDate"))
                    .as("the birth date is read, not typed")
                    .isFalse();
            assertThat(confirm.hasField("idNumber"))
                    .as("the ID number is read, not typed")
                    .isFalse();
            confirm.name("김", "영희");
            confirm.verifyWithSelfie(EkycGateway.image(TestImages.SELFIE_HONG));
            confirm = new EkycPage.ConfirmPage(browser);
            assertThat(confirm.fieldError("familyName")).contains("Only a misread letter");
            assertThat(EkycGateway.sandbox().requests(SandboxOperation.VERIFY))
                    .as("another identity never reaches the issuing authority")
                    .isZero();
            confirm.name("홍", "길똥");
            confirm.verifyWithSelfie(EkycGateway.image(TestImages.SELFIE_HONG));
            // one letter off passes the form, and the issuing authority's register decides
            assertThat(new EkycPage.EndedPage(browser).alert()).contains("could not confirm this ID");
        }
        assertThat(EkycJourney.verifications(realm, user)).isEmpty();
    }

    @Test
    void a_wrong_memo_code_is_counted_by_the_brute_force_protector_until_the_user_is_locked() throws Exception {
        TestUser user = realm.createUser("ekyc-code");
        try (Browser browser = Browser.open(EN)) {
            OtpJourney journey = EkycJourney.startVerification(browser, realm, user);
            EkycPage.ConfirmPage confirm = EkycJourney.sendHongsId(browser, new EkycPage.IdPage(browser));
            confirm.useAccountInstead();
            new EkycPage.AccountPage(browser).send(EkycJourney.BANK, EkycJourney.ACCOUNT);
            EkycPage.CodePage code = new EkycPage.CodePage(browser);
            code.enter("0000");
            code = new EkycPage.CodePage(browser);
            assertThat(code.fieldError("code")).contains("not right");
            realm.awaitBruteForce(user, state -> state.path("numFailures").asInt() == 1);
            code.enter("0001");
            code = new EkycPage.CodePage(browser);
            code.enter("0002");
            realm.awaitBruteForce(user, state -> state.path("disabled").asBoolean());
            // the gateway spent the transfer at its third wrong code; a locked user cannot start another one
            EkycPage.AccountPage account = new EkycPage.AccountPage(browser);
            assertThat(account.alert()).contains("can no longer be used");
            account.send(EkycJourney.BANK, EkycJourney.ACCOUNT);
            assertThat(new EkycPage.AccountPage(browser).alert()).contains("Too many wrong codes");
        }
        assertThat(EkycJourney.errors(realm, user, "ciamkit_ekyc_code_invalid")).hasSize(3);
        assertThat(EkycJourney.verifications(realm, user))
                .as("a locked user is not verified")
                .isEmpty();
    }

    @Test
    void a_vendor_timeout_gives_a_clear_message_and_a_retry_and_stores_nothing() throws Exception {
        TestUser user = realm.createUser("ekyc-timeout");
        try (Browser browser = Browser.open(EN)) {
            OtpJourney journey = EkycJourney.startVerification(browser, realm, user);
            EkycPage.ConfirmPage confirm = EkycJourney.sendHongsId(browser, new EkycPage.IdPage(browser));
            EkycGateway.sandbox()
                    .configure(SandboxConfig.defaults().with(SandboxOperation.VERIFY, Behaviour.slow(6000)));
            confirm.useAccountInstead();
            confirm = new EkycPage.ConfirmPage(browser);
            assertThat(confirm.alert()).contains("ID check is not available");
            assertThat(EkycJourney.verifications(realm, user)).isEmpty();

            EkycGateway.sandbox().reset();
            confirm.useAccountInstead();
            new EkycPage.AccountPage(browser).send(EkycJourney.BANK, EkycJourney.ACCOUNT);
            new EkycPage.CodePage(browser).enter(EkycJourney.memoCode());
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        assertThat(EkycJourney.errors(realm, user, "ciamkit_ekyc_vendor_unavailable"))
                .hasSize(1);
        assertThat(EkycJourney.verifications(realm, user)).hasSize(1);
    }

    @Test
    void an_upload_too_large_or_not_an_image_gets_a_clear_message() throws Exception {
        TestUser user = realm.createUser("ekyc-upload");
        Path large = Files.createTempFile("ciamkit-ekyc-large", ".jpg");
        byte[] noise = new byte[4096 * 1024 + 1];
        new Random(7).nextBytes(noise);
        Files.write(large, noise);
        try (Browser browser = Browser.open(EN)) {
            EkycJourney.startVerification(browser, realm, user);
            EkycPage.IdPage id = new EkycPage.IdPage(browser);
            id.send(EkycGateway.image(TestImages.NOT_AN_IMAGE));
            id = new EkycPage.IdPage(browser);
            assertThat(id.fieldError("idImage")).contains("not a JPEG or PNG");
            id.send(large);
            id = new EkycPage.IdPage(browser);
            assertThat(id.fieldError("idImage")).contains("larger than 4096 KB");
            id.send(EkycGateway.image(TestImages.ID_HONG_BLURRY));
            assertThat(new EkycPage.IdPage(browser).fieldError("idImage")).contains("blurry");
        } finally {
            Files.deleteIfExists(large);
        }
        assertThat(EkycJourney.errors(realm, user, "ciamkit_ekyc_image_rejected"))
                .hasSize(3);
    }

    @Test
    void a_user_starts_only_the_policys_number_of_verifications_a_day() throws Exception {
        TestUser user = realm.createUser("ekyc-attempts");
        try (Browser browser = Browser.open(EN)) {
            EkycJourney.startVerification(browser, realm, user);
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                EkycJourney.sendHongsId(browser, new EkycPage.IdPage(browser)).startAgain();
            }
            int readings = EkycGateway.sandbox().requests(SandboxOperation.OCR);
            new EkycPage.IdPage(browser).send(EkycGateway.image(TestImages.ID_HONG));
            assertThat(new EkycPage.EndedPage(browser).alert()).contains("today’s number of verification attempts");
            assertThat(EkycGateway.sandbox().requests(SandboxOperation.OCR))
                    .as("no vendor call past the limit")
                    .isEqualTo(readings);
        }
        assertThat(EkycJourney.errors(realm, user, "ciamkit_ekyc_attempts_exceeded"))
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ko", "ja", "en"})
    void the_pages_speak_the_language_and_pass_the_accessibility_check(String locale) throws Exception {
        TestUser user = realm.createUser("ekyc-pages-" + locale);
        try (Browser browser = Browser.open(ThemePagesIT.ACCEPT_LANGUAGE.get(locale))) {
            EkycJourney.startVerification(browser, realm, user);
            EkycPage.IdPage id = new EkycPage.IdPage(browser);
            ThemePagesIT.review(browser, "ekyc-id", locale);
            ThemePagesIT.onAPhone(browser, "ekyc-id", locale);
            EkycJourney.sendHongsId(browser, id);
            ThemePagesIT.review(browser, "ekyc-confirm", locale);
            ThemePagesIT.onAPhone(browser, "ekyc-confirm", locale);
            new EkycPage.ConfirmPage(browser).useAccountInstead();
            new EkycPage.AccountPage(browser);
            ThemePagesIT.review(browser, "ekyc-account", locale);
            ThemePagesIT.onAPhone(browser, "ekyc-account", locale);
            new EkycPage.AccountPage(browser).send(EkycJourney.BANK, EkycJourney.ACCOUNT);
            new EkycPage.CodePage(browser);
            ThemePagesIT.review(browser, "ekyc-code", locale);
            ThemePagesIT.onAPhone(browser, "ekyc-code", locale);
        }
    }
}
