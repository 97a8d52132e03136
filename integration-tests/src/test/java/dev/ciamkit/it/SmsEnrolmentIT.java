package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ciamkit.it.pages.OtpEnrolmentPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.Phones;
import dev.ciamkit.it.support.SmsGateway;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import dev.ciamkit.sms.spi.SmsException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * Enrolment by a one-time link sent through the http SMS sender to a real HTTP server that stands in for the gateway.
 * Each test has a realm of its own whose required action is configured for it (sender, cooldown, caps).
 */
@ExtendWith(KeycloakServerExtension.class)
class SmsEnrolmentIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PHONE = "+821012345678";

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

    /** A test realm whose enrolment action texts links through the test gateway, with these limits. */
    private static TestRealm realm(String prefix, int cooldownSeconds, int maxPerUser) {
        return TestRealm.create(admin, prefix, json -> {
            for (JsonNode action : json.get("requiredActions")) {
                if ("ciamkit-phone-register".equals(action.get("alias").asText())) {
                    phoneThroughTheGateway((ObjectNode) action.get("config"));
                }
                if ("ciamkit-mobile-otp-register".equals(action.get("alias").asText())) {
                    ((ObjectNode) action.get("config"))
                            .put("sms-sender", "http")
                            .put("sms-http-url", gateway.url())
                            .put("sms-http-username", "it-gateway")
                            .put("sms-http-password", "it-gateway-secret")
                            .put("sms-http-from", "CIAMKIT")
                            .put("sms-resend-cooldown-seconds", String.valueOf(cooldownSeconds))
                            .put("sms-max-per-user", String.valueOf(maxPerUser));
                }
            }
        });
    }

    @Test
    void a_one_time_link_by_sms_opens_the_enrolment_on_the_phone_and_works_once() throws Exception {
        try (TestRealm realm = realm("sms", 60, 5)) {
            TestUser user = realm.createUserWithActions("sms", "ciamkit-phone-register");
            try (Browser browser = Browser.open("ko-KR,ko;q=0.9")) {
                OtpJourney journey =
                        new OtpJourney(browser, realm.name()).start().password(user.username());
                bindPhone(browser);
                OtpEnrolmentPage page = new OtpEnrolmentPage(browser);
                assertThat(page.offersSmsLink()).isTrue();
                page.sendSmsLink();
                assertThat(page.alert()).contains("5분");
                browser.screenshot("otp-enrolment-sms-sent-ko");

                SmsGateway.Received sms = gateway.next();
                assertThat(sms.body().get("to").asText()).isEqualTo(PHONE);
                assertThat(sms.body().get("from").asText()).isEqualTo("CIAMKIT");
                assertThat(sms.authorization())
                        .isEqualTo("Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                "it-gateway:it-gateway-secret".getBytes(StandardCharsets.UTF_8)));
                String link = link(realm, sms.body());

                HttpResponse<String> confirm = get(link);
                assertThat(confirm.statusCode()).isEqualTo(200);
                assertThat(confirm.body()).contains("ciamkit-link-confirm");
                HttpResponse<String> opened = post(link);
                assertThat(opened.statusCode()).isEqualTo(200);
                AuthenticatorApp phone = AuthenticatorApp.fromUri(otpauth(opened.body()));
                assertThat(sms.body().get("text").asText())
                        .doesNotContain(phone.parameters().get("secret"));
                assertDead(link);

                page.register(phone.nextCode(), "SMS phone");
                assertThat(journey.finish().status()).isEqualTo(200);
            }
            assertThat(realm.devices(user))
                    .singleElement()
                    .satisfies(d -> assertThat(d.getUserLabel()).isEqualTo("SMS phone"));
        }
    }

    @Test
    void a_resend_kills_the_previous_link_and_finishing_the_enrolment_kills_the_live_one() throws Exception {
        try (TestRealm realm = realm("sms-links", 0, 5)) {
            TestUser user = realm.createUserWithActions("links", "ciamkit-phone-register");
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                OtpJourney journey =
                        new OtpJourney(browser, realm.name()).start().password(user.username());
                bindPhone(browser);
                OtpEnrolmentPage page = new OtpEnrolmentPage(browser);
                page.sendSmsLink();
                String first = link(realm, gateway.next().body());
                assertThat(get(first).statusCode()).isEqualTo(200);

                page.sendSmsLink();
                String second = link(realm, gateway.next().body());

                assertDead(first);
                assertThat(get(second).statusCode()).isEqualTo(200);

                journey.enrol("QR phone");
                assertThat(journey.finish().status()).isEqualTo(200);
                assertDead(second);
            }
            assertThat(gateway.waiting()).isZero();
            assertThat(realm.devices(user)).hasSize(1);
        }
    }

    @Test
    void a_resend_within_the_cooldown_is_refused_and_nothing_is_sent() throws Exception {
        try (TestRealm realm = realm("sms-cooldown", 3600, 5)) {
            TestUser user = realm.createUserWithActions("cooldown", "ciamkit-phone-register");
            try (Browser browser = Browser.open("ko-KR,ko;q=0.9")) {
                new OtpJourney(browser, realm.name()).start().password(user.username());
                bindPhone(browser);
                OtpEnrolmentPage page = new OtpEnrolmentPage(browser);
                page.sendSmsLink();
                String live = link(realm, gateway.next().body());

                page.sendSmsLink();

                assertThat(page.alert()).contains("링크 요청이 너무 많습니다");
                assertThat(gateway.waiting()).isZero();
                assertThat(get(live).statusCode())
                        .as("a refused resend leaves the live link")
                        .isEqualTo(200);
            }
            assertThat(rateLimited(realm, user))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getDetails()).containsEntry("ciamkit_limit", "cooldown"));
        }
    }

    @Test
    void the_per_user_cap_holds_and_the_gateway_gets_exactly_the_allowed_messages() throws Exception {
        try (TestRealm realm = realm("sms-cap", 0, 2)) {
            TestUser user = realm.createUserWithActions("cap", "ciamkit-phone-register");
            try (Browser browser = Browser.open("ja-JP,ja;q=0.9")) {
                new OtpJourney(browser, realm.name()).start().password(user.username());
                bindPhone(browser);
                OtpEnrolmentPage page = new OtpEnrolmentPage(browser);
                page.sendSmsLink();
                page.sendSmsLink();
                page.sendSmsLink();

                assertThat(page.alert()).contains("リンクの要求が多すぎます");
                browser.screenshot("otp-enrolment-sms-rate-limited-ja");
            }
            gateway.next();
            gateway.next();
            assertThat(gateway.waiting()).as("the third link was never sent").isZero();
            assertThat(rateLimited(realm, user))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getDetails()).containsEntry("ciamkit_limit", "user"));
        }
    }

    @Test
    void a_gateway_that_refuses_gets_an_honest_page_and_event_and_a_retry_sends_the_link_once() throws Exception {
        try (TestRealm realm = realm("sms-down", 60, 5)) {
            TestUser user = realm.createUserWithActions("down", "ciamkit-phone-register");
            try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                new OtpJourney(browser, realm.name()).start().password(user.username());
                bindPhone(browser);
                gateway.refuseNext(3, 503);
                OtpEnrolmentPage page = new OtpEnrolmentPage(browser);
                page.sendSmsLink();

                assertThat(page.alert()).contains("could not be sent").doesNotContain("arrives shortly");
                browser.screenshot("otp-enrolment-sms-not-sent-en");
                assertThat(gateway.attempts())
                        .as("the first try and two retries of one message, one idempotency key")
                        .hasSize(3)
                        .containsOnly(gateway.attempts().get(0));
                assertThat(gateway.waiting()).isZero();

                page.sendSmsLink(); // within the 60 s cooldown: a message not sent took no slot

                assertThat(page.alert()).contains("arrives shortly");
                String link = link(realm, gateway.next().body());
                assertThat(get(link).statusCode()).isEqualTo(200);
                assertThat(gateway.waiting()).as("sent once").isZero();
                assertThat(gateway.attempts()).hasSize(4);
            }
            assertThat(realm.events(user, "CUSTOM_REQUIRED_ACTION_ERROR"))
                    .filteredOn(e -> SmsException.Reason.REJECTED.eventError().equals(e.getError()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getDetails())
                            .containsEntry("ciamkit_sms_status", "503")
                            .doesNotContainValue(PHONE));
        }
    }

    /**
     * The assembled server is built with the development outbox (as bin/run's is): a realm that chooses it gets the
     * text in data/ciamkit-sms-outbox.jsonl under the server's home, and the link in it works.
     */
    @Test
    void the_development_outbox_of_the_assembled_server_holds_the_text_and_its_link_works(KeycloakServer server)
            throws Exception {
        Path outbox = server.home().resolve("data/ciamkit-sms-outbox.jsonl");
        long before = Files.exists(outbox) ? Files.readAllLines(outbox).size() : 0;
        try (TestRealm realm = TestRealm.create(admin, "sms-outbox", json -> {
            for (JsonNode action : json.get("requiredActions")) {
                if ("ciamkit-mobile-otp-register".equals(action.get("alias").asText())) {
                    ((ObjectNode) action.get("config")).put("sms-sender", "dev-outbox");
                }
                if ("ciamkit-phone-register".equals(action.get("alias").asText())) {
                    phoneThroughTheGateway((ObjectNode) action.get("config"));
                }
            }
        })) {
            TestUser user = realm.createUserWithActions("outbox", "ciamkit-phone-register");
            try (Browser browser = Browser.open("ja-JP,ja;q=0.9")) {
                new OtpJourney(browser, realm.name()).start().password(user.username());
                bindPhone(browser);
                new OtpEnrolmentPage(browser).sendSmsLink();
            }
            List<String> lines = Files.readAllLines(outbox);
            assertThat(lines).hasSize((int) before + 1);
            JsonNode sms = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            assertThat(sms.get("to").asText()).isEqualTo(PHONE);
            assertThat(get(link(realm, sms)).statusCode()).isEqualTo(200);
            assertThat(gateway.waiting()).as("nothing went to the http gateway").isZero();
        }
    }

    @Test
    void an_unknown_link_gets_a_friendly_page_not_an_error() throws Exception {
        String link = "http://localhost:8080/realms/ciamkit-demo/ciamkit-otp/enrol/"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        HttpResponse<String> response = post(link);

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("ciamkit-link-expired");
        assertThat(get(link + "x").statusCode()).isEqualTo(410);
    }

    /** The phone registration texts its code through the test gateway, without a cooldown. */
    private static void phoneThroughTheGateway(ObjectNode config) {
        config.put("sms-sender", "http").put("sms-http-url", gateway.url()).put("sms-resend-cooldown-seconds", "0");
    }

    /** On the phone registration page after the password: binds {@link #PHONE}; the gateway is emptied after. */
    private static void bindPhone(Browser browser) throws InterruptedException {
        Phones.bind(browser, gateway, "010-1234-5678");
        gateway.clear();
    }

    private static List<EventRepresentation> rateLimited(TestRealm realm, TestUser user) {
        return realm.events(user, "CUSTOM_REQUIRED_ACTION_ERROR").stream()
                .filter(e -> "ciamkit_otp_sms_rate_limited".equals(e.getError()))
                .toList();
    }

    /** A dead link answers the friendly expired page with 410 on GET and POST, and reveals nothing. */
    private static void assertDead(String link) throws Exception {
        HttpResponse<String> confirm = get(link);
        assertThat(confirm.statusCode()).isEqualTo(410);
        assertThat(confirm.body()).contains("ciamkit-link-expired");
        HttpResponse<String> open = post(link);
        assertThat(open.statusCode()).isEqualTo(410);
        assertThat(open.body()).contains("ciamkit-link-expired").doesNotContain("otpauth://");
    }

    private static String link(TestRealm realm, JsonNode sms) {
        Matcher matcher =
                Pattern.compile("https?://\\S+").matcher(sms.get("text").asText());
        assertThat(matcher.find()).as("a link in the SMS").isTrue();
        assertThat(matcher.group()).contains("/realms/" + realm.name() + "/ciamkit-otp/enrol/");
        return matcher.group();
    }

    private static String otpauth(String html) {
        Matcher matcher = Pattern.compile("href=\"(otpauth://[^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("an otpauth link on the page").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static HttpResponse<String> get(String link) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(), body());
    }

    private static HttpResponse<String> post(String link) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(link))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                body());
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }
}
