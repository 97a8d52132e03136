package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.H2Database;
import dev.ciamkit.it.support.HttpLogin;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.SiemReceivers;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * The monthly review report and the retention purge on the assembled server. The report of this month holds what the
 * test did (a failed and a successful login from an address, an admin action, a read of the trail) as CSV and as a
 * printable page, with the month's chain intact. The IT server's retention day lasts 10 ms (KeycloakServer), so the
 * realm's 365 days pass in seconds; the purge then removes what the SIEM has, never what still waits for it, and leaves
 * a purge record from which the REST check and the command-line tool verify the chain, and find a further deletion.
 */
@ExtendWith(KeycloakServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditReviewRetentionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** As the IT launcher sets {@code retention-day-millis}. */
    private static final long DAY_MILLIS = 10;

    private static final String ADDRESS = "198.51.100.23";
    private static final ZoneId ZONE = ZoneId.of("Asia/Seoul"); // the realm page's default time zone

    private static Keycloak admin;
    private static TestRealm realm;
    private static String realmId;
    private static TestUser user;
    private static SiemReceivers.Syslog syslog;
    private static SiemReceivers.Webhook webhook;

    @BeforeAll
    static void start() throws Exception {
        admin = Admin.client();
        // the SIEM receivers up, so that records leave the outbox and become purgeable
        syslog = new SiemReceivers.Syslog();
        syslog.start();
        webhook = new SiemReceivers.Webhook();
        webhook.start();
        realm = TestRealm.create(admin, "audit-review", json -> {
            TestRealm.passwordOnlyBrowserFlow(json);
            json.put("sslRequired", "none"); // the forwarded address is a public one, and this server speaks HTTP
        });
        realmId = realm.resource().toRepresentation().getId();
        user = realm.createUser("reviewee");
        // a failed and a successful login, through the trusted proxy, from ADDRESS
        HttpLogin fromAddress = new HttpLogin("http://127.0.0.1:8080", Map.of("X-Forwarded-For", ADDRESS));
        fromAddress.signInWithPassword(realm.name(), user.username(), "Wrong-password-2468");
        new HttpLogin("http://127.0.0.1:8080", Map.of("X-Forwarded-For", ADDRESS))
                .signIn(realm.name(), user.username(), Map.of());
        // an admin action: the realm's audit page saved with the shortest retention
        ComponentRepresentation page = new ComponentRepresentation();
        page.setName("ciamkit-audit");
        page.setProviderId("ciamkit-audit");
        page.setProviderType("org.keycloak.services.ui.extend.UiPageProvider");
        page.setParentId(realmId);
        page.setConfig(new org.keycloak.common.util.MultivaluedHashMap<>(Map.of("retentionDays", List.of("365"))));
        realm.resource().components().add(page).close();
        link();
        records(); // a read of the trail
        link();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            realm.close();
            syslog.close();
            webhook.close();
        } finally {
            admin.close();
        }
    }

    @Test
    @Order(1)
    void the_review_of_this_month_holds_what_the_test_did_as_csv() throws Exception {
        HttpResponse<String> response = review("csv", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("AUTH_FAILURES,")
                        .contains(user.id(), ADDRESS, "LOGIN_ERROR", "invalid_user_credentials"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("SIGN_INS,").contains(user.id(), ADDRESS, ",LOGIN,"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("ADMIN_ACTIONS,").contains("CREATE:COMPONENT"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("ADMIN_ACCESS,")
                        .contains("ACTION:CIAMKIT_AUDIT", "ciamkit_audit=records"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("CHECK,,,,,INTACT,"));
    }

    @Test
    @Order(2)
    void the_review_of_this_month_is_a_printable_page_too() throws Exception {
        // headings in the language asked for (else the admin's own as Keycloak resolves it)
        HttpResponse<String> response = review("html", "&locale=en");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.headers().allValues("Content-Security-Policy"))
                .singleElement()
                .satisfies(csp -> assertThat(csp).startsWith("default-src 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("filename=\"ciamkit-audit-review-" + realm.name() + "-" + thisMonth() + ".html\"");
        assertThat(response.body())
                .contains("Authentication failures by user and address", user.id(), ADDRESS, "LOGIN_ERROR")
                .contains("CREATE:COMPONENT", "ciamkit_audit=records")
                .contains("class=\"intact\"")
                .doesNotContain("<script", "src=", "href=");
        assertThat(review("html", "&locale=ko").body()).contains("사용자·주소별 인증 실패");
    }

    @Test
    @Order(3)
    void a_bad_month_is_refused_and_the_report_needs_view_events() throws Exception {
        for (String bad : List.of("2026-13", "26-11", "2026-11-01", "x")) {
            HttpResponse<String> response = AdminApi.get(admin, realm.name(), "/ciamkit-audit/review?month=" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("YYYY-MM");
        }
        assertThat(AdminApi.get(admin, realm.name(), "/ciamkit-audit/review?month=" + thisMonth() + "&format=pdf")
                        .statusCode())
                .isEqualTo(400);
        assertThat(AdminApi.get(
                                realm.name(),
                                "/ciamkit-audit/review?month=" + thisMonth(),
                                realm.tokenWithoutAdminRoles())
                        .statusCode())
                .isEqualTo(403);
        link();
        assertThat(records())
                .as("the downloads are in the trail")
                .anySatisfy(r -> assertThat(r.path("body").asText()).contains("\"ciamkit_audit\":\"review\""));
    }

    @Test
    @Order(4)
    void the_purge_removes_what_the_siem_has_and_leaves_a_chain_that_verifies(KeycloakServer server) throws Exception {
        long delivered = link();
        awaitDelivered(delivered);
        // the webhook down: what is linked from now on waits in its outbox and must survive the purge
        webhook.down(true);
        realm.createUser("waiting");
        link();
        JsonNode waiting = records().stream()
                .filter(r -> r.path("type").asText().equals("CREATE:USER"))
                .reduce((a, b) -> b)
                .orElseThrow();
        long newest =
                records().stream().mapToLong(r -> r.path("time").asLong()).max().orElseThrow();
        // 365 retention days of the IT server pass
        Thread.sleep(Math.max(0, newest + 365 * DAY_MILLIS + 500 - System.currentTimeMillis()));

        HttpResponse<String> purged = AdminApi.post(admin, realm.name(), "/ciamkit-audit/purge");
        assertThat(purged.statusCode()).as(purged.body()).isEqualTo(200);
        JsonNode outcome = JSON.readTree(purged.body());
        long through = outcome.path("throughSeq").asLong();
        assertThat(outcome.path("purged").asLong()).as(purged.body()).isPositive();
        assertThat(through)
                .as("never a record still waiting for a sink")
                .isLessThan(waiting.path("seq").asLong())
                .isGreaterThanOrEqualTo(delivered);

        try (Connection db = server.database().connect()) {
            assertThat(count(db, "SEQ <= " + through))
                    .as("the old records are gone")
                    .isZero();
            assertThat(count(db, "ID = '" + waiting.path("id").asText() + "'")).isEqualTo(1);
            assertThat(count(db, "KIND = 'PURGE' AND SEQ > " + through)).isEqualTo(1);
        }
        JsonNode purge = records().stream()
                .filter(r -> r.path("kind").asText().equals("PURGE"))
                .findFirst()
                .orElseThrow();
        assertThat(purge.path("body").asText()).contains("\"purgedThroughSeq\":" + through);
        JsonNode verified = verify();
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("firstSeq").asLong()).isEqualTo(through + 1);
        assertThat(cli(server)).startsWith("intact");

        // a further record deleted without a purge record
        try (Connection db = server.database().connect();
                PreparedStatement q =
                        db.prepareStatement("DELETE FROM CIAMKIT_AUDIT_RECORD WHERE REALM_ID = ? AND SEQ = ?")) {
            q.setString(1, realmId);
            q.setLong(2, through + 1);
            assertThat(q.executeUpdate()).isEqualTo(1);
        }
        JsonNode missing = verify();
        assertThat(missing.path("problem").asText()).as(missing.toString()).isEqualTo("MISSING");
        assertThat(missing.path("firstBroken").asLong()).isEqualTo(through + 1);
        assertThat(cli(server)).contains("BROKEN", "MISSING at record " + (through + 1));
    }

    // --- helpers

    private static String thisMonth() {
        return YearMonth.now(ZONE).toString();
    }

    private static HttpResponse<String> review(String format, String more) throws Exception {
        return AdminApi.get(
                admin, realm.name(), "/ciamkit-audit/review?month=" + thisMonth() + "&format=" + format + more);
    }

    /** Links waiting records; returns the realm's last number. */
    private static long link() throws Exception {
        assertThat(AdminApi.post(admin, realm.name(), "/ciamkit-audit/link").statusCode())
                .isEqualTo(200);
        return verify().path("lastSeq").asLong();
    }

    private static JsonNode verify() throws Exception {
        HttpResponse<String> response = AdminApi.get(admin, realm.name(), "/ciamkit-audit/verify");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<JsonNode> records() throws Exception {
        HttpResponse<String> response = AdminApi.get(admin, realm.name(), "/ciamkit-audit/records?max=500");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        JSON.readTree(response.body()).path("records").forEach(records::add);
        return records;
    }

    private static void awaitDelivered(long seq) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!(syslog.frames(realmId).stream().anyMatch(f -> f.seq() == seq)
                && webhook.records(realmId).stream().anyMatch(r -> r.path("seq").asLong() == seq))) {
            assertThat(Instant.now()).as("records delivered to the receivers").isBefore(deadline);
            assertThat(AdminApi.post(admin, realm.name(), "/ciamkit-audit/export")
                            .statusCode())
                    .isEqualTo(200);
            Thread.sleep(300);
        }
    }

    private static long count(Connection db, String condition) throws Exception {
        try (PreparedStatement q =
                db.prepareStatement("SELECT COUNT(*) FROM CIAMKIT_AUDIT_RECORD WHERE REALM_ID = ? AND " + condition)) {
            q.setString(1, realmId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The command-line check as the README tells an operator to run it; its answer is on standard output. */
    private static String cli(KeycloakServer server) throws Exception {
        Path home = server.home();
        List<String> classpath = new ArrayList<>(List.of(
                home.resolve("providers/ciamkit-audit.jar").toString(),
                home.resolve("providers/ciamkit-common.jar").toString()));
        try (Stream<Path> jars = Files.list(home.resolve("lib/lib/main"))) {
            jars.filter(p -> p.getFileName().toString().startsWith("com.h2database.h2-")
                            || p.getFileName().toString().matches("com\\.fasterxml\\.jackson\\.core\\.jackson-.*"))
                    .forEach(p -> classpath.add(p.toString()));
        }
        Path errors = Files.createTempFile("audit-cli", ".err");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        String.join(java.io.File.pathSeparator, classpath),
                        "dev.ciamkit.audit.cli.AuditChainTool",
                        "verify",
                        "--jdbc-url",
                        server.database().jdbcUrl(),
                        "--user",
                        H2Database.USER,
                        "--key-file",
                        home.resolve("conf/ciamkit-keys.properties").toString(),
                        "--realm",
                        realm.name())
                .redirectError(errors.toFile());
        builder.environment().put("CIAMKIT_DB_PASSWORD", H2Database.PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        assertThat(exit).as(output + Files.readString(errors)).isEqualTo(output.startsWith("intact") ? 0 : 1);
        Files.delete(errors);
        return output;
    }
}
