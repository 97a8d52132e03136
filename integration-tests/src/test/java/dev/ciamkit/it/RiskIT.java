package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.HttpLogin;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Mails;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.ServerMetrics;
import dev.ciamkit.it.support.TestGeoIp;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * The shipped "ciamkit browser" flow with the risk evaluator, on the assembled server (started behind a trusted proxy
 * on 127.0.0.1): what each level costs the user, read from the pages and from the events the server wrote.
 */
@ExtendWith(KeycloakServerExtension.class)
class RiskIT {

    private static final String TRUSTED_PROXY = "http://127.0.0.1:8080";
    private static final String OTHER_PEER = "http://[::1]:8080";
    private static final String CHROME =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String DENIED = "203.0.113.7";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Keycloak admin;
    private static TestRealm realm;
    private static GreenMail smtp;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm = TestRealm.create(admin, "risk", json -> {
            riskSettings(json);
            ObjectNode mail = json.putObject("smtpServer");
            mail.put("host", "127.0.0.1");
            mail.put("port", String.valueOf(smtp.getSmtp().getPort()));
            mail.put("from", "no-reply@ciamkit.dev");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            realm.close();
            smtp.stop();
        } finally {
            admin.close();
        }
    }

    /** The office network (this machine's loopback) is trusted; a documentation range is denied; codes 3 steps ahead. */
    static void riskSettings(ObjectNode json) {
        // the forwarded addresses are public ones, and this server speaks plain HTTP
        json.put("sslRequired", "none");
        json.withArray("authenticatorConfig").forEach(config -> {
            String alias = config.get("alias").asText();
            ObjectNode values = (ObjectNode) config.get("config");
            if (alias.equals("ciamkit risk")) {
                values.put("network.allow", "127.0.0.1##::1");
                values.put("network.deny", "203.0.113.0/24");
            } else if (alias.equals("ciamkit mobile otp")) {
                values.put("otp-window", "3");
            }
        });
    }

    private static HttpLogin browser(String base, String forwardedFor) {
        return new HttpLogin(
                base,
                forwardedFor == null
                        ? Map.of("User-Agent", CHROME)
                        : Map.of("User-Agent", CHROME, "X-Forwarded-For", forwardedFor));
    }

    /** A user with a registered device (enrolled in Chromium, which is a device of its own). */
    private static AuthenticatorApp enrolled(TestUser user) throws Exception {
        return OtpJourney.enrolled(realm.name(), user.username()).lookingAhead(3);
    }

    /** A laptop on the office network that signed in once with the OTP: a known device, with no session left. */
    private static HttpLogin knownLaptop(TestUser user, AuthenticatorApp phone) throws Exception {
        HttpLogin laptop = browser(TRUSTED_PROXY, null);
        laptop.signIn(realm.name(), user.username(), Map.of());
        assertThat(laptop.submitOtp(phone.nextCode()).statusCode()).isEqualTo(302);
        laptop.forgetSession();
        return laptop;
    }

    private static EventRepresentation latest(TestUser user, String type) {
        return realm.events(user, type).stream()
                .max(Comparator.comparingLong(EventRepresentation::getTime))
                .orElseThrow(() -> new AssertionError("no " + type + " event for " + user.username()));
    }

    private static boolean otpForm(HttpLogin login, HttpResponse<String> answer) {
        return answer.statusCode() == 200 && login.page().getElementById("ciamkit-otp-form") != null;
    }

    @Test
    void a_new_device_gets_the_otp_and_a_known_device_on_a_trusted_network_does_not() throws Exception {
        TestUser user = realm.createUser("device");
        AuthenticatorApp phone = enrolled(user);
        HttpLogin laptop = browser(TRUSTED_PROXY, null);
        ServerMetrics before = ServerMetrics.read();

        HttpResponse<String> first = laptop.signIn(realm.name(), user.username(), Map.of());
        assertThat(otpForm(laptop, first))
                .as("a device never seen asks for the OTP")
                .isTrue();
        assertThat(laptop.submitOtp(phone.nextCode()).statusCode()).isEqualTo(302);
        EventRepresentation firstLogin = latest(user, "LOGIN");
        // Chromium's headless agent enrolled the phone, so this Chrome is a new device of a new browser family too
        assertThat(firstLogin.getDetails())
                .containsEntry("ciamkit_risk_level", "HIGH")
                .containsEntry("ciamkit_risk_reasons", "device:new_browser_family");

        laptop.forgetSession();
        HttpResponse<String> second = laptop.signIn(realm.name(), user.username(), Map.of());
        assertThat(second.statusCode())
                .as("the known device on the trusted network is LOW: signed in after the password")
                .isEqualTo(302);
        assertThat(second.headers().firstValue("Location").orElseThrow()).contains("code=");
        assertThat(latest(user, "LOGIN").getDetails()).containsEntry("ciamkit_risk_level", "LOW");

        ServerMetrics after = ServerMetrics.read();
        for (String level : List.of("high", "low")) {
            assertThat(after.increase(
                            before,
                            "ciamkit_risk_levels_total",
                            Map.of("phase", "login", "level", level, "realm", realm.name())))
                    .as(level)
                    .isEqualTo(1);
        }
        assertThat(after.increase(before, "ciamkit_risk_evaluation_seconds_count", Map.of("phase", "login")))
                .isGreaterThanOrEqualTo(2);
        assertThat(after.increase(before, "ciamkit_risk_signals_total", Map.of("signal", "device", "state", "fired")))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_client_asking_for_level_2_gets_the_otp_on_a_known_device_too_and_only_once() throws Exception {
        TestUser user = realm.createUser("loa");
        AuthenticatorApp phone = enrolled(user);
        HttpLogin laptop = knownLaptop(user, phone);

        HttpResponse<String> stepUp = laptop.signIn(realm.name(), user.username(), Map.of("acr_values", "otp"));

        assertThat(otpForm(laptop, stepUp))
                .as("LoA 2 asked: the OTP whatever the risk")
                .isTrue();
        HttpResponse<String> done = laptop.submitOtp(phone.nextCode());
        assertThat(done.statusCode())
                .as("one OTP, then the app: the risk branch does not ask again")
                .isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).contains("code=");
        assertThat(latest(user, "LOGIN").getDetails()).containsEntry("ciamkit_risk_level", "LOW");
    }

    @Test
    void a_denied_address_behind_the_trusted_proxy_is_refused_and_the_same_header_from_another_peer_is_ignored()
            throws Exception {
        TestUser user = realm.createUser("deny");
        enrolled(user);

        HttpLogin proxied = browser(TRUSTED_PROXY, DENIED);
        HttpResponse<String> refused = proxied.signIn(realm.name(), user.username(), Map.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(proxied.page().getElementById("ciamkit-risk-deny")).isNotNull();
        String reference =
                proxied.page().getElementById("ciamkit-support-reference").text();
        assertThat(reference).matches("[0-9A-F]{10}");
        assertThat(proxied.page().text()).doesNotContain("deny_listed", "network", DENIED);
        EventRepresentation denied = latest(user, "LOGIN_ERROR");
        assertThat(denied.getError()).isEqualTo("ciamkit_risk_denied");
        assertThat(denied.getIpAddress())
                .as("Keycloak's own resolution of the client address")
                .isEqualTo(DENIED);
        assertThat(denied.getDetails())
                .containsEntry("ciamkit_support_reference", reference)
                .containsEntry("ciamkit_risk_level", "VERY_HIGH");

        HttpLogin direct = browser(OTHER_PEER, DENIED);
        HttpResponse<String> otp = direct.signIn(realm.name(), user.username(), Map.of());
        assertThat(otpForm(direct, otp))
                .as("X-Forwarded-For from a peer that is not the trusted proxy is ignored")
                .isTrue();
    }

    @Test
    void recent_failures_of_the_user_raise_the_level_on_a_known_device() throws Exception {
        TestUser user = realm.createUser("velocity");
        AuthenticatorApp phone = enrolled(user);
        HttpLogin laptop = knownLaptop(user, phone);

        HttpLogin guesser = browser(TRUSTED_PROXY, null);
        for (int i = 0; i < 3; i++) {
            guesser.signInWithPassword(realm.name(), user.username(), "wrong-" + i);
        }
        HttpResponse<String> answer = laptop.signIn(realm.name(), user.username(), Map.of());

        assertThat(otpForm(laptop, answer))
                .as("not LOW any more: the OTP is asked")
                .isTrue();
        laptop.submitOtp(phone.nextCode());
        assertThat(latest(user, "LOGIN").getDetails())
                .hasEntrySatisfying(
                        "ciamkit_risk_reasons", reasons -> assertThat(reasons).contains("velocity:user_failures"));
    }

    @Test
    void a_refresh_after_the_risk_turns_very_high_fails_and_the_session_is_gone() throws Exception {
        TestUser user = realm.createUser("refresh");
        AuthenticatorApp phone = enrolled(user);
        HttpLogin laptop = browser(TRUSTED_PROXY, null);
        laptop.signIn(realm.name(), user.username(), Map.of());
        Oidc.TokenResponse tokens = laptop.tokens(realm.name(), laptop.submitOtp(phone.nextCode()));
        assertThat(tokens.status()).isEqualTo(200);

        HttpResponse<String> calm =
                laptop.refresh(realm.name(), tokens.body().get("refresh_token").asText());
        assertThat(calm.statusCode())
                .as("same network, same level: the refresh goes through")
                .isEqualTo(200);
        String refreshToken = JSON.readTree(calm.body()).get("refresh_token").asText();

        HttpResponse<String> hostile = browser(TRUSTED_PROXY, DENIED).refresh(realm.name(), refreshToken);

        assertThat(hostile.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(hostile.body()).get("error").asText()).isEqualTo("invalid_grant");
        String sessionId = tokens.body().get("session_state").asText();
        assertThat(realm.resource().users().get(user.id()).getUserSessions())
                .as("the session is revoked, not only this refresh refused (the enrolment's session in Chromium stays)")
                .extracting(org.keycloak.representations.idm.UserSessionRepresentation::getId)
                .isNotEmpty()
                .doesNotContain(sessionId);
        assertThat(laptop.refresh(realm.name(), refreshToken).statusCode())
                .as("and the token no longer works from the calm network either")
                .isEqualTo(400);
        EventRepresentation revoked = latest(user, "LOGOUT");
        assertThat(revoked.getDetails())
                .containsEntry("reason", "ciamkit_risk_session_revoked")
                .containsEntry("ciamkit_risk_level", "VERY_HIGH")
                .containsEntry("ciamkit_risk_login_level", "HIGH");
    }

    @Test
    void an_offline_token_is_rechecked_too_and_an_access_token_posted_as_refresh_token_revokes_nothing()
            throws Exception {
        TestUser user = realm.createUser("offline");
        AuthenticatorApp phone = enrolled(user);
        HttpLogin laptop = browser(TRUSTED_PROXY, null);
        laptop.signIn(realm.name(), user.username(), Map.of("scope", "openid offline_access"));
        Oidc.TokenResponse tokens = laptop.tokens(realm.name(), laptop.submitOtp(phone.nextCode()));
        String sessionId = tokens.body().get("session_state").asText();
        assertThat(Oidc.claims(tokens.body().get("refresh_token").asText())
                        .get("typ")
                        .asText())
                .isEqualTo("Offline");

        HttpResponse<String> misuse = browser(TRUSTED_PROXY, DENIED)
                .refresh(realm.name(), tokens.body().get("access_token").asText());
        assertThat(misuse.statusCode())
                .as("Keycloak refuses an access token as refresh token")
                .isEqualTo(400);
        HttpResponse<String> calm =
                laptop.refresh(realm.name(), tokens.body().get("refresh_token").asText());
        assertThat(calm.statusCode())
                .as("and our re-check revoked nothing for it: the offline token still refreshes")
                .isEqualTo(200);

        String offline = JSON.readTree(calm.body()).get("refresh_token").asText();
        assertThat(browser(TRUSTED_PROXY, DENIED).refresh(realm.name(), offline).statusCode())
                .isEqualTo(400);
        assertThat(laptop.refresh(realm.name(), offline).statusCode())
                .as("the offline session ended: no later refresh goes through")
                .isEqualTo(400);
        assertThat(latest(user, "LOGOUT").getDetails()).containsEntry("ciamkit_offline", "true");
    }

    @Test
    void an_application_initiated_factor_change_asks_for_the_otp_even_on_a_low_login() throws Exception {
        TestUser user = realm.createUser("kc-action");
        AuthenticatorApp phone = enrolled(user);
        HttpLogin laptop = knownLaptop(user, phone);
        assertThat(laptop.signIn(realm.name(), user.username(), Map.of()).statusCode())
                .as("LOW: the known device on the trusted network")
                .isEqualTo(302);
        laptop.forgetSession();

        HttpResponse<String> action =
                laptop.signIn(realm.name(), user.username(), Map.of("kc_action", "ciamkit-mobile-otp-register"));

        assertThat(otpForm(laptop, action))
                .as("registering another device changes the user's factors: never on the password alone")
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // the shipped sample location CSV (documentation ranges): 192.0.2.0/24 is Seoul, 198.51.100.0/24 Tokyo
        "sample CSV: Seoul then Tokyo, 192.0.2.10, 198.51.100.10, Seoul, Tokyo",
        // the GeoIP2 database the IT server reads beside the CSV (TestGeoIp): London, then Sydney
        "GeoIP2 database: London then Sydney, " + TestGeoIp.LONDON + ", " + TestGeoIp.SYDNEY + ", London, Sydney"
    })
    void a_login_far_away_a_minute_after_the_last_is_impossible_travel_and_refused(
            String source, String from, String to, String fromCity, String toCity) throws Exception {
        TestUser user = realm.createUser("travel");
        AuthenticatorApp phone = enrolled(user);
        HttpLogin first = browser(TRUSTED_PROXY, from);
        first.signIn(realm.name(), user.username(), Map.of());
        assertThat(first.submitOtp(phone.nextCode()).statusCode()).isEqualTo(302);

        HttpLogin second = browser(TRUSTED_PROXY, to);
        HttpResponse<String> refused = second.signIn(realm.name(), user.username(), Map.of());

        assertThat(second.page().getElementById("ciamkit-risk-deny")).isNotNull();
        EventRepresentation denied = latest(user, "LOGIN_ERROR");
        assertThat(denied.getDetails())
                .containsEntry("ciamkit_risk_level", "VERY_HIGH")
                .hasEntrySatisfying(
                        "ciamkit_risk_reasons",
                        reasons -> assertThat(reasons)
                                .contains("location:impossible_travel")
                                .doesNotContain(fromCity, toCity, from, to));
        assertThat(refused.statusCode()).isEqualTo(200);
    }

    @Test
    void a_sign_in_from_a_new_device_is_mailed_to_the_user_in_their_language() throws Exception {
        TestUser user = realm.createUser("notice", Map.of("locale", List.of("ko")));
        AuthenticatorApp phone = enrolled(user); // the very first login: no notice for it
        HttpLogin seoul = browser(TRUSTED_PROXY, "192.0.2.10");
        seoul.signIn(realm.name(), user.username(), Map.of());
        assertThat(seoul.submitOtp(phone.nextCode()).statusCode()).isEqualTo(302);

        MimeMessage mail = Mails.awaitMail(smtp, user.username() + "@it.ciamkit.dev", "새로운 로그인 알림");

        String html = Mails.part(mail, "text/html");
        assertThat(html)
                .contains("Seoul", "Chrome 131", "/realms/" + realm.name() + "/account")
                .doesNotContain("192.0.2.10");
        assertThat(Mails.part(mail, "text/plain")).contains("Seoul").doesNotContain("<p>");
    }

    @Test
    void a_factor_action_set_by_an_admin_asks_for_the_otp_even_on_a_known_device() throws Exception {
        TestUser user = realm.createUser("admin-action");
        AuthenticatorApp phone = enrolled(user);
        HttpLogin laptop = knownLaptop(user, phone);
        realm.requireActions(user, "ciamkit-phone-register");

        HttpResponse<String> answer = laptop.signIn(realm.name(), user.username(), Map.of());

        assertThat(otpForm(laptop, answer))
                .as("binding a phone (the SMS fallback's number) needs a current factor, never the password alone")
                .isTrue();
    }

    @Test
    void hostile_headers_never_break_the_login() throws Exception {
        TestUser user = realm.createUser("hostile");
        enrolled(user);
        List<Map<String, String>> hostile = List.of(
                Map.of("User-Agent", "x".repeat(8_000)),
                Map.of("User-Agent", "<script>alert(1)</script>", "X-Forwarded-For", "not-an-address, 10.0.0.1"),
                Map.of("X-Forwarded-For", "1.2.3.4, 5.6.7.8, 9.10.11.12"),
                Map.of("X-Forwarded-For", "::ffff:203.0.113.300"),
                Map.of("User-Agent", ""));
        List<String> cookies = List.of("A".repeat(3000) + ".h1.x.y", "...", "%%%", "");
        for (int i = 0; i < hostile.size(); i++) {
            Map<String, String> headers = hostile.get(i);
            HttpLogin login =
                    new HttpLogin(TRUSTED_PROXY, headers).withCookie("CIAMKIT_DEVICE", cookies.get(i % cookies.size()));
            HttpResponse<String> answer = login.signIn(realm.name(), user.username(), Map.of());
            assertThat(answer.statusCode()).as("headers %s", headers.keySet()).isLessThan(500);
            assertThat(otpForm(login, answer))
                    .as("assessed and stepped up, headers %s", headers.keySet())
                    .isTrue();
        }
    }

    @Test
    void the_admin_report_explains_each_assessment_and_every_read_is_an_admin_event() throws Exception {
        TestUser user = realm.createUser("report");
        AuthenticatorApp phone = enrolled(user);
        HttpLogin laptop = browser(TRUSTED_PROXY, null);
        laptop.signIn(realm.name(), user.username(), Map.of());
        assertThat(laptop.submitOtp(phone.nextCode()).statusCode()).isEqualTo(302);

        JsonNode page = json(AdminApi.get(admin, realm.name(), "/ciamkit-risk/assessments?user=" + user.username()));
        assertThat(page.get("total").asLong())
                .as("the enrolment's login and this one")
                .isEqualTo(2);
        JsonNode newest = page.get("assessments").get(0);
        assertThat(newest.get("username").asText()).isEqualTo(user.username());
        assertThat(newest.get("userId").asText()).isEqualTo(user.id());
        assertThat(newest.get("phase").asText()).isEqualTo("LOGIN");
        assertThat(newest.get("level").asText()).isEqualTo("HIGH");
        assertThat(newest.get("reasons").toString()).contains("device:new_browser_family");
        assertThat(newest.get("at").asText()).endsWith("Z");
        assertThat(newest.toString()).as("no address in the report").doesNotContain("127.0.0.1");

        JsonNode summary = json(AdminApi.get(admin, realm.name(), "/ciamkit-risk/summary?days=1"));
        assertThat(summary.get("byLevel").get("HIGH").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.get("assessments").asLong()).isGreaterThanOrEqualTo(2);

        HttpResponse<String> csv =
                AdminApi.get(admin, realm.name(), "/ciamkit-risk/assessments.csv?level=high&user=" + user.id());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("assessed_at,username,user_id,phase,level,score,reasons,client_id,id");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("," + user.username() + "," + user.id() + ",LOGIN,HIGH,");

        assertThat(realm.resource().getAdminEvents())
                .as("who read whose risk is itself recorded")
                .filteredOn(event -> "CIAMKIT_RISK_REPORT".equals(event.getResourceType()))
                .extracting(event -> event.getOperationType() + " " + event.getResourcePath())
                .anyMatch(read -> read.startsWith("ACTION ") && read.endsWith("ciamkit-risk/assessments"))
                .anyMatch(read -> read.startsWith("ACTION ") && read.endsWith("ciamkit-risk/summary"))
                .anyMatch(read -> read.startsWith("ACTION ") && read.endsWith("ciamkit-risk/assessments.csv"));

        long before = json(AdminApi.get(admin, realm.name(), "/ciamkit-risk/summary?days=1"))
                .get("assessments")
                .asLong();
        realm.resource().users().get(user.id()).remove();
        assertThat(json(AdminApi.get(admin, realm.name(), "/ciamkit-risk/summary?days=1"))
                        .get("assessments")
                        .asLong())
                .as("a removed user's assessments go with them")
                .isEqualTo(before - 2);
    }

    @Test
    void the_admin_report_needs_view_users_and_refuses_bad_filters() throws Exception {
        String serviceAccount = realm.tokenWithoutAdminRoles();
        assertThat(serviceAccount).as("a token of a client without view-users").isNotEmpty();
        for (String path :
                List.of("/ciamkit-risk/summary", "/ciamkit-risk/assessments", "/ciamkit-risk/assessments.csv")) {
            assertThat(AdminApi.get(realm.name(), path, serviceAccount).statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(AdminApi.get(admin, realm.name(), "/ciamkit-risk/assessments?level=EXTREME")
                        .statusCode())
                .isEqualTo(400);
        assertThat(AdminApi.get(admin, realm.name(), "/ciamkit-risk/assessments?days=0")
                        .statusCode())
                .isEqualTo(400);
        assertThat(AdminApi.get(admin, realm.name(), "/ciamkit-risk/assessments?user=nobody-here")
                        .statusCode())
                .isEqualTo(404);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
