package dev.ciamkit.otp.admin;

import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/ciamkit-otp}: who has registered a mobile-OTP device. Reading needs view-users; unlock
 * and reset need manage-users on the user and are recorded as admin events.
 */
public final class OtpAdminResource {

    private static final List<String> CSV_HEADER = List.of(
            "username",
            "user_id",
            "device_id",
            "label",
            "type",
            "algorithm",
            "digits",
            "period",
            "created",
            "last_used",
            "state",
            "locked_until",
            "failures");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    OtpAdminResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder event) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = event.resource(ResourceType.USER);
    }

    public record Summary(
            long users,
            long devices,
            Map<String, Long> byType,
            Map<String, Long> byAlgorithm,
            Map<String, Long> byPeriod,
            Map<String, Long> byState) {}

    public record UserRegistrations(String userId, String username, List<DeviceRow> devices) {}

    public record Page(int total, int first, int max, List<UserRegistrations> users) {}

    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    public Summary summary() {
        auth.users().requireView();
        List<DeviceRow> rows = RegistrationQuery.rows(session, realm, null, null);
        return new Summary(
                rows.stream().map(DeviceRow::userId).distinct().count(),
                rows.size(),
                count(rows, DeviceRow::type),
                count(rows, DeviceRow::algorithm),
                count(rows, r -> r.type().equals("TOTP") ? r.period() + "s" : "event"),
                count(rows, DeviceRow::state));
    }

    @GET
    @Path("registrations")
    @Produces(MediaType.APPLICATION_JSON)
    public Page registrations(
            @QueryParam("search") String search,
            @QueryParam("state") String state,
            @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        auth.users().requireView();
        Map<String, List<DeviceRow>> byUser = RegistrationQuery.rows(session, realm, search, state).stream()
                .collect(Collectors.groupingBy(DeviceRow::userId, LinkedHashMap::new, Collectors.toList()));
        List<UserRegistrations> users = byUser.values().stream()
                .map(devices -> new UserRegistrations(
                        devices.get(0).userId(), devices.get(0).username(), devices))
                .toList();
        int from = Math.max(0, Math.min(first, users.size()));
        int size = Math.max(1, Math.min(max, 500));
        return new Page(users.size(), from, size, users.subList(from, Math.min(users.size(), from + size)));
    }

    @GET
    @Path("registrations.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("search") String search, @QueryParam("state") String state) {
        auth.users().requireView();
        StringBuilder csv = new StringBuilder(Csv.line(CSV_HEADER));
        for (DeviceRow r : RegistrationQuery.rows(session, realm, search, state)) {
            csv.append(Csv.line(List.of(
                    r.username(),
                    r.userId(),
                    r.credentialId(),
                    r.label(),
                    r.type(),
                    r.algorithm(),
                    r.digits(),
                    r.period(),
                    nullToEmpty(r.created()),
                    nullToEmpty(r.lastUsed()),
                    r.state(),
                    nullToEmpty(r.lockedUntil()),
                    r.failures())));
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"mobile-otp-registrations-" + realm.getName() + ".csv\"")
                .build();
    }

    @POST
    @Path("users/{userId}/devices/{credentialId}/unlock")
    public Response unlock(@PathParam("userId") String userId, @PathParam("credentialId") String credentialId) {
        UserModel user = managedUser(userId);
        CredentialModel stored = user.credentialManager().getStoredCredentialById(credentialId);
        if (stored == null || !MobileOtpCredentialModel.TYPE.equals(stored.getType())) {
            throw new NotFoundException("No such device");
        }
        MobileOtpCredentialModel device = MobileOtpCredentialModel.from(stored);
        user.credentialManager()
                .updateStoredCredential(device.with(device.data().unlocked()));
        adminEvent
                .operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri())
                .success();
        return Response.noContent().build();
    }

    /** Removes every device of the user; the login flow sends them to enrolment next time. */
    @DELETE
    @Path("users/{userId}/devices")
    public Response reset(@PathParam("userId") String userId) {
        UserModel user = managedUser(userId);
        List<String> ids = user.credentialManager()
                .getStoredCredentialsByTypeStream(MobileOtpCredentialModel.TYPE)
                .map(CredentialModel::getId)
                .toList();
        ids.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        adminEvent
                .operation(OperationType.DELETE)
                .resourcePath(session.getContext().getUri())
                .representation(Map.of("removedDevices", ids.size()))
                .success();
        return Response.noContent().build();
    }

    private UserModel managedUser(String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            auth.users().requireManage();
            throw new NotFoundException("No such user");
        }
        auth.users().requireManage(user);
        return user;
    }

    private static Map<String, Long> count(List<DeviceRow> rows, java.util.function.Function<DeviceRow, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
