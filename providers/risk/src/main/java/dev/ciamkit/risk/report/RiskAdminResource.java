package dev.ciamkit.risk.report;

import dev.ciamkit.risk.engine.RiskLevel;
import dev.ciamkit.risk.spi.RiskPhase;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/ciamkit-risk}: recent assessments (level, score, reasons, time, client) per user or for
 * the realm, a per-level summary, and a CSV export, newest first. Reading needs view-users, and each read is an admin
 * event (operation ACTION, resource type {@value #RESOURCE_TYPE}) naming the filter and the rows returned: who looked at
 * whose risk is itself a record.
 */
public final class RiskAdminResource {

    public static final String RESOURCE_TYPE = "CIAMKIT_RISK_REPORT";
    static final int MAX_PAGE = 500;
    static final int MAX_DAYS = 3650;
    static final List<String> CSV_HEADER =
            List.of("assessed_at", "username", "user_id", "phase", "level", "score", "reasons", "client_id", "id");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    RiskAdminResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder event) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = event.resource(RESOURCE_TYPE);
    }

    public record Summary(
            String since, long assessments, long users, Map<String, Long> byLevel, Map<String, Long> byPhase) {}

    public record Page(long total, int first, int max, List<AssessmentQuery.Row> assessments) {}

    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    public Summary summary(@QueryParam("days") @DefaultValue("30") int days) {
        auth.users().requireView();
        AssessmentQuery query = query(null, null, null, days);
        var em = RiskAssessmentLog.em(session);
        Map<String, Long> byLevel = new LinkedHashMap<>();
        Arrays.stream(RiskLevel.values()).forEach(level -> byLevel.put(level.name(), 0L));
        query.countBy(em, "level").forEach(r -> byLevel.merge(String.valueOf(r[0]), (Long) r[1], Long::sum));
        Map<String, Long> byPhase = new TreeMap<>();
        query.countBy(em, "phase").forEach(r -> byPhase.merge(String.valueOf(r[0]), (Long) r[1], Long::sum));
        Summary summary = new Summary(
                Instant.ofEpochMilli(query.since()).toString(),
                query.count(em),
                query.countUsers(em),
                byLevel,
                byPhase);
        recordRead("summary", query, summary.assessments());
        return summary;
    }

    @GET
    @Path("assessments")
    @Produces(MediaType.APPLICATION_JSON)
    public Page assessments(
            @QueryParam("user") String user,
            @QueryParam("level") String level,
            @QueryParam("phase") String phase,
            @QueryParam("days") @DefaultValue("30") int days,
            @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        auth.users().requireView();
        AssessmentQuery query = query(user, level, phase, days);
        var em = RiskAssessmentLog.em(session);
        int from = Math.max(0, first);
        int size = Math.max(1, Math.min(max, MAX_PAGE));
        Page page = new Page(query.count(em), from, size, query.page(em, from, size));
        recordRead("assessments", query, page.assessments().size());
        return page;
    }

    @GET
    @Path("assessments.csv")
    @Produces("text/csv")
    public Response csv(
            @QueryParam("user") String user,
            @QueryParam("level") String level,
            @QueryParam("phase") String phase,
            @QueryParam("days") @DefaultValue("30") int days) {
        auth.users().requireView();
        AssessmentQuery query = query(user, level, phase, days);
        recordRead("assessments.csv", query, -1);
        return Response.ok(new AssessmentCsv(session.getKeycloakSessionFactory(), query), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"risk-assessments-" + realm.getName() + ".csv\"")
                .build();
    }

    private AssessmentQuery query(String user, String level, String phase, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new BadRequestException("days must be 1-" + MAX_DAYS);
        }
        String userId = null;
        if (user != null && !user.isBlank()) {
            UserModel found = user.length() > 255 ? null : session.users().getUserById(realm, user);
            if (found == null && user.length() <= 255) {
                found = session.users().getUserByUsername(realm, user);
            }
            if (found == null) {
                throw new NotFoundException("No such user");
            }
            userId = found.getId();
        }
        return new AssessmentQuery(
                realm.getId(),
                userId,
                parse(level, RiskLevel.class, "level"),
                parse(phase, RiskPhase.class, "phase"),
                Time.currentTimeMillis() - days * 86_400_000L);
    }

    private static <E extends Enum<E>> String parse(String value, Class<E> type, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Keycloak emits no admin event for reads; ours does, naming what was read. */
    private void recordRead(String what, AssessmentQuery query, long rows) {
        AdminEventBuilder event = adminEvent
                .operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri())
                .detail("ciamkit_report", what)
                .detail("ciamkit_days", Long.toString((Time.currentTimeMillis() - query.since()) / 86_400_000L));
        if (query.userId() != null) {
            event.detail("ciamkit_user_id", query.userId());
        }
        if (query.level() != null) {
            event.detail("ciamkit_level", query.level());
        }
        if (rows >= 0) {
            event.detail("ciamkit_rows", Long.toString(rows));
        }
        event.success();
    }
}
