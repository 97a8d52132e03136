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
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.ServerMetrics;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/**
 * The audit trail on the assembled server: what a login leaves in it, that nothing secret or personal is in it, and that
 * the chain check (admin REST and the command-line tool, run as an operator runs it) names a changed, a deleted and a
 * reordered record after SQL on the server's own database.
 */
@ExtendWith(KeycloakServerExtension.class)
class AuditTrailIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keycloak's event types, as records name them. */
    private static final String LOGIN = "LOGIN";

    private static final String LOGIN_ERROR = "LOGIN_ERROR";
    private static final String WRONG_PASSWORD = "Wrong-password-7531";

    private static Keycloak admin;
    private static TestRealm realm;
    private static String realmId;
    private static TestUser user;

    @BeforeAll
    static void start() throws Exception {
        admin = Admin.client();
        realm = TestRealm.create(admin, "audit", TestRealm::passwordOnlyBrowserFlow);
        realmId = realm.resource().toRepresentation().getId();
        user = realm.createUser("auditee");
        // one failed and one successful login: the records the tests read
        new HttpLogin().signInWithPassword(realm.name(), user.username(), WRONG_PASSWORD);
        new HttpLogin().signIn(realm.name(), user.username(), Map.of());
        link();
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
    void a_login_leaves_linked_records_without_secrets() throws Exception {
        List<JsonNode> records = records();
        JsonNode failed = find(records, LOGIN_ERROR);
        assertThat(failed.path("outcome").asText()).isEqualTo("failure");
        assertThat(failed.path("error").asText()).isEqualTo("invalid_user_credentials");
        assertThat(failed.path("userId").asText()).isEqualTo(user.id());
        JsonNode success = find(records, LOGIN);
        assertThat(success.path("outcome").asText()).isEqualTo("success");
        assertThat(success.path("seq").asLong())
                .isGreaterThan(failed.path("seq").asLong());
        for (JsonNode record : records) {
            assertThat(record.path("body").asText())
                    .as("no password, guessed or real, in any record")
                    .doesNotContain(WRONG_PASSWORD, TestUsers.PASSWORD);
            assertThat(record.path("hash").asText()).hasSize(64);
        }
        // numbered from 1 without gaps
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).path("seq").asLong()).isEqualTo(i + 1);
        }
    }

    @Test
    void the_chain_check_names_a_changed_a_deleted_and_a_reordered_record(KeycloakServer server) throws Exception {
        assertThat(verify().path("intact").asBoolean()).as(verify().toString()).isTrue();
        try (Connection db = server.database().connect()) {
            long seq = find(records(), LOGIN_ERROR).path("seq").asLong();

            // changed: the failure made a success
            String body = column(db, seq, "BODY");
            update(
                    db,
                    "UPDATE CIAMKIT_AUDIT_RECORD SET BODY = ? WHERE REALM_ID = ? AND SEQ = ?",
                    body.replace("\"failure\"", "\"success\""),
                    realmId,
                    seq);
            JsonNode changed = verify();
            assertThat(changed.path("intact").asBoolean()).isFalse();
            assertThat(changed.path("problem").asText()).isEqualTo("CHANGED");
            assertThat(changed.path("firstBroken").asLong()).isEqualTo(seq);
            assertThat(cli(server)).contains("BROKEN", "CHANGED at record " + seq);
            update(db, "UPDATE CIAMKIT_AUDIT_RECORD SET BODY = ? WHERE REALM_ID = ? AND SEQ = ?", body, realmId, seq);
            assertThat(verify().path("intact").asBoolean()).isTrue();

            // a column a SIEM indexes beside the body: the client address
            String ip = column(db, seq, "IP_ADDRESS");
            update(
                    db,
                    "UPDATE CIAMKIT_AUDIT_RECORD SET IP_ADDRESS = '198.51.100.99' WHERE REALM_ID = ? AND SEQ = ?",
                    realmId,
                    seq);
            assertThat(verify().path("problem").asText()).isEqualTo("CHANGED");
            update(
                    db,
                    "UPDATE CIAMKIT_AUDIT_RECORD SET IP_ADDRESS = ? WHERE REALM_ID = ? AND SEQ = ?",
                    ip,
                    realmId,
                    seq);

            // deleted (moved to another realm id and back, so the row survives for the next case)
            update(
                    db,
                    "UPDATE CIAMKIT_AUDIT_RECORD SET REALM_ID = 'deleted' WHERE REALM_ID = ? AND SEQ = ?",
                    realmId,
                    seq);
            JsonNode missing = verify();
            assertThat(missing.path("problem").asText()).isEqualTo("MISSING");
            assertThat(missing.path("firstBroken").asLong()).isEqualTo(seq);
            assertThat(cli(server)).contains("MISSING at record " + seq);
            update(
                    db,
                    "UPDATE CIAMKIT_AUDIT_RECORD SET REALM_ID = ? WHERE REALM_ID = 'deleted' AND SEQ = ?",
                    realmId,
                    seq);

            // a swapped pair: the numbers of seq and seq + 1 exchanged
            update(db, "UPDATE CIAMKIT_AUDIT_RECORD SET SEQ = -1 WHERE REALM_ID = ? AND SEQ = ?", realmId, seq);
            update(db, "UPDATE CIAMKIT_AUDIT_RECORD SET SEQ = ? WHERE REALM_ID = ? AND SEQ = ?", seq, realmId, seq + 1);
            update(db, "UPDATE CIAMKIT_AUDIT_RECORD SET SEQ = ? WHERE REALM_ID = ? AND SEQ = -1", seq + 1, realmId);
            JsonNode reordered = verify();
            assertThat(reordered.path("problem").asText()).isEqualTo("REORDERED");
            assertThat(reordered.path("firstBroken").asLong()).isEqualTo(seq);
            assertThat(cli(server)).contains("REORDERED at record " + seq);
            update(db, "UPDATE CIAMKIT_AUDIT_RECORD SET SEQ = -1 WHERE REALM_ID = ? AND SEQ = ?", realmId, seq);
            update(db, "UPDATE CIAMKIT_AUDIT_RECORD SET SEQ = ? WHERE REALM_ID = ? AND SEQ = ?", seq, realmId, seq + 1);
            update(db, "UPDATE CIAMKIT_AUDIT_RECORD SET SEQ = ? WHERE REALM_ID = ? AND SEQ = -1", seq + 1, realmId);
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
        assertThat(cli(server)).startsWith("intact");
    }

    @Test
    void a_row_written_into_the_table_without_the_key_is_never_linked(KeycloakServer server) throws Exception {
        String forged = "forged-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = server.database().connect()) {
            try (PreparedStatement q = db.prepareStatement("INSERT INTO CIAMKIT_AUDIT_RECORD (ID, REALM_ID, CREATED_AT,"
                    + " KIND, EVENT_TYPE, OUTCOME, USER_ID, BODY, INSERT_MAC) VALUES (?, ?, ?, 'USER', 'LOGIN',"
                    + " 'success', ?, '{}', 'h1.forged.AAAA')")) {
                q.setString(1, forged);
                q.setString(2, realmId);
                q.setLong(3, System.currentTimeMillis());
                q.setString(4, user.id());
                assertThat(q.executeUpdate()).isEqualTo(1);
            }
            link();
            JsonNode result = verify();
            assertThat(result.path("quarantined").asLong()).isEqualTo(1);
            assertThat(result.path("intact").asBoolean())
                    .as("a set-aside record is a finding")
                    .isFalse();
            assertThat(records()).noneMatch(r -> r.path("id").asText().equals(forged));
            try (PreparedStatement q = db.prepareStatement("DELETE FROM CIAMKIT_AUDIT_RECORD WHERE ID = ?")) {
                q.setString(1, forged);
                q.executeUpdate();
            }
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void every_event_of_a_request_that_sends_many_is_recorded_once() throws Exception {
        // a partial import sends one admin event per item in one transaction: one batch behind one savepoint
        List<String> ids = new ArrayList<>();
        List<org.keycloak.representations.idm.UserRepresentation> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var user = new org.keycloak.representations.idm.UserRepresentation();
            user.setId(java.util.UUID.randomUUID().toString());
            user.setUsername("imported-" + i + "-" + user.getId().substring(0, 8));
            user.setEnabled(true);
            ids.add(user.getId());
            users.add(user);
        }
        var partial = new org.keycloak.representations.idm.PartialImportRepresentation();
        partial.setUsers(users);
        partial.setIfResourceExists("FAIL");
        try (var response = realm.resource().partialImport(partial)) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
        link();
        List<String> recorded = records().stream()
                // Keycloak sends them with the realm's resource type (CREATE:REALM), the user's path in the record
                .filter(r -> r.path("type").asText().startsWith("CREATE:"))
                .map(r -> r.path("body").asText())
                .flatMap(body -> ids.stream().filter(id -> body.contains("users/" + id)))
                .toList();
        assertThat(recorded).as("each imported user's creation, once").containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void a_record_the_database_refuses_never_fails_the_login_and_is_counted(KeycloakServer server) throws Exception {
        // fail-open: the success records go into the request's transaction behind a savepoint; one the database
        // refuses is rolled back to it (the login's own writes go on and commit), tried again after the commit, and
        // counted and alerted when that fails too
        TestUser refused = realm.createUser("record-refused");
        ServerMetrics before = ServerMetrics.read();
        Oidc.TokenResponse tokens;
        try (Connection db = server.database().connect();
                java.sql.Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE CIAMKIT_AUDIT_RECORD ADD CONSTRAINT CIAMKIT_IT_REFUSE"
                    + " CHECK (USER_ID IS NULL OR USER_ID <> '" + refused.id() + "')");
            try {
                HttpLogin login = new HttpLogin();
                HttpResponse<String> redirect = login.signIn(realm.name(), refused.username(), Map.of());
                assertThat(redirect.statusCode())
                        .as("signed in: the app's redirect")
                        .isEqualTo(302);
                tokens = login.tokens(realm.name(), redirect);
            } finally {
                ddl.execute("ALTER TABLE CIAMKIT_AUDIT_RECORD DROP CONSTRAINT CIAMKIT_IT_REFUSE");
            }
        }
        assertThat(tokens.status()).as("the code exchange too").isEqualTo(200);
        assertThat(tokens.body().path("access_token").asText()).isNotBlank();
        ServerMetrics after = ServerMetrics.read();
        assertThat(after.increase(before, "ciamkit_audit_append_failures_total", Map.of()))
                .as("LOGIN and CODE_TO_TOKEN records lost, each counted")
                .isGreaterThanOrEqualTo(2);
        // the session the login created is in the database's user sessions: the request's transaction committed
        assertThat(realm.resource().users().get(refused.id()).getUserSessions()).isNotEmpty();
    }

    @Test
    void a_request_that_rolls_back_leaves_no_success_record(KeycloakServer server) throws Exception {
        // Keycloak sends the admin event inside the request's transaction, then commits; a CHECK the database enforces
        // only at that commit makes this one update roll back after its success event was sent
        TestUser changed = realm.createUser("rolled-back");
        var resource = realm.resource().users().get(changed.id());
        try (Connection db = server.database().connect();
                java.sql.Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE USER_ENTITY ADD CONSTRAINT CIAMKIT_IT_ROLLBACK"
                    + " CHECK (FIRST_NAME IS NULL OR FIRST_NAME <> 'Rolled-Back')");
            try {
                var refused = resource.toRepresentation();
                refused.setFirstName("Rolled-Back");
                assertThat(update(resource, refused))
                        .as("the update rolled back")
                        .isGreaterThanOrEqualTo(400);
            } finally {
                ddl.execute("ALTER TABLE USER_ENTITY DROP CONSTRAINT CIAMKIT_IT_ROLLBACK");
            }
        }
        assertThat(resource.toRepresentation().getFirstName()).isNotEqualTo("Rolled-Back");
        var accepted = resource.toRepresentation();
        accepted.setFirstName("Committed");
        assertThat(update(resource, accepted)).isEqualTo(204);
        link();

        List<JsonNode> updates = records().stream()
                .filter(r -> r.path("type").asText().equals("UPDATE:USER")
                        && r.path("body").asText().contains(changed.id()))
                .toList();
        assertThat(updates).as("only the update that committed is in the trail").hasSize(1);
    }

    @Test
    void a_realm_whose_records_cannot_be_linked_does_not_hold_back_another_realm(KeycloakServer server)
            throws Exception {
        try (TestRealm stuck = TestRealm.create(admin, "audit-stuck", TestRealm::passwordOnlyBrowserFlow);
                Connection db = server.database().connect();
                java.sql.Statement ddl = db.createStatement()) {
            String stuckId = stuck.resource().toRepresentation().getId();
            link();
            // the database refuses to link (or set aside) any record of the stuck realm
            ddl.execute("ALTER TABLE CIAMKIT_AUDIT_RECORD ADD CONSTRAINT CIAMKIT_IT_STUCK" + " CHECK (REALM_ID <> '"
                    + stuckId + "' OR LINKED_AT IS NULL)");
            try {
                stuck.createUser("stuck");
                TestUser after = realm.createUser("after-stuck");
                link();
                assertThat(records())
                        .as("the other realm's newer record is linked")
                        .anySatisfy(r -> {
                            assertThat(r.path("type").asText()).isEqualTo("CREATE:USER");
                            assertThat(r.path("body").asText()).contains(after.id());
                        });
                assertThat(unlinked(db, stuckId))
                        .as("the stuck realm's records wait")
                        .isPositive();
            } finally {
                ddl.execute("ALTER TABLE CIAMKIT_AUDIT_RECORD DROP CONSTRAINT CIAMKIT_IT_STUCK");
            }
            link();
            assertThat(unlinked(db, stuckId))
                    .as("linked once the database takes them")
                    .isZero();
        }
    }

    private static long unlinked(Connection db, String realmId) throws Exception {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT COUNT(*) FROM CIAMKIT_AUDIT_RECORD WHERE REALM_ID = ? AND LINKED_AT IS NULL")) {
            q.setString(1, realmId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int update(
            org.keycloak.admin.client.resource.UserResource user,
            org.keycloak.representations.idm.UserRepresentation change) {
        try {
            user.update(change);
            return 204;
        } catch (jakarta.ws.rs.WebApplicationException e) {
            return e.getResponse().getStatus();
        }
    }

    @Test
    void a_chain_shorter_than_what_the_siem_has_is_missing_its_end(KeycloakServer server) throws Exception {
        long last = verify().path("lastSeq").asLong();
        HttpResponse<String> response =
                AdminApi.get(admin, realm.name(), "/ciamkit-audit/verify?expectSeq=" + (last + 1000));
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.path("problem").asText()).isEqualTo("MISSING");
        assertThat(result.path("firstBroken").asLong()).isGreaterThan(last);
        // the command-line tool, as an auditor runs it with the SIEM's last number
        assertThat(cli(server, "--expect-seq", Long.toString(last + 1000))).contains("BROKEN", "MISSING");
    }

    @Test
    void every_read_of_the_trail_is_itself_a_record() throws Exception {
        verify();
        link();
        List<JsonNode> records = records();
        assertThat(records).as("the verification an admin ran").anySatisfy(r -> {
            assertThat(r.path("type").asText()).isEqualTo("ACTION:CIAMKIT_AUDIT");
            assertThat(r.path("kind").asText()).isEqualTo("ADMIN");
            assertThat(r.path("body").asText()).contains("\"ciamkit_audit\":\"verify\"");
        });
    }

    @Test
    void the_trail_needs_view_events_and_offers_no_way_to_change_it() throws Exception {
        String token = realm.tokenWithoutAdminRoles();
        for (String path : List.of("/ciamkit-audit/verify", "/ciamkit-audit/records")) {
            assertThat(AdminApi.get(realm.name(), path, token).statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
        // no method of ours edits or deletes a record, even for the realm's admin
        assertThat(AdminApi.delete(admin, realm.name(), "/ciamkit-audit/records")
                        .statusCode())
                .isEqualTo(405);
    }

    @Test
    void metrics_appear_on_the_management_port() throws Exception {
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(KeycloakServer.MANAGEMENT_URL + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics)
                .contains("ciamkit_audit_records_total{kind=\"USER\",outcome=\"failure\"}")
                .contains("ciamkit_audit_linked_total")
                .contains("ciamkit_audit_append_seconds_count")
                .contains("ciamkit_audit_append_seconds_bucket");
    }

    // --- helpers

    private static void link() throws Exception {
        assertThat(AdminApi.post(admin, realm.name(), "/ciamkit-audit/link").statusCode())
                .isEqualTo(200);
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

    private static JsonNode find(List<JsonNode> records, String type) {
        return records.stream()
                .filter(r -> r.path("type").asText().equals(type)
                        && user.id().equals(r.path("userId").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " record in " + records));
    }

    private static String column(Connection db, long seq, String column) throws Exception {
        try (PreparedStatement q =
                db.prepareStatement("SELECT " + column + " FROM CIAMKIT_AUDIT_RECORD WHERE REALM_ID = ? AND SEQ = ?")) {
            q.setString(1, realmId);
            q.setLong(2, seq);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void update(Connection db, String sql, Object... params) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            assertThat(q.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    /** The command-line check, run as the README tells an operator, against the server's database and key file. */
    private static String cli(KeycloakServer server, String... more) throws Exception {
        Path home = server.home();
        Path h2;
        try (Stream<Path> jars = Files.list(home.resolve("lib/lib/main"))) {
            h2 = jars.filter(p -> p.getFileName().toString().startsWith("com.h2database.h2-"))
                    .findFirst()
                    .orElseThrow();
        }
        String classpath = String.join(
                java.io.File.pathSeparator,
                home.resolve("providers/ciamkit-audit.jar").toString(),
                home.resolve("providers/ciamkit-common.jar").toString(),
                h2.toString());
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
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
                .redirectErrorStream(true);
        builder.command().addAll(List.of(more));
        builder.environment().put("CIAMKIT_DB_PASSWORD", H2Database.PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        assertThat(exit).as(output).isEqualTo(output.startsWith("intact") ? 0 : 1);
        return output;
    }
}
