package dev.ciamkit.otp.admin;

import dev.ciamkit.otp.credential.DeviceHistory;
import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import dev.ciamkit.otp.store.DeviceStateMigration;
import dev.ciamkit.otp.store.DeviceStates;
import dev.ciamkit.otp.store.OtpDeviceStateEntity;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ClientErrorException;
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
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/ciamkit-otp}: who has registered a mobile-OTP device. Reading needs view-users; unlock
 * and reset need manage-users on the user and are recorded as admin events.
 */
public final class OtpAdminResource {

    /** The most users one page of the list may hold. */
    static final int MAX_PAGE = 500;

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
        RegistrationQuery query = query(null, null);
        EntityManager em = RegistrationQuery.em(session);
        long devices = query.countDevices(em);
        long locked = query.countLocked(em);
        Map<String, Long> byState = new TreeMap<>();
        if (devices > locked) {
            byState.put("active", devices - locked);
        }
        if (locked > 0) {
            byState.put("locked", locked);
        }
        Map<String, Long> byPeriod = new TreeMap<>();
        for (Object[] r : query.countBy(em, "d.type, d.period")) {
            String key = "TOTP".equals(r[0]) ? r[1] + "s" : "event";
            byPeriod.merge(key, (Long) r[2], Long::sum);
        }
        recordRead("summary", -1);
        return new Summary(
                query.countUsers(em),
                devices,
                grouped(query.countBy(em, "d.type")),
                grouped(query.countBy(em, "d.algorithm")),
                byPeriod,
                byState);
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
        RegistrationQuery query = query(search, state);
        EntityManager em = RegistrationQuery.em(session);
        int from = Math.max(0, first);
        int size = Math.max(1, Math.min(max, MAX_PAGE));
        long total = query.countUsers(em);
        Map<String, List<DeviceRow>> byUser = query.devicesOf(em, query.userPage(em, from, size)).stream()
                .collect(Collectors.groupingBy(DeviceRow::userId, LinkedHashMap::new, Collectors.toList()));
        List<UserRegistrations> users = byUser.values().stream()
                .map(devices -> new UserRegistrations(
                        devices.get(0).userId(), devices.get(0).username(), devices))
                .toList();
        recordRead("registrations", users.size());
        return new Page((int) Math.min(total, Integer.MAX_VALUE), from, size, users);
    }

    @GET
    @Path("registrations.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("search") String search, @QueryParam("state") String state) {
        auth.users().requireView();
        RegistrationQuery query = query(search, state);
        // the download holds every matching user: counted as read before it streams
        recordRead("registrations.csv", query.countUsers(RegistrationQuery.em(session)));
        CsvExport export = new CsvExport(session.getKeycloakSessionFactory(), query, CSV_HEADER);
        return Response.ok(export, "text/csv; charset=UTF-8")
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
        MobileOtpCredentialModel device = MobileOtpCredentialModel.read(stored)
                .orElseThrow(() -> new ClientErrorException(
                        "The device's stored data cannot be read: remove the device and let the user enrol again",
                        Response.Status.CONFLICT));
        DeviceStateMigration.ensureRow(session.getKeycloakSessionFactory(), user.getId(), device);
        OtpDeviceStateEntity row = new DeviceStates(session).lock(credentialId);
        if (row == null) {
            throw new NotFoundException("No such device");
        }
        DeviceStates.write(row, DeviceStates.current(device.data(), row).unlocked());
        adminEvent
                .operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri())
                .success();
        return Response.noContent().build();
    }

    /**
     * Removes every device of the user and allows one re-enrolment: the login flow sends them to enrolment next time.
     * This is the user's way back when the last device is gone; no password-only login gets there by itself. The
     * user is signed out everywhere (sessions and offline tokens), as after a lost phone.
     */
    @DELETE
    @Path("users/{userId}/devices")
    public Response reset(@PathParam("userId") String userId) {
        UserModel user = managedUser(userId);
        List<String> ids = user.credentialManager()
                .getStoredCredentialsByTypeStream(MobileOtpCredentialModel.TYPE)
                .map(CredentialModel::getId)
                .toList();
        ids.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        DeviceHistory.allowReEnrolment(user);
        // A lost or stolen phone: whoever holds one of the user's sessions or offline tokens keeps nothing.
        session.sessions()
                .getUserSessionsStream(realm, user)
                .toList()
                .forEach(userSession -> AuthenticationManager.backchannelLogout(session, userSession, true));
        UserSessionManager offline = new UserSessionManager(session);
        session.sessions()
                .getOfflineUserSessionsStream(realm, user)
                .toList()
                .forEach(offline::revokeOfflineUserSession);
        // and tokens issued before now, from sessions of any kind, are refused (as Keycloak's own "Sign out" does)
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
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

    private RegistrationQuery query(String search, String state) {
        return new RegistrationQuery(realm.getId(), search, state, Time.currentTime());
    }

    private static Map<String, Long> grouped(List<Object[]> rows) {
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(String.valueOf(r[0]), (Long) r[1], Long::sum));
        return counts;
    }

    /**
     * Keycloak emits no admin event for reads; ours does, with the rows read, so the trail shows who looked at whose
     * registrations and the audit's bulk-read rule counts them.
     */
    private void recordRead(String what, long rows) {
        AdminEventBuilder event = adminEvent
                .operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri())
                .detail("ciamkit_report", what);
        if (rows >= 0) {
            event.detail("ciamkit_rows", Long.toString(rows));
        }
        event.success();
    }
}
