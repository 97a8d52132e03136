package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestUsers;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/** The registration report and the per-user reset, through Keycloak's admin permissions and admin events. */
@ExtendWith(KeycloakServerExtension.class)
class OtpAdminReportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Keycloak admin;
    private static TestUser user;

    @BeforeAll
    static void enrolOneUser() throws Exception {
        admin = Admin.client();
        user = TestUsers.create(admin, "report");
        OtpJourney.enrolled(user.username());
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void the_summary_counts_devices_by_algorithm_period_and_state() throws Exception {
        JsonNode summary = json(AdminApi.get(admin, "/ciamkit-otp/summary"));

        assertThat(summary.get("users").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.get("devices").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.at("/byAlgorithm/SHA1").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.at("/byPeriod/30s").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.at("/byState/active").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void the_list_finds_the_user_with_their_device_and_never_a_seed() throws Exception {
        HttpResponse<String> response = AdminApi.get(admin, "/ciamkit-otp/registrations?search=" + user.username());
        JsonNode page = json(response);

        assertThat(page.get("total").asInt()).isEqualTo(1);
        JsonNode device = page.at("/users/0/devices/0");
        assertThat(page.at("/users/0/username").asText()).isEqualTo(user.username());
        assertThat(device.get("label").asText()).isEqualTo("Phone");
        assertThat(device.get("algorithm").asText()).isEqualTo("SHA1");
        assertThat(device.get("locked").asBoolean()).isFalse();
        assertThat(device.get("created").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("ck1.").doesNotContain("secret");
    }

    @Test
    void the_csv_export_has_a_header_and_a_line_per_device() throws Exception {
        HttpResponse<String> csv = AdminApi.get(admin, "/ciamkit-otp/registrations.csv?search=" + user.username());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("username,user_id,device_id,label,type,algorithm");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .startsWith(user.username() + "," + user.id() + ",")
                .contains(",Phone,TOTP,SHA1,6,30,");
    }

    @Test
    void a_caller_without_view_users_is_refused() throws Exception {
        String token = Oidc.clientCredentials(Oidc.API_CLIENT, Oidc.API_SECRET)
                .body()
                .get("access_token")
                .asText();

        assertThat(AdminApi.get("/ciamkit-otp/summary", token).statusCode()).isEqualTo(403);
        assertThat(AdminApi.get("/ciamkit-otp/registrations.csv", token).statusCode())
                .isEqualTo(403);
    }

    @Test
    void every_read_of_the_registrations_is_an_admin_event_with_the_rows_read() throws Exception {
        json(AdminApi.get(admin, "/ciamkit-otp/registrations?search=" + user.username()));
        assertThat(admin.realm(Oidc.REALM).getAdminEvents())
                .as("Keycloak emits no event for reads; the report does, so the trail and the bulk-read rule see it")
                .anySatisfy(event -> {
                    assertThat(event.getResourcePath()).contains("ciamkit-otp/registrations");
                    assertThat(event.getDetails()).containsEntry("ciamkit_rows", "1");
                });
    }

    @Test
    void reset_removes_every_device_signs_the_user_out_and_is_an_admin_event() throws Exception {
        TestUser other = TestUsers.create(admin, "reset");
        OtpJourney.enrolled(other.username());
        assertThat(admin.realm(Oidc.REALM).users().get(other.id()).getUserSessions())
                .as("the enrolment's login")
                .isNotEmpty();

        assertThat(AdminApi.delete(admin, "/ciamkit-otp/users/" + other.id() + "/devices")
                        .statusCode())
                .isEqualTo(204);

        assertThat(TestUsers.devices(admin, other)).isEmpty();
        assertThat(admin.realm(Oidc.REALM).users().get(other.id()).getUserSessions())
                .as("a stolen phone's sessions end with the reset")
                .isEmpty();
        assertThat(admin.realm(Oidc.REALM).getAdminEvents())
                .anySatisfy(event -> assertThat(event.getResourcePath()).contains("ciamkit-otp/users/" + other.id()));
        assertThat(AdminApi.delete(admin, "/ciamkit-otp/users/no-such-user/devices")
                        .statusCode())
                .isEqualTo(404);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
