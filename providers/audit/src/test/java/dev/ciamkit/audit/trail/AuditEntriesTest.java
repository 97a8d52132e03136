package dev.ciamkit.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;

class AuditEntriesTest {

    private static Event login(Map<String, String> details) {
        Event e = new Event();
        e.setType(EventType.LOGIN_ERROR);
        e.setRealmId("realm-1");
        e.setTime(1_700_000_000_000L);
        e.setUserId("user-1");
        e.setClientId("app");
        e.setIpAddress("203.0.113.100");
        e.setError("invalid_user_credentials");
        e.setDetails(details);
        return e;
    }

    @Test
    void secrets_never_enter_a_record_and_identifiers_are_masked() throws Exception {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ciamkit_otp", "123456");
        details.put("pin", "9876");
        details.put("code", "abc");
        details.put("id_token", "eyJ...");
        details.put("seed", "JBSWY3DPEHPK3PXP");
        details.put("username", "kim.minji@example.co.kr");
        details.put("phone", "+82 10-1234-5678");
        details.put("note", "RRN 900101-1234567 given");
        details.put("code_id", "auth-session-1");
        details.put("redirect_uri", "https://app.example/cb?code=secret#frag");
        AuditEntry entry = AuditEntries.of("id-1", login(details));
        assertThat(entry.body())
                .doesNotContain(
                        "123456", "9876", "eyJ", "JBSWY3DPEHPK3PXP", "kim.minji", "1234-5678", "1234567", "code=secret")
                .contains("k***@example.co.kr", "5678", "900101-1******", "auth-session-1", "https://app.example/cb")
                // the client address is what a reviewer needs: kept whole
                .contains("203.0.113.100");
        JsonNode body = new ObjectMapper().readTree(entry.body());
        assertThat(body.path("details").path("pin").asText()).isEqualTo("[removed]");
        assertThat(entry.outcome()).isEqualTo("failure");
        assertThat(entry.eventType()).isEqualTo("LOGIN_ERROR");
    }

    @Test
    void profile_changes_names_and_numbers_that_are_not_phone_numbers() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("previous_passport", "M12345678");
        details.put("updated_passport", "M87654321");
        details.put("first_name", "Minji");
        details.put("not_before", "1764057600");
        details.put("timestamp_ms", "1764057600000");
        details.put("forwarded_for", "203.0.113.100");
        details.put("mobile", "010-1234-5678");
        details.put("redirect_uri", "https://user:pa55word@app.example/cb?code=x");
        AuditEntry entry = AuditEntries.of("id-1", login(details));
        assertThat(entry.body())
                .doesNotContain("M12345678", "M87654321", "Minji", "pa55word", "010-1234")
                .contains(
                        "[changed]",
                        "M***",
                        "\"1764057600\"",
                        "\"1764057600000\"",
                        "203.0.113.100",
                        "*******5678",
                        "https://app.example/cb");
    }

    @Test
    void what_an_unknown_user_typed_is_kept_as_its_first_letter() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("username", "Secret-Password-typed-in-the-wrong-field");
        Event event = login(details);
        event.setUserId(null);
        assertThat(AuditEntries.of("id-1", event).body())
                .doesNotContain("Password")
                .contains("S***");
    }

    @Test
    void a_client_id_or_address_a_request_sent_never_breaks_the_row() {
        Event event = login(Map.of());
        event.setClientId("app\u0000\r\n" + "\u0001".repeat(300));
        event.setIpAddress("\u0000".repeat(300));
        event.setError("\"".repeat(300));
        AuditEntry entry = AuditEntries.of("id-1", event);
        assertThat(entry.clientId())
                .doesNotContain("\u0000", "\r", "\n", "\u0001")
                .hasSizeLessThanOrEqualTo(255);
        assertThat(entry.ipAddress()).doesNotContain("\u0000");
        assertThat(entry.body()).hasSizeLessThanOrEqualTo(AuditEntries.MAX_BODY);
    }

    @Test
    void the_body_is_canonical_sorted_keys_no_whitespace_same_bytes_each_time() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("z", "1");
        a.put("a", "2");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("a", "2");
        b.put("z", "1");
        String first = AuditEntries.of("id-1", login(a)).body();
        assertThat(first).isEqualTo(AuditEntries.of("id-1", login(b)).body());
        assertThat(first)
                .doesNotContain(" ", "\n")
                .startsWith("{\"client\":\"app\",\"details\":{\"a\":\"2\",\"z\":\"1\"}");
    }

    @Test
    void hostile_values_stay_inside_one_json_string_and_the_body_is_bounded() throws Exception {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("username", "evil\r\nCEF:0|x|y|\u0000\u202e]\"\\=");
        for (int i = 0; i < 200; i++) {
            details.put("k" + i, "v".repeat(10_000));
        }
        AuditEntry entry = AuditEntries.of("id-1", login(details));
        assertThat(entry.body()).doesNotContain("\r", "\n", "\u0000").hasSizeLessThanOrEqualTo(AuditEntries.MAX_BODY);
        assertThat(new ObjectMapper().readTree(entry.body()).path("truncated").asText())
                .isEqualTo("details");
    }

    @Test
    void admin_events_keep_the_path_and_the_actor_never_the_representation() {
        AdminEvent e = new AdminEvent();
        e.setRealmId("realm-1");
        e.setTime(1L);
        e.setOperationType(OperationType.UPDATE);
        e.setResourceTypeAsString("USER");
        e.setResourcePath("users/u-1");
        e.setRepresentation("{\"credentials\":[{\"value\":\"Secret123\"}]}");
        AuthDetails auth = new AuthDetails();
        auth.setRealmId("master");
        auth.setUserId("admin-1");
        auth.setClientId("admin-cli");
        auth.setIpAddress("198.51.100.7");
        e.setAuthDetails(auth);
        AuditEntry entry = AuditEntries.of("id-2", e);
        assertThat(entry.eventType()).isEqualTo("UPDATE:USER");
        assertThat(entry.kind()).isEqualTo(AuditEntries.ADMIN);
        assertThat(entry.body())
                .contains("users/u-1", "admin-1", "198.51.100.7")
                .doesNotContain("Secret123");
    }
}
