package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.ciamkit.it.pages.ErrorPage;
import dev.ciamkit.it.pages.OtpEnrolmentPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Mails;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.openqa.selenium.By;

/** The new-device notice in the branded email layout, delivered to a real SMTP server (GreenMail). */
@ExtendWith(KeycloakServerExtension.class)
class NewDeviceEmailIT {

    private static Keycloak admin;
    private static GreenMail smtp;
    private static TestRealm realm;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm = TestRealm.create(admin, "mail", json -> {
            ObjectNode config = json.putObject("smtpServer");
            config.put("host", "127.0.0.1");
            config.put("port", String.valueOf(smtp.getSmtp().getPort()));
            config.put("from", "no-reply@ciamkit.dev");
            config.put("fromDisplayName", "CIAM Kit Demo");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        realm.close();
        smtp.stop();
        admin.close();
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void registering_a_device_sends_a_branded_notice_in_the_users_language() throws Exception {
        TestUser user = realm.createUser("mail");
        try (Browser browser = Browser.open("ko-KR,ko;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, realm.name()).start().password(user.username());
            journey.enrol("갤럭시 S25");
            journey.finish();
        }

        assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("a mail arrived").isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(user.username() + "@it.ciamkit.dev");
        assertThat(mail.getSubject()).isEqualTo("로그인용 새 기기가 등록되었습니다");
        String html = part(mail, "text/html");
        String text = part(mail, "text/plain");
        assertThat(html)
                .contains("ciamkit-email-header", "CIAM Kit Demo", "갤럭시 S25", "고객센터")
                .contains("당사는 이메일이나 전화로 비밀번호나 OTP 인증번호를 절대 묻지 않습니다");
        assertThat(text).contains("갤럭시 S25").doesNotContain("<p>");

        Path preview = Path.of(System.getProperty("ciamkit.output.dir"), "screenshots", "email-new-device-ko.html");
        Files.createDirectories(preview.getParent());
        Files.writeString(preview, html, StandardCharsets.UTF_8);
        try (Browser browser = Browser.open("ko-KR,ko;q=0.9")) {
            browser.driver().get(preview.toUri().toString());
            browser.screenshot("email-new-device-ko");
        }
    }

    @Test
    void a_label_holding_markup_reaches_the_mail_as_text() throws Exception {
        String label = "<a href=\"https://evil.example\">x</a> <b>y</b>";
        TestUser user = realm.createUser("markup");
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, realm.name()).start().password(user.username());
            journey.enrol(label);
            journey.finish();
        }
        assertThat(realm.devices(user)).extracting(d -> d.getUserLabel()).containsExactly(label);

        assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("a mail arrived").isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        String html = part(mail, "text/html");
        assertThat(html).doesNotContain("href=\"https://evil.example", "<b>y</b>");
        // The HTML as a mail reader renders it: the label is text, and no link leads to the planted address.
        Path preview = Path.of(System.getProperty("ciamkit.output.dir"), "screenshots", "email-new-device-markup.html");
        Files.createDirectories(preview.getParent());
        Files.writeString(preview, html, StandardCharsets.UTF_8);
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            browser.driver().get(preview.toUri().toString());
            assertThat(browser.driver().findElements(By.cssSelector("a[href*='evil.example']")))
                    .isEmpty();
            assertThat(browser.driver().findElement(By.tagName("body")).getText())
                    .contains(label);
        }
        assertThat(part(mail, "text/plain")).contains(label);
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        Object content = mail.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return part.getContent().toString();
                }
                if (part.getContent() instanceof Multipart) {
                    Multipart nested = (Multipart) part.getContent();
                    for (int j = 0; j < nested.getCount(); j++) {
                        if (nested.getBodyPart(j).isMimeType(type)) {
                            return nested.getBodyPart(j).getContent().toString();
                        }
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    @Test
    void an_execute_actions_email_never_registers_a_device_with_or_without_one() throws Exception {
        // An admin's "execute actions" link runs the enrolment without a login: only the mailbox would be proven.
        TestUser withDevice = realm.createUser("actions");
        OtpJourney.enrolled(realm.name(), withDevice.username());
        TestUser withoutDevice = realm.createUser("actions-new");
        for (TestUser user : List.of(withDevice, withoutDevice)) {
            realm.resource().users().get(user.id()).executeActionsEmail(List.of("ciamkit-mobile-otp-register"));
            String link = Mails.awaitActionTokenLink(smtp, user.username() + "@it.ciamkit.dev");
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                browser.driver().get(link);
                // Keycloak's page listing the actions, then its "proceed" link
                browser.clickAndLeave(browser.driver().findElement(By.cssSelector("a[href*='action-token']")));
                assertThat(new ErrorPage(browser).message()).contains("only be registered after you sign in");
                assertThat(OtpEnrolmentPage.isShown(browser)).isFalse();
            }
            assertThat(realm.events(user, "UPDATE_CREDENTIAL_ERROR"))
                    .extracting(EventRepresentation::getError)
                    .contains("ciamkit_otp_enrolment_needs_sign_in");
        }
        assertThat(realm.devices(withDevice)).hasSize(1);
        assertThat(realm.devices(withoutDevice)).isEmpty();
    }
}
