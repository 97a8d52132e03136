package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.HttpLogin;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Mails;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers;
import dev.ciamkit.it.support.TestUsers.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * The anomaly rules on the assembled server: each rule fires on what the trail holds and its action happens, read from
 * the server's state (the brute-force admin API, the block list and a login the risk signal denies, a signed webhook a
 * receiver here checks itself, a mail the test SMTP server got). "Run now" instead of waiting for the background run.
 */
@ExtendWith(KeycloakServerExtension.class)
class AnomalyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUSTED_PROXY = "http://127.0.0.1:8080";
    private static final String WRONG = "Wrong-password-2468";
    private static final String SECRET = "it-anomaly-webhook-secret-0123456789abcdef";
    private static final String SOC = "soc@it.ciamkit.dev";

    private static Keycloak admin;
    /** The shipped browser flow (password, risk evaluation, deny at very high). */
    private static TestRealm realm;
    /** A password-only browser flow: a successful login without a second factor, for the unusual-hours rule. */
    private static TestRealm passwordRealm;

    private static GreenMail smtp;
    private static HttpServer webhook;
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        admin = Admin.client();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/anomaly", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String ts = exchange.getRequestHeaders().getFirst("X-CiamKit-Timestamp");
            String sig = exchange.getRequestHeaders().getFirst("X-CiamKit-Signature");
            boolean valid = ts != null
                    && sig != null
                    && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts)) <= 300
                    && MessageDigest.isEqual(
                            ("v1=" + hmac(ts + "." + new String(body, StandardCharsets.UTF_8)))
                                    .getBytes(StandardCharsets.UTF_8),
                            sig.getBytes(StandardCharsets.UTF_8));
            if (valid) {
                received.add(JSON.readTree(body));
            }
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        webhook.start();
        realm = TestRealm.create(admin, "anomaly", AnomalyIT::mailAndProxy);
        passwordRealm = TestRealm.create(admin, "anomaly-hours", json -> {
            mailAndProxy(json);
            TestRealm.passwordOnlyBrowserFlow(json);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            realm.close();
            passwordRealm.close();
            smtp.stop();
            webhook.stop(0);
        } finally {
            admin.close();
        }
    }

    private static void mailAndProxy(ObjectNode json) {
        // the forwarded addresses are public ones, and this server speaks plain HTTP
        json.put("sslRequired", "none");
        ObjectNode mail = json.putObject("smtpServer");
        mail.put("host", "127.0.0.1");
        mail.put("port", String.valueOf(smtp.getSmtp().getPort()));
        mail.put("from", "no-reply@ciamkit.dev");
    }

    private static String hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ADDRESS =
            new java.util.concurrent.atomic.AtomicInteger(201);

    /** A documentation address of its own for each test, so no rule sees another test's records. */
    private static String address() {
        return "198.51.100." + NEXT_ADDRESS.getAndIncrement();
    }

    /** Saves the realm's audit page with every rule off except what the test sets. */
    private static void configure(TestRealm target, Map<String, String> values) {
        Map<String, String> all = new HashMap<>();
        for (String rule : List.of("anomalyUserFailures", "anomalyAddressFailures", "anomalyAddressUsers")) {
            all.put(rule, "0");
        }
        all.put("anomalyBulkReads", "0");
        all.put("anomalyQuietHours", "");
        all.put("timeZone", "Asia/Seoul");
        all.putAll(values);
        ComponentRepresentation page = new ComponentRepresentation();
        page.setName("ciamkit-audit");
        page.setProviderId("ciamkit-audit");
        page.setProviderType("org.keycloak.services.ui.extend.UiPageProvider");
        page.setParentId(target.resource().toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        all.forEach((k, v) -> config.put(k, List.of(v.split("##"))));
        page.setConfig(config);
        List<ComponentRepresentation> existing =
                target.resource().components().query(page.getParentId(), page.getProviderType(), null);
        existing.stream()
                .filter(c -> "ciamkit-audit".equals(c.getProviderId()))
                .forEach(
                        c -> target.resource().components().component(c.getId()).remove());
        try (var response = target.resource().components().add(page)) {
            assertThat(response.getStatus()).as("the audit page is saved").isEqualTo(201);
        }
    }

    private static void wrongPassword(TestRealm target, String username, String from) throws Exception {
        new HttpLogin(TRUSTED_PROXY, Map.of("X-Forwarded-For", from))
                .signInWithPassword(target.name(), username, WRONG);
    }

    /** Runs the rules now until the condition holds (a background run may hold the lock at that moment). */
    private static void runUntil(TestRealm target, Check condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            HttpResponse<String> run = AdminApi.post(admin, target.name(), "/ciamkit-audit/anomalies/run");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            AdminApi.post(admin, target.name(), "/ciamkit-audit/export");
            if (condition.holds()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the anomaly's effect did not show within 30 s");
            }
            Thread.sleep(300);
        }
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    private static List<JsonNode> anomalies(TestRealm target, String rule) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        long from = 1;
        while (true) {
            HttpResponse<String> page =
                    AdminApi.get(admin, target.name(), "/ciamkit-audit/records?max=500&fromSeq=" + from);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode records = JSON.readTree(page.body()).path("records");
            if (records.isEmpty()) {
                return found;
            }
            for (JsonNode r : records) {
                if (r.path("type").asText().equals("ANOMALY_" + rule)) {
                    found.add(r);
                }
                from = r.path("seq").asLong() + 1;
            }
        }
    }

    private static JsonNode bruteForce(TestRealm target, TestUser user) throws Exception {
        HttpResponse<String> status =
                AdminApi.get(admin, target.name(), "/attack-detection/brute-force/users/" + user.id());
        assertThat(status.statusCode()).isEqualTo(200);
        return JSON.readTree(status.body());
    }

    @Test
    void failures_of_one_user_lock_the_user_once_and_keycloaks_unlock_lifts_the_lock() throws Exception {
        configure(realm, Map.of("anomalyUserFailures", "3", "anomalyUserFailuresActions", "lock-user"));
        TestUser user = realm.createUser("locked");
        for (int i = 0; i < 3; i++) {
            wrongPassword(realm, user.username(), address());
        }
        assertThat(bruteForce(realm, user).path("disabled").asBoolean())
                .as("3 failures are below the realm's own failure factor (10)")
                .isFalse();

        runUntil(realm, () -> bruteForce(realm, user).path("disabled").asBoolean());

        List<JsonNode> alerts = anomalies(realm, "USER_FAILURES");
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.path("userId").asText()).isEqualTo(user.id());
            assertThat(a.path("kind").asText()).isEqualTo("ANOMALY");
            assertThat(a.path("body").asText()).contains("\"actions\":\"lock-user\"", "\"count\":\"3\"");
        });
        // a fourth failure within the window: no second alert
        wrongPassword(realm, user.username(), address());
        runUntil(realm, () -> true);
        runUntil(realm, () -> true);
        assertThat(anomalies(realm, "USER_FAILURES")).hasSize(1);

        assertThat(AdminApi.delete(admin, realm.name(), "/attack-detection/brute-force/users/" + user.id())
                        .statusCode())
                .isEqualTo(204);
        assertThat(bruteForce(realm, user).path("disabled").asBoolean()).isFalse();
    }

    @Test
    void failures_from_one_address_block_it_and_the_risk_signal_denies_a_login_from_it() throws Exception {
        configure(realm, Map.of("anomalyAddressFailures", "3", "anomalyAddressFailuresActions", "block-address"));
        String attacker = address();
        for (int i = 0; i < 3; i++) {
            wrongPassword(realm, realm.createUser("target" + i).username(), attacker);
        }
        runUntil(realm, () -> blocked(realm).contains(attacker));

        TestUser user = realm.createUser("blocked");
        HttpLogin proxied = new HttpLogin(TRUSTED_PROXY, Map.of("X-Forwarded-For", attacker));
        HttpResponse<String> refused = proxied.signIn(realm.name(), user.username(), Map.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(proxied.page().getElementById("ciamkit-risk-deny"))
                .as("the right password from a blocked address is denied")
                .isNotNull();
        assertThat(realm.events(user, "LOGIN_ERROR")).anySatisfy(e -> {
            assertThat(e.getError()).isEqualTo("ciamkit_risk_denied");
            assertThat(e.getDetails().get("ciamkit_risk_reasons")).contains("network:blocked_address");
        });

        String path =
                "/ciamkit-audit/anomalies/blocked-addresses/" + URLEncoder.encode(attacker, StandardCharsets.UTF_8);
        assertThat(AdminApi.delete(admin, realm.name(), path).statusCode()).isEqualTo(204);
        assertThat(blocked(realm)).doesNotContain(attacker);
        assertThat(AdminApi.delete(admin, realm.name(), path).statusCode()).isEqualTo(404);
    }

    @Test
    void ipv6_failures_rotating_within_one_64_block_the_64_and_any_of_its_addresses_lifts_it() throws Exception {
        configure(realm, Map.of("anomalyAddressFailures", "3", "anomalyAddressFailuresActions", "block-address"));
        String network = "2001:db8:" + Integer.toHexString(NEXT_ADDRESS.getAndIncrement()) + ":1:";
        for (int i = 0; i < 3; i++) {
            // a new address of the same subscriber's /64 for each guess: a rule per address would never fire
            wrongPassword(realm, realm.createUser("v6target" + i).username(), network + "a:b:c:" + (i + 1));
        }
        String blockedNetwork = network + "0:0:0:0/64";
        runUntil(realm, () -> blocked(realm).contains(blockedNetwork));

        TestUser user = realm.createUser("v6blocked");
        HttpLogin proxied = new HttpLogin(TRUSTED_PROXY, Map.of("X-Forwarded-For", network + "dead:beef:0:99"));
        HttpResponse<String> refused = proxied.signIn(realm.name(), user.username(), Map.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(proxied.page().getElementById("ciamkit-risk-deny"))
                .as("the right password from another address of the blocked /64 is denied")
                .isNotNull();
        // that denial is one more failure from the /64: the rule has fired for it in this window and stays quiet
        assertThat(AdminApi.post(admin, realm.name(), "/ciamkit-audit/link").statusCode())
                .isEqualTo(200);
        assertThat(AdminApi.post(admin, realm.name(), "/ciamkit-audit/anomalies/run")
                        .statusCode())
                .isEqualTo(200);
        assertThat(anomalies(realm, "ADDRESS_FAILURES"))
                .filteredOn(a -> a.path("ipAddress").asText().startsWith(network))
                .as("one alert for the /64 in its window, whichever of its addresses failed")
                .hasSize(1);
        HttpLogin neighbour = new HttpLogin(
                TRUSTED_PROXY, Map.of("X-Forwarded-For", network.replace(":1:", ":2:") + "dead:beef:0:99"));
        neighbour.signIn(realm.name(), realm.createUser("v6neighbour").username(), Map.of());
        assertThat(neighbour.page().getElementById("ciamkit-risk-deny"))
                .as("the next /64 is another subscriber, not blocked")
                .isNull();

        String path = "/ciamkit-audit/anomalies/blocked-addresses/"
                + URLEncoder.encode(network + ":", StandardCharsets.UTF_8);
        assertThat(AdminApi.delete(admin, realm.name(), path).statusCode())
                .as("any address of the network lifts its block")
                .isEqualTo(204);
        assertThat(blocked(realm)).doesNotContain(blockedNetwork);
    }

    @Test
    void failures_from_a_private_address_are_reported_but_never_block_it() throws Exception {
        // a branch office or a carrier's NAT behind one private address: a block would shut out everyone there
        configure(realm, Map.of("anomalyAddressFailures", "3", "anomalyAddressFailuresActions", "block-address"));
        String office = "10.20.30." + NEXT_ADDRESS.getAndIncrement();
        for (int i = 0; i < 3; i++) {
            wrongPassword(realm, realm.createUser("office" + i).username(), office);
        }
        runUntil(
                realm,
                () -> anomalies(realm, "ADDRESS_FAILURES").stream()
                        .anyMatch(a -> office.equals(a.path("ipAddress").asText())));
        assertThat(anomalies(realm, "ADDRESS_FAILURES"))
                .filteredOn(a -> office.equals(a.path("ipAddress").asText()))
                .singleElement()
                .satisfies(a -> assertThat(a.path("body").asText()).doesNotContain("block-address"));
        assertThat(blocked(realm)).doesNotContain(office);
    }

    private static List<String> blocked(TestRealm target) throws Exception {
        HttpResponse<String> list = AdminApi.get(admin, target.name(), "/ciamkit-audit/anomalies/blocked-addresses");
        assertThat(list.statusCode()).isEqualTo(200);
        List<String> addresses = new ArrayList<>();
        JSON.readTree(list.body()).forEach(b -> addresses.add(b.path("address").asText()));
        return addresses;
    }

    @Test
    void many_users_from_one_address_send_a_signed_webhook_without_personal_data() throws Exception {
        configure(
                realm,
                Map.of(
                        "anomalyAddressUsers",
                        "3",
                        "anomalyAddressUsersActions",
                        "webhook",
                        "anomalyWebhookUrl",
                        "http://127.0.0.1:" + webhook.getAddress().getPort() + "/anomaly",
                        "anomalyWebhookSecret",
                        SECRET));
        String stuffer = address();
        List<TestUser> users = List.of(realm.createUser("s1"), realm.createUser("s2"), realm.createUser("s3"));
        for (TestUser user : users) {
            wrongPassword(realm, user.username(), stuffer);
        }
        runUntil(
                realm,
                () -> received.stream()
                        .anyMatch(a -> stuffer.equals(a.path("address").asText())));

        JsonNode alert = received.stream()
                .filter(a -> stuffer.equals(a.path("address").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(alert.path("type").asText()).isEqualTo("ciamkit.anomaly");
        assertThat(alert.path("rule").asText()).isEqualTo("address_users");
        assertThat(alert.path("count").asLong()).isEqualTo(3);
        assertThat(alert.path("realm").asText()).isEqualTo(realm.name());
        for (TestUser user : users) {
            assertThat(alert.toString()).doesNotContain(user.username(), WRONG);
        }
        assertThat(anomalies(realm, "ADDRESS_USERS"))
                .anySatisfy(r -> assertThat(r.path("ipAddress").asText()).isEqualTo(stuffer));
    }

    @Test
    void a_login_in_quiet_hours_mails_the_security_contact() throws Exception {
        configure(
                passwordRealm,
                Map.of(
                        "anomalyQuietHours", "00-24",
                        "anomalyQuietHoursActions", "email",
                        "anomalySecurityEmail", SOC));
        TestUser user = passwordRealm.createUser("night");
        HttpResponse<String> login = new HttpLogin().signIn(passwordRealm.name(), user.username(), Map.of());
        assertThat(login.statusCode()).as("signed in").isEqualTo(302);

        runUntil(passwordRealm, () -> mailTo(SOC) != null);

        MimeMessage mail = mailTo(SOC);
        String text = Mails.part(mail, "text/plain");
        assertThat(mail.getSubject()).as("the realm's default language, Korean").contains("보안 경보");
        assertThat(text).contains(user.id(), user.username().substring(0, 1) + "***");
        assertThat(text).doesNotContain(user.username(), TestUsers.PASSWORD);
        assertThat(anomalies(passwordRealm, "QUIET_HOURS"))
                .singleElement()
                .satisfies(r -> assertThat(r.path("userId").asText()).isEqualTo(user.id()));
    }

    private static MimeMessage mailTo(String address) throws Exception {
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                return mail;
            }
        }
        return null;
    }

    @Test
    void an_admin_reading_many_records_is_a_bulk_lookup() throws Exception {
        configure(passwordRealm, Map.of("anomalyBulkReads", "2", "anomalyBulkReadsWindowSeconds", "60"));
        // a few records to read, then read them
        passwordRealm.createUser("read1");
        passwordRealm.createUser("read2");
        AdminApi.post(admin, passwordRealm.name(), "/ciamkit-audit/link");
        HttpResponse<String> read = AdminApi.get(admin, passwordRealm.name(), "/ciamkit-audit/records?max=500");
        assertThat(JSON.readTree(read.body()).path("records").size()).isGreaterThan(2);

        runUntil(passwordRealm, () -> !anomalies(passwordRealm, "BULK_READS").isEmpty());

        JsonNode alert = anomalies(passwordRealm, "BULK_READS").get(0);
        assertThat(alert.path("kind").asText()).isEqualTo("ANOMALY");
        assertThat(alert.path("userId").asText()).as("the admin who read").isNotBlank();
        assertThat(alert.path("body").asText()).contains("\"rule\":\"bulk_reads\"");
    }
}
