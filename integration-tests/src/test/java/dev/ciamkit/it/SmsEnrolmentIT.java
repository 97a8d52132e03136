package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ciamkit.it.pages.OtpEnrolmentPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.SmsGateway;
import dev.ciamkit.it.support.TestUsers;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/**
 * Enrolment by a one-time link sent through the http SMS sender to a real HTTP server that stands in for the gateway.
 */
@ExtendWith(KeycloakServerExtension.class)
class SmsEnrolmentIT {

    private static final String ACTION_CONFIG = "/authentication/required-actions/ciamkit-mobile-otp-register/config";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Keycloak admin;
    private static SmsGateway gateway;
    private static String originalConfig;

    @BeforeAll
    static void configureTheGateway() throws Exception {
        admin = Admin.client();
        gateway = SmsGateway.start();
        originalConfig = AdminApi.get(admin, ACTION_CONFIG).body();
        ObjectNode config = (ObjectNode) JSON.readTree(originalConfig);
        ((ObjectNode) config.get("config"))
                .put("sms-sender", "http")
                .put("sms-http-url", gateway.url())
                .put("sms-http-username", "it-gateway")
                .put("sms-http-password", "it-gateway-secret")
                .put("sms-http-from", "CIAMKIT");
        assertThat(AdminApi.put(admin, ACTION_CONFIG, config.toString()).statusCode())
                .isEqualTo(204);
    }

    @AfterAll
    static void restore() throws Exception {
        AdminApi.put(admin, ACTION_CONFIG, originalConfig);
        gateway.close();
        admin.close();
    }

    @Test
    void a_one_time_link_by_sms_opens_the_enrolment_on_the_phone_and_works_once() throws Exception {
        TestUser user = TestUsers.create(admin, "sms", Map.of("phoneNumber", List.of("+821012345678")));
        try (Browser browser = Browser.open("ko-KR,ko;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser).start().password(user.username());
            OtpEnrolmentPage page = new OtpEnrolmentPage(browser);
            assertThat(page.offersSmsLink()).isTrue();
            page.sendSmsLink();
            assertThat(page.alert()).contains("5분");
            browser.screenshot("otp-enrolment-sms-sent-ko");

            SmsGateway.Received sms = gateway.next();
            assertThat(sms.body().get("to").asText()).isEqualTo("+821012345678");
            assertThat(sms.body().get("from").asText()).isEqualTo("CIAMKIT");
            assertThat(sms.authorization())
                    .isEqualTo("Basic "
                            + Base64.getEncoder()
                                    .encodeToString("it-gateway:it-gateway-secret".getBytes(StandardCharsets.UTF_8)));
            String link = link(sms.body());

            HttpResponse<String> confirm =
                    HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(), body());
            assertThat(confirm.statusCode()).isEqualTo(200);
            assertThat(confirm.body()).contains("ciamkit-link-confirm");
            HttpResponse<String> opened = post(link);
            assertThat(opened.statusCode()).isEqualTo(200);
            AuthenticatorApp phone = AuthenticatorApp.fromUri(otpauth(opened.body()));
            assertThat(sms.body().get("text").asText())
                    .doesNotContain(phone.parameters().get("secret"));
            HttpResponse<String> again = post(link);
            assertThat(again.statusCode()).isEqualTo(410);
            assertThat(again.body()).contains("ciamkit-link-expired");

            page.register(phone.nextCode(), "SMS phone");
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        assertThat(TestUsers.devices(admin, user))
                .singleElement()
                .satisfies(d -> assertThat(d.getUserLabel()).isEqualTo("SMS phone"));
    }

    @Test
    void an_unknown_link_gets_a_friendly_page_not_an_error() throws Exception {
        String link = "http://localhost:8080/realms/ciamkit-demo/ciamkit-otp/enrol/"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        HttpResponse<String> response = post(link);

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("ciamkit-link-expired");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(link + "x")).build(), body())
                        .statusCode())
                .isEqualTo(410);
    }

    private static String link(JsonNode sms) {
        Matcher matcher =
                Pattern.compile("https?://\\S+").matcher(sms.get("text").asText());
        assertThat(matcher.find()).as("a link in the SMS").isTrue();
        assertThat(matcher.group()).contains("/realms/ciamkit-demo/ciamkit-otp/enrol/");
        return matcher.group();
    }

    private static String otpauth(String html) {
        Matcher matcher = Pattern.compile("href=\"(otpauth://[^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("an otpauth link on the page").isTrue();
        return matcher.group(1).replace("&amp;", "&");
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
