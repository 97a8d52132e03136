package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.DemoApp;
import dev.ciamkit.it.support.HttpLogin;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * The transaction signal on the assembled server: an amount in the query string is only ever unverified, the same
 * amount pushed (PAR) by the confidential demo app is trusted and costs the OTP over the client's threshold, and hostile
 * amounts never break the login. The realm is the demo realm plus a confidential client of a bank's own server (PAR of a
 * public client proves nothing), with a 1,000,000 KRW threshold for it.
 */
@ExtendWith(KeycloakServerExtension.class)
class TransactionRiskIT {

    private static final String TRUSTED_PROXY = "http://127.0.0.1:8080";
    private static final String CHROME =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String BANK = "it-bank";
    private static final String SECRET = "it-transaction-secret";
    private static final String LARGE = "5000000";
    private static final String SMALL = "10000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final Map<String, AuthenticatorApp> phones = new java.util.concurrent.ConcurrentHashMap<>();

    private static Keycloak admin;
    private static TestRealm realm;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        realm = TestRealm.create(admin, "tx", json -> {
            RiskIT.riskSettings(json);
            json.withArray("authenticatorConfig").forEach(config -> {
                if (config.get("alias").asText().equals("ciamkit risk")) {
                    ((ObjectNode) config.get("config"))
                            .put("transaction.thresholds", BANK + "=1000000")
                            .put("transaction.default-threshold", "1000000");
                }
            });
            ObjectNode bank = json.withArray("clients").addObject();
            bank.put("clientId", BANK);
            bank.put("publicClient", false);
            bank.put("secret", SECRET);
            bank.put("standardFlowEnabled", true);
            bank.putArray("redirectUris").add(DemoApp.REDIRECT_URI);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            realm.close();
        } finally {
            admin.close();
        }
    }

    private static HttpLogin browser() {
        return new HttpLogin(TRUSTED_PROXY, Map.of("User-Agent", CHROME));
    }

    /** A user whose phone is enrolled and whose laptop is a known device after one login with the OTP. */
    private static HttpLogin knownLaptop(TestUser user) throws Exception {
        AuthenticatorApp phone =
                OtpJourney.enrolled(realm.name(), user.username()).lookingAhead(3);
        phones.put(user.username(), phone);
        HttpLogin laptop = browser();
        laptop.signIn(realm.name(), user.username(), Map.of());
        assertThat(laptop.submitOtp(phone.nextCode()).statusCode()).isEqualTo(302);
        laptop.forgetSession();
        return laptop;
    }

    /** Pushes an authorization request with the bank client's secret; returns its request_uri. */
    private static String push(Map<String, String> transaction) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", BANK);
        form.put("client_secret", SECRET);
        form.put("response_type", "code");
        form.put("scope", "openid");
        form.put("redirect_uri", DemoApp.REDIRECT_URI);
        form.putAll(transaction);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> pushed = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                TRUSTED_PROXY + "/realms/" + realm.name() + "/protocol/openid-connect/ext/par/request"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("User-Agent", CHROME)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        return JSON.readTree(pushed.body()).get("request_uri").asText();
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
    void a_large_amount_in_the_query_string_is_unverified_and_lowers_nothing() throws Exception {
        TestUser user = realm.createUser("query");
        HttpLogin laptop = knownLaptop(user);

        HttpResponse<String> answer = laptop.signIn(realm.name(), user.username(), Map.of("ciamkit_tx_amount", LARGE));
        assertThat(answer.statusCode()).isLessThan(500);
        EventRepresentation login = latest(user, "LOGIN");
        assertThat(login.getDetails().get("ciamkit_risk_reasons")).contains("transaction:transaction_unverified");

        // on a new device (HIGH without any transaction) a small unverified amount does not make the login cheaper
        TestUser stranger = realm.createUser("query-new");
        AuthenticatorApp phone =
                OtpJourney.enrolled(realm.name(), stranger.username()).lookingAhead(3);
        HttpLogin other = browser();
        HttpResponse<String> first = other.signIn(realm.name(), stranger.username(), Map.of("ciamkit_tx_amount", "1"));
        assertThat(otpForm(other, first))
                .as("an unverified small amount never skips the OTP")
                .isTrue();
        assertThat(other.submitOtp(phone.nextCode()).statusCode()).isEqualTo(302);
        assertThat(latest(stranger, "LOGIN").getDetails().get("ciamkit_risk_level"))
                .isIn("MEDIUM", "HIGH");
    }

    @Test
    void the_same_amount_pushed_by_the_confidential_client_costs_the_otp() throws Exception {
        TestUser user = realm.createUser("par-large");
        HttpLogin laptop = knownLaptop(user);

        HttpResponse<String> answer = laptop.signIn(
                realm.name(),
                user.username(),
                Map.of("client_id", BANK, "request_uri", push(Map.of("ciamkit_tx_amount", LARGE))));
        assertThat(otpForm(laptop, answer))
                .as("a verified amount over the client's threshold asks for the OTP on a known device")
                .isTrue();
        assertThat(laptop.submitOtp(phones.get(user.username()).nextCode()).statusCode())
                .isEqualTo(302);
        EventRepresentation login = latest(user, "LOGIN");
        assertThat(login.getDetails().get("ciamkit_risk_level")).isIn("MEDIUM", "HIGH");
        assertThat(login.getDetails().get("ciamkit_risk_reasons")).contains("transaction:transaction_over_threshold");
    }

    @Test
    void a_live_session_never_approves_a_pushed_transaction_by_its_cookie_alone() throws Exception {
        TestUser user = realm.createUser("par-sso");
        HttpLogin laptop = knownLaptop(user);
        HttpResponse<String> signedIn = laptop.signIn(realm.name(), user.username(), Map.of());
        assertThat(signedIn.statusCode())
                .as("a session on the known laptop, from the password alone")
                .isEqualTo(302);

        // the bank's server pushes a transfer, and the browser comes back with the session's cookie: a login of its own
        HttpResponse<String> answer = laptop.signIn(
                realm.name(),
                user.username(),
                Map.of("client_id", BANK, "request_uri", push(Map.of("ciamkit_tx_amount", LARGE))));
        assertThat(otpForm(laptop, answer))
                .as("password and risk again, then the OTP for the amount")
                .isTrue();
    }

    @Test
    void a_transaction_request_that_would_loosen_its_login_is_refused() throws Exception {
        TestUser user = realm.createUser("par-loose");
        HttpLogin laptop = knownLaptop(user);
        assertThat(laptop.signIn(realm.name(), user.username(), Map.of()).statusCode())
                .isEqualTo(302);

        // whoever holds the session cookie appends prompt=none and max_age to the bank's redirect
        for (Map<String, String> loosening : List.of(Map.of("prompt", "none"), Map.of("max_age", "86400"))) {
            Map<String, String> params = new java.util.HashMap<>(loosening);
            params.put("client_id", BANK);
            params.put("request_uri", push(Map.of("ciamkit_tx_amount", LARGE)));
            assertThatThrownBy(() -> laptop.signIn(realm.name(), user.username(), params))
                    .as("refused, never a code: %s", loosening)
                    .hasMessageContaining("error=invalid_request")
                    .hasMessageNotContaining("code=");
        }
    }

    @Test
    void a_pushed_amount_cannot_be_lowered_from_the_query_string() throws Exception {
        TestUser user = realm.createUser("par-lower");
        HttpLogin laptop = knownLaptop(user);
        String requestUri = push(Map.of("ciamkit_tx_amount", LARGE));

        HttpResponse<String> answer = laptop.signIn(
                realm.name(),
                user.username(),
                Map.of("client_id", BANK, "request_uri", requestUri, "ciamkit_tx_amount", "1"));
        assertThat(otpForm(laptop, answer)).isTrue();
    }

    @Test
    void a_small_pushed_amount_on_a_known_device_stays_low() throws Exception {
        TestUser user = realm.createUser("par-small");
        HttpLogin laptop = knownLaptop(user);

        HttpResponse<String> answer = laptop.signIn(
                realm.name(),
                user.username(),
                Map.of("client_id", BANK, "request_uri", push(Map.of("ciamkit_tx_amount", SMALL))));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("code=");
        EventRepresentation login = latest(user, "LOGIN");
        assertThat(login.getDetails()).containsEntry("ciamkit_risk_level", "LOW");
        assertThat(login.getDetails().getOrDefault("ciamkit_risk_reasons", "")).doesNotContain("transaction");
    }

    @Test
    void hostile_amounts_never_break_the_login() throws Exception {
        TestUser user = realm.createUser("hostile");
        String[] hostile = {
            "-1", "1e9", "NaN", "１２", "0x10", "1,000", "x".repeat(1_500), "' OR 1=1 --", "<script>alert(1)</script>"
        };
        for (String amount : hostile) {
            HttpLogin laptop = browser();
            HttpResponse<String> query = laptop.signIn(
                    realm.name(),
                    user.username(),
                    Map.of("ciamkit_tx_amount", amount, "ciamkit_tx_currency", "%%%", "ciamkit_tx_type", amount));
            assertThat(query.statusCode()).as("query amount %s", amount).isLessThan(500);
            assertThat(query.body()).doesNotContain("Exception").doesNotContain("\tat ");

            HttpResponse<String> pushed = browser()
                    .signIn(
                            realm.name(),
                            user.username(),
                            Map.of("client_id", BANK, "request_uri", push(Map.of("ciamkit_tx_amount", amount))));
            assertThat(pushed.statusCode()).as("pushed amount %s", amount).isLessThan(500);
        }
        // Keycloak itself refuses an authorization_details it cannot read: a redirect with invalid_request, no 5xx
        String nested = "[" + "[".repeat(200) + "]".repeat(200) + "]";
        HttpResponse<String> details = HTTP.send(
                HttpRequest.newBuilder(URI.create(Oidc.authorizationUrl(
                                TRUSTED_PROXY,
                                realm.name(),
                                DemoApp.REDIRECT_URI,
                                "hostile",
                                Map.of("client_id", BANK, "authorization_details", nested))))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(details.statusCode()).isLessThan(500);
        assertThat(details.headers().firstValue("Location").orElse("")).contains("error=invalid_request");
        assertThat(realm.events(user, "LOGIN_ERROR"))
                .allSatisfy(e -> assertThat(e.getError()).isNotEqualTo("unknown_error"));
    }
}
