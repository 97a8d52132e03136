package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.SiemReceivers;
import dev.ciamkit.it.support.TestRealm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/**
 * The audit trail's SIEM export on the assembled server, to real receivers on the ports its sink options name: syslog
 * (RFC 5424, octet-counted, over TCP) and the signed JSON-lines webhook. Both go down and come back; nothing is
 * missing, order holds, a syslog duplicate carries the same number and content, and every webhook request verifies.
 */
@ExtendWith(KeycloakServerExtension.class)
class AuditExportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Keycloak admin;
    private static TestRealm realm;
    private static String realmId;
    private static SiemReceivers.Syslog syslog;
    private static SiemReceivers.Webhook webhook;

    @BeforeAll
    static void start() throws Exception {
        admin = Admin.client();
        syslog = new SiemReceivers.Syslog();
        syslog.start();
        webhook = new SiemReceivers.Webhook();
        webhook.start();
        realm = TestRealm.create(admin, "audit-export");
        realmId = realm.resource().toRepresentation().getId();
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
    void both_receivers_go_down_and_come_back_and_miss_nothing() throws Exception {
        // before the outage
        for (int i = 0; i < 5; i++) {
            realm.createUser("export-before");
        }
        long head = link();
        awaitDelivered(head);

        // both down: syslog closes its connections and refuses new ones, the webhook answers 503
        syslog.stop();
        webhook.down(true);
        for (int i = 0; i < 7; i++) {
            realm.createUser("export-during");
        }
        long during = link();
        assertThat(during).isGreaterThan(head);
        export();
        export();
        await(() -> exportBacklog("syslog") >= during - head && exportBacklog("webhook") >= during - head);

        // back on the same port
        syslog.start();
        webhook.down(false);
        for (int i = 0; i < 3; i++) {
            realm.createUser("export-after");
        }
        long last = link();
        awaitDelivered(last);

        // syslog: every number from 1, first arrivals in order, a duplicate is the same record
        List<SiemReceivers.Frame> frames = syslog.frames(realmId);
        Map<Long, String> firstSeen = new LinkedHashMap<>();
        for (SiemReceivers.Frame f : frames) {
            if (f.seq() > last) {
                continue; // the records of this test's own admin calls, linked since
            }
            String before = firstSeen.putIfAbsent(f.seq(), f.message());
            if (before != null) {
                assertThat(body(f.message()))
                        .as("a re-sent record is the same record")
                        .isEqualTo(body(before));
            }
        }
        assertThat(firstSeen.keySet())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, last).boxed().toList());
        assertThat(syslog.sawMalformed())
                .as("every frame one well-formed RFC 5424 message")
                .isFalse();

        // webhook: exactly in order, every request signed
        List<Long> seqs = webhook.records(realmId).stream()
                .map(r -> r.path("seq").asLong())
                .filter(seq -> seq <= last)
                .toList();
        assertThat(seqs)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, last).boxed().toList());
        assertThat(webhook.sawBadSignature()).isFalse();
    }

    @Test
    void a_webhook_that_takes_part_of_a_range_gets_the_rest_and_nothing_twice(KeycloakServer server) throws Exception {
        long head = link();
        awaitDelivered(head);
        webhook.down(true);
        // one request, one transaction: its nine records are linked together, into one range
        StringBuilder users = new StringBuilder("{\"ifResourceExists\":\"FAIL\",\"users\":[");
        for (int i = 0; i < 9; i++) {
            users.append(i == 0 ? "" : ",")
                    .append("{\"username\":\"export-range-")
                    .append(i)
                    .append("\",\"enabled\":true}");
        }
        assertThat(AdminApi.partialImport(
                                admin, realm.name(), users.append("]}").toString())
                        .statusCode())
                .isEqualTo(200);
        long last = link();
        List<long[]> ranges = webhookRanges(server);
        long[] imported = ranges.stream()
                .filter(r -> r[1] - r[0] >= 8)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no range of the nine records: " + ranges));
        // the webhook takes requests of WEBHOOK_MAX_BATCH records from the first one waiting: let the last one it
        // takes end inside the imported range, then it answers 503
        long first = ranges.get(0)[0];
        int batch = SiemReceivers.WEBHOOK_MAX_BATCH;
        int taken = (int) ((imported[0] - first) / batch + 1);
        long through = first + (long) taken * batch - 1;
        assertThat(through).isBetween(imported[0], imported[1] - 1);
        webhook.downAfter(taken, realmId);
        await(() ->
                webhook.records(realmId).stream().anyMatch(r -> r.path("seq").asLong() == through));
        await(() -> webhookRanges(server).get(0)[0] == through + 1);
        assertThat(webhookRanges(server).get(0))
                .as("the message keeps what the webhook did not acknowledge")
                .containsExactly(through + 1, imported[1]);
        // the gauge, refreshed every second, counts records: from the first not acknowledged on
        await(() -> exportBacklog("webhook") >= last - through);

        webhook.down(false);
        awaitDelivered(last);
        List<Long> seqs = webhook.records(realmId).stream()
                .map(r -> r.path("seq").asLong())
                .filter(seq -> seq > head && seq <= last)
                .toList();
        assertThat(seqs)
                .as("the records the webhook acknowledged are not sent again, the rest follows in order")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(head + 1, last).boxed().toList());
        // without nudging: each POST export is itself a record, to be linked and exported
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (exportBacklog("webhook") != 0) {
            assertThat(Instant.now()).as("the export backlog returns to 0").isBefore(deadline);
            Thread.sleep(300);
        }
    }

    /** The ranges waiting in the webhook's outbox stream of the test realm, in order. */
    private static List<long[]> webhookRanges(KeycloakServer server) {
        try (Connection db = server.database().connect();
                PreparedStatement q = db.prepareStatement("SELECT PAYLOAD FROM CIAMKIT_OUTBOX WHERE REALM_ID = ?"
                        + " AND TOPIC = 'ciamkit-audit-range:webhook' ORDER BY ORDER_KEY, ID")) {
            q.setString(1, realmId);
            List<long[]> ranges = new java.util.ArrayList<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    String[] bounds =
                            rows.getString(1).substring("seq:".length()).split("-");
                    ranges.add(new long[] {Long.parseLong(bounds[0]), Long.parseLong(bounds[1])});
                }
            }
            return ranges.isEmpty() ? List.of(new long[] {Long.MAX_VALUE, Long.MAX_VALUE}) : ranges;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(String syslogMessage) {
        return syslogMessage.substring(syslogMessage.indexOf('{'));
    }

    /** Links waiting records; returns the realm's last number. */
    private static long link() throws Exception {
        assertThat(AdminApi.post(admin, realm.name(), "/ciamkit-audit/link").statusCode())
                .isEqualTo(200);
        HttpResponse<String> verify = AdminApi.get(admin, realm.name(), "/ciamkit-audit/verify");
        JsonNode result = JSON.readTree(verify.body());
        assertThat(result.path("intact").asBoolean()).as(verify.body()).isTrue();
        return result.path("lastSeq").asLong();
    }

    private static void export() throws Exception {
        assertThat(AdminApi.post(admin, realm.name(), "/ciamkit-audit/export").statusCode())
                .isEqualTo(200);
    }

    private static void awaitDelivered(long seq) throws Exception {
        await(() -> syslog.frames(realmId).stream().anyMatch(f -> f.seq() == seq)
                && webhook.records(realmId).stream().anyMatch(r -> r.path("seq").asLong() == seq));
    }

    private static void await(BooleanSupplier condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the receivers did not get the records in time; syslog "
                        + syslog.frames(realmId).size() + ", webhook "
                        + webhook.records(realmId).size());
            }
            export();
            Thread.sleep(300);
        }
    }

    /** The records not yet delivered to a sink, from the metrics endpoint (-1 when the series is absent). */
    private static double exportBacklog(String sink) {
        try {
            return metrics()
                    .filter(l -> l.startsWith("ciamkit_audit_export_backlog{") && l.contains("sink=\"" + sink + "\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .findFirst()
                    .orElse(-1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.stream.Stream<String> metrics() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(KeycloakServer.MANAGEMENT_URL + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .lines();
    }
}
