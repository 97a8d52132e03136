package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.ekyc.sandbox.TestImages;
import dev.ciamkit.it.pages.EkycPage;
import dev.ciamkit.it.pages.OtpLoginPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.ClusterExtension;
import dev.ciamkit.it.support.ClusterFixture;
import dev.ciamkit.it.support.ClusterNode;
import dev.ciamkit.it.support.EkycGateway;
import dev.ciamkit.it.support.EkycJourney;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.ServerMetrics;
import dev.ciamkit.it.support.SiemReceivers;
import dev.ciamkit.it.support.TestUsers;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;

/**
 * Mobile OTP on two nodes of one cluster (shared PostgreSQL, Infinispan over jdbc-ping): what one node decides, the
 * other holds. Users enrol on node A through our flow in Chromium; the demo realm is node A's import.
 */
@ExtendWith(ClusterExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final String REALM = Oidc.REALM;
    private static final int REALM_FAILURE_FACTOR = 10;
    private static final Pattern SEALED = Pattern.compile("ck1\\.([A-Za-z0-9_-]+)\\.");

    private static ClusterFixture cluster;
    private static Keycloak adminA;
    private static Keycloak adminB;
    private static SiemReceivers.Webhook webhook;

    @BeforeAll
    static void connect(ClusterFixture fixture) throws Exception {
        cluster = fixture;
        // the nodes' audit export posts here (what came before is retried until it is acknowledged)
        webhook = new SiemReceivers.Webhook(ClusterFixture.WEBHOOK_PORT);
        webhook.start();
        adminA = Admin.client(cluster.a().baseUrl());
        adminB = Admin.client(cluster.b().baseUrl());
        // Set on A, read by B through the realm cache's invalidation: no test sleeps past the quick-login check.
        bruteForce(REALM_FAILURE_FACTOR);
    }

    @AfterAll
    static void disconnect() {
        adminA.close();
        adminB.close();
        webhook.close();
    }

    @Test
    void a_code_used_on_one_node_is_refused_on_the_other_both_ways() throws Exception {
        TestUser user = TestUsers.create(adminA, REALM, "cluster-replay", Map.of());
        AuthenticatorApp phone = OtpJourney.enrolled(cluster.a().baseUrl(), REALM, user.username());

        String first = phone.nextCode();
        signIn(cluster.a(), user, first);
        assertThat(refused(cluster.b(), user, first)).contains("already been used");

        String second = phone.nextCode();
        signIn(cluster.b(), user, second);
        assertThat(refused(cluster.a(), user, second)).contains("already been used");

        assertThat(events(user, "LOGIN_ERROR"))
                .filteredOn(e -> "ciamkit_otp_replayed".equals(e.getError()))
                .hasSize(2);
    }

    @Test
    void wrong_codes_on_both_nodes_add_up_in_brute_force_and_the_lock_holds_on_both() throws Exception {
        bruteForce(4);
        try {
            TestUser user = TestUsers.create(adminA, REALM, "cluster-bf", Map.of());
            AuthenticatorApp phone = OtpJourney.enrolled(cluster.a().baseUrl(), REALM, user.username());
            try (Browser onA = Browser.open("en-US,en;q=0.9");
                    Browser onB = Browser.open("en-US,en;q=0.9")) {
                // Both at the code step first, so no password success comes between the wrong codes.
                new OtpJourney(onA, cluster.a().baseUrl(), REALM)
                        .start()
                        .password(user.username())
                        .otp();
                new OtpJourney(onB, cluster.b().baseUrl(), REALM)
                        .start()
                        .password(user.username())
                        .otp();
                // A, B, A, B: each failure counted on one node is visible on the other before the next.
                for (int failures = 1; failures <= 4; failures++) {
                    boolean onNodeA = failures % 2 == 1;
                    new OtpLoginPage(onNodeA ? onA : onB).enter(phone.wrongCode());
                    int expected = failures;
                    awaitBruteForce(onNodeA ? adminB : adminA, user, s -> numFailures(s) >= expected);
                }
            }
            for (Keycloak admin : List.of(adminA, adminB)) {
                Map<String, Object> state = awaitBruteForce(admin, user, s -> Boolean.TRUE.equals(s.get("disabled")));
                assertThat(numFailures(state)).isEqualTo(4);
            }
            // Locked on both: the right password is refused by either node as Keycloak refuses a locked user.
            int refusals = 0;
            for (ClusterNode node : List.of(cluster.a(), cluster.b())) {
                try (Browser browser = Browser.open("en-US,en;q=0.9")) {
                    new OtpJourney(browser, node.baseUrl(), REALM).start().password(user.username());
                    awaitEvents(user, "user_temporarily_disabled", ++refusals);
                }
            }
        } finally {
            bruteForce(REALM_FAILURE_FACTOR);
        }
    }

    @Test
    void a_device_lock_taken_on_node_a_holds_on_node_b() throws Exception {
        TestUser user = TestUsers.create(adminA, REALM, "cluster-lock", Map.of());
        AuthenticatorApp phone = OtpJourney.enrolled(cluster.a().baseUrl(), REALM, user.username());
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            new OtpJourney(browser, cluster.a().baseUrl(), REALM).start().password(user.username());
            for (int attempt = 1; attempt <= 5; attempt++) { // the demo realm's device lock: 5 wrong codes
                new OtpLoginPage(browser).enter(phone.wrongCode());
            }
            assertThat(new OtpLoginPage(browser).error()).contains("device is locked");
        }

        assertThat(refused(cluster.b(), user, phone.nextCode())).contains("device is locked");
        assertThat(AdminApi.get(cluster.b().baseUrl(), adminB, REALM, "/ciamkit-otp/registrations?state=locked")
                        .body())
                .contains(user.username());
        assertThat(events(user, "LOGIN_ERROR"))
                .anySatisfy(e -> assertThat(e.getError()).isEqualTo("ciamkit_otp_device_locked"));
    }

    @Test
    void mid_key_promotion_each_node_opens_the_devices_the_other_sealed_with_its_own_key() throws Exception {
        // The fixture's key files: A promoted the next key, B still seals with the old one (README, "Rotating keys").
        TestUser enrolledOnA = TestUsers.create(adminA, REALM, "cluster-keys-a", Map.of());
        AuthenticatorApp phoneA = OtpJourney.enrolled(cluster.a().baseUrl(), REALM, enrolledOnA.username());
        TestUser enrolledOnB = TestUsers.create(adminA, REALM, "cluster-keys-b", Map.of());
        AuthenticatorApp phoneB = OtpJourney.enrolled(cluster.b().baseUrl(), REALM, enrolledOnB.username());

        String keyOfA = sealingKeyId(enrolledOnA);
        String keyOfB = sealingKeyId(enrolledOnB);
        assertThat(keyOfA).as("the two nodes seal with different keys").isNotEqualTo(keyOfB);

        // Each on the node that did not seal its seed (its own node is the replay test's business).
        signIn(cluster.b(), enrolledOnA, phoneA.nextCode());
        signIn(cluster.a(), enrolledOnB, phoneB.nextCode());
        assertThat(events(enrolledOnA, "LOGIN_ERROR")).isEmpty();
        assertThat(events(enrolledOnB, "LOGIN_ERROR")).isEmpty();
    }

    /** The key id that the user's stored device seed names (sealed values read {@code ck1.<key id>.<body>}). */
    private static String sealingKeyId(TestUser user) throws Exception {
        try (Connection db = cluster.database().connect();
                PreparedStatement query = db.prepareStatement(
                        "select secret_data from credential where user_id = ? and type = 'ciamkit-mobile-otp'")) {
            query.setString(1, user.id());
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a device of " + user.username()).isTrue();
                Matcher sealed = SEALED.matcher(rows.getString(1));
                assertThat(sealed.find()).as("a sealed seed").isTrue();
                return sealed.group(1);
            }
        }
    }

    @Test
    @Order(1)
    void an_ekyc_verification_with_its_images_made_on_node_a_is_read_whole_on_node_b_and_purged_once_by_both()
            throws Exception {
        RequiredActionConfigRepresentation keepImages = new RequiredActionConfigRepresentation();
        keepImages.setConfig(Map.of("ekyc-keep-images", "true"));
        adminA.realm(REALM).flows().updateRequiredActionConfig(EkycJourney.REQUIRED_ACTION, keepImages);
        TestUser user = TestUsers.create(adminA, REALM, "cluster-ekyc", Map.of());
        AuthenticatorApp phone = OtpJourney.enrolled(cluster.a().baseUrl(), REALM, user.username());
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, cluster.a().baseUrl(), REALM)
                    .start(Map.of("kc_action", EkycJourney.REQUIRED_ACTION))
                    .password(user.username());
            journey.otp().enter(phone.nextCode());
            EkycJourney.sendHongsId(browser, new EkycPage.IdPage(browser))
                    .verifyWithSelfie(EkycGateway.image(TestImages.SELFIE_HONG));
            assertThat(journey.finish().status()).isEqualTo(200);
        } finally {
            adminA.realm(REALM).flows().removeRequiredActionConfig(EkycJourney.REQUIRED_ACTION);
        }

        // on node B, through PostgreSQL: the sealed images and names written on node A, read by the viewer role
        String viewer = EkycJourney.viewerToken(cluster.b().baseUrl(), adminB.realm(REALM), REALM);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        String id = json.readTree(
                        AdminApi.get(cluster.b().baseUrl(), REALM, "/ciamkit-ekyc/records?user=" + user.id(), viewer)
                                .body())
                .get(0)
                .path("id")
                .asText();
        var record = json.readTree(AdminApi.get(cluster.b().baseUrl(), REALM, "/ciamkit-ekyc/records/" + id, viewer)
                .body());
        assertThat(record.path("images")).hasSize(2);
        assertThat(record.path("person").path("familyName").asText()).isEqualTo("홍");
        assertThat(record.path("maskedIdNumber").asText()).isEqualTo("900101-1******");

        // both nodes purge at once once the images' retention ends: the cluster lock lets each image go exactly once
        RealmRepresentation retention = adminA.realm(REALM).toRepresentation();
        retention.getAttributes().put("ciamkit.ekyc.retention.images-seconds", "1");
        adminA.realm(REALM).update(retention);
        Thread.sleep(1_100);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> onA =
                    both.submit(() -> AdminApi.post(cluster.a().baseUrl(), adminA, REALM, "/ciamkit-ekyc/purge"));
            Future<HttpResponse<String>> onB =
                    both.submit(() -> AdminApi.post(cluster.b().baseUrl(), adminB, REALM, "/ciamkit-ekyc/purge"));
            List<HttpResponse<String>> answers = List.of(onA.get(30, TimeUnit.SECONDS), onB.get(30, TimeUnit.SECONDS));
            assertThat(answers)
                    .extracting(HttpResponse::statusCode)
                    .allMatch(s -> s == 200 || s == 409)
                    .contains(200);
            int purged = 0;
            for (HttpResponse<String> answer : answers) {
                if (answer.statusCode() == 200) {
                    purged += json.readTree(answer.body()).path("images").asInt();
                }
            }
            assertThat(purged).as("each image purged by one node only").isEqualTo(2);
        } finally {
            both.shutdownNow();
            retention.getAttributes().remove("ciamkit.ekyc.retention.images-seconds");
            adminA.realm(REALM).update(retention);
        }
        // the viewer's token was issued by node B (its issuer is B's address)
        var purgedRecord =
                json.readTree(AdminApi.get(cluster.b().baseUrl(), REALM, "/ciamkit-ekyc/records/" + id, viewer)
                        .body());
        assertThat(purgedRecord.path("status").asText()).isEqualTo("VERIFIED");
        assertThat(purgedRecord.path("images").isArray()).isTrue();
        assertThat(purgedRecord.path("images")).isEmpty();
    }

    private static void signIn(ClusterNode node, TestUser user, String code) throws Exception {
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey =
                    new OtpJourney(browser, node.baseUrl(), REALM).start().password(user.username());
            journey.otp().enter(code);
            assertThat(journey.finish().status()).isEqualTo(200);
        }
    }

    /** The OTP page's error after the right password and the given code on the node. */
    private static String refused(ClusterNode node, TestUser user, String code) throws Exception {
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey =
                    new OtpJourney(browser, node.baseUrl(), REALM).start().password(user.username());
            journey.otp().enter(code);
            return new OtpLoginPage(browser).error();
        }
    }

    @Test
    void admin_events_on_both_nodes_at_once_make_one_intact_audit_chain() throws Exception {
        // both nodes write records at the same time, and both nodes' linkers run: one chain, no fork, nothing lost
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<TestUser>> created = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Keycloak admin = i % 2 == 0 ? adminA : adminB;
            created.add(pool.submit(() -> TestUsers.create(admin, REALM, "cluster-audit", Map.of())));
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (java.util.concurrent.Future<TestUser> f : created) {
            ids.add(f.get().id());
        }
        pool.shutdown();
        assertThat(AdminApi.post(cluster.b().baseUrl(), adminB, REALM, "/ciamkit-audit/link")
                        .statusCode())
                .isEqualTo(200);
        assertThat(AdminApi.post(cluster.a().baseUrl(), adminA, REALM, "/ciamkit-audit/link")
                        .statusCode())
                .isEqualTo(200);

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var verification = json.readTree(AdminApi.get(cluster.a().baseUrl(), adminA, REALM, "/ciamkit-audit/verify")
                .body());
        assertThat(verification.path("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        java.util.Set<String> audited = new java.util.HashSet<>();
        long from = 1;
        while (true) {
            var page = json.readTree(AdminApi.get(
                                    cluster.b().baseUrl(),
                                    adminB,
                                    REALM,
                                    "/ciamkit-audit/records?max=500&fromSeq=" + from)
                            .body())
                    .path("records");
            page.forEach(r -> {
                if (r.path("type").asText().equals("CREATE:USER")) {
                    String path = r.path("body").asText();
                    ids.stream().filter(path::contains).forEach(audited::add);
                }
            });
            if (page.size() < 500) {
                break;
            }
            from = page.get(page.size() - 1).path("seq").asLong() + 1;
        }
        assertThat(audited)
                .as("every user creation on either node is in the chain")
                .isEqualTo(ids);
    }

    @Test
    void an_audit_record_postgresql_refuses_never_fails_the_request_it_records() throws Exception {
        // the success record is inserted in the request's transaction; PostgreSQL aborts a transaction at its first
        // failed statement, so without the savepoint around the insert a refused record would fail the admin's request
        String realmId = adminA.realm(REALM).toRepresentation().getId();
        ServerMetrics before = ServerMetrics.read(cluster.a().managementUrl());
        TestUser created;
        try (Connection db = cluster.database().connect();
                java.sql.Statement ddl = db.createStatement()) {
            // NOT VALID: only rows written from now on are checked
            ddl.execute("ALTER TABLE CIAMKIT_AUDIT_RECORD ADD CONSTRAINT CIAMKIT_IT_REFUSE CHECK"
                    + " (EVENT_TYPE <> 'CREATE:USER' OR REALM_ID <> '" + realmId + "') NOT VALID");
            try {
                created = TestUsers.create(adminA, REALM, "audit-refused", Map.of());
            } finally {
                ddl.execute("ALTER TABLE CIAMKIT_AUDIT_RECORD DROP CONSTRAINT CIAMKIT_IT_REFUSE");
            }
        }
        assertThat(adminB.realm(REALM)
                        .users()
                        .get(created.id())
                        .toRepresentation()
                        .getUsername())
                .as("the user the refused record was about exists")
                .isEqualTo(created.username());
        assertThat(ServerMetrics.read(cluster.a().managementUrl())
                        .increase(before, "ciamkit_audit_append_failures_total", Map.of()))
                .as("the lost record is counted")
                .isGreaterThanOrEqualTo(1);
    }

    /** Last: it kills node B. */
    @Test
    @Order(Integer.MAX_VALUE)
    void a_node_killed_mid_delivery_loses_no_audit_record_and_the_other_node_delivers_in_order() throws Exception {
        String realmId = adminA.realm(REALM).toRepresentation().getId();
        String a = cluster.a().baseUrl();
        awaitExported(realmId, lastLinked(a), () -> {});

        // B (the node that delivers on its own) posts the next batch; the receiver holds it unanswered, B is killed
        java.util.concurrent.CountDownLatch arrived = webhook.holdNext();
        for (int i = 0; i < 5; i++) {
            TestUsers.create(adminA, REALM, "cluster-kill", Map.of());
        }
        long last = lastLinked(a);
        assertThat(arrived.await(30, java.util.concurrent.TimeUnit.SECONDS))
                .as("node B posts a delivery")
                .isTrue();
        cluster.b().kill();
        webhook.releaseHeld();

        // A goes on once B's delivery lock has lapsed: every record arrives, first arrivals in order, no gap
        awaitExported(realmId, last, () -> AdminApi.post(a, adminA, REALM, "/ciamkit-audit/export"));
        List<com.fasterxml.jackson.databind.JsonNode> received = webhook.records(realmId);
        java.util.Map<Long, String> firstArrival = new java.util.LinkedHashMap<>();
        for (var r : received) {
            String before = firstArrival.putIfAbsent(r.path("seq").asLong(), r.toString());
            if (before != null) {
                assertThat(r.toString())
                        .as("a re-sent record is the same record")
                        .isEqualTo(before);
            }
        }
        List<Long> order = List.copyOf(firstArrival.keySet());
        assertThat(order.subList(0, (int) last))
                .as("first arrivals 1..%d in order", last)
                .isEqualTo(
                        java.util.stream.LongStream.rangeClosed(1, last).boxed().toList());
    }

    /** Links what is waiting on the node and returns the realm's last record number. */
    private static long lastLinked(String node) throws Exception {
        assertThat(AdminApi.post(node, adminA, REALM, "/ciamkit-audit/link").statusCode())
                .isEqualTo(200);
        var verification = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(AdminApi.get(node, adminA, REALM, "/ciamkit-audit/verify")
                        .body());
        assertThat(verification.path("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        return verification.path("lastSeq").asLong();
    }

    /** Polls until the receiver holds every record number from 1 to {@code last}, doing {@code nudge} each round. */
    private static void awaitExported(String realmId, long last, ThrowingRunnable nudge) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            java.util.Set<Long> seqs = new java.util.HashSet<>();
            webhook.records(realmId).forEach(r -> seqs.add(r.path("seq").asLong()));
            long missing = java.util.stream.LongStream.rangeClosed(1, last)
                    .filter(n -> !seqs.contains(n))
                    .count();
            if (missing == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(missing + " of records 1.." + last + " never reached the receiver");
            }
            nudge.run();
            Thread.sleep(500);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void bruteForce(int failureFactor) {
        RealmRepresentation settings = new RealmRepresentation();
        settings.setBruteForceProtected(true);
        settings.setPermanentLockout(false);
        settings.setFailureFactor(failureFactor);
        settings.setQuickLoginCheckMilliSeconds(0L);
        settings.setMinimumQuickLoginWaitSeconds(0);
        adminA.realm(REALM).update(settings);
    }

    private static List<EventRepresentation> events(TestUser user, String type) {
        return adminB.realm(REALM).getEvents(List.of(type), null, user.id(), null, null, null, 0, 200);
    }

    /** Error events are stored when the refused request ends: poll until the count is reached. */
    private static void awaitEvents(TestUser user, String error, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (events(user, "LOGIN_ERROR").stream()
                        .filter(e -> error.equals(e.getError()))
                        .count()
                < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("fewer than " + count + " LOGIN_ERROR events with error " + error);
            }
            Thread.sleep(200);
        }
    }

    private static int numFailures(Map<String, Object> state) {
        return ((Number) state.getOrDefault("numFailures", 0)).intValue();
    }

    /** Keycloak's protector counts asynchronously, in a transaction of its own: poll, then fail with the last state. */
    private static Map<String, Object> awaitBruteForce(
            Keycloak admin, TestUser user, Predicate<Map<String, Object>> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        Map<String, Object> state = admin.realm(REALM).attackDetection().bruteForceUserStatus(user.id());
        while (!condition.test(state)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("brute-force state never reached the expected value; last: " + state);
            }
            Thread.sleep(200);
            state = admin.realm(REALM).attackDetection().bruteForceUserStatus(user.id());
        }
        return state;
    }
}
