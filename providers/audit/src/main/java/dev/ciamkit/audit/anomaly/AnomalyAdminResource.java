package dev.ciamkit.audit.anomaly;

import dev.ciamkit.audit.listener.AuditEventListenerProviderFactory;
import dev.ciamkit.common.blocklist.AddressBlocklist;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/ciamkit-audit/anomalies}: {@code POST run} (manage-events) links and evaluates now, so
 * operators and tests never wait; {@code GET blocked-addresses} (view-events) and {@code DELETE
 * blocked-addresses/{address}} (manage-events) show and lift the realm's address blocks. Each call is an admin event.
 */
public final class AnomalyAdminResource {

    static final int MAX_LISTED = 1000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public AnomalyAdminResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /**
     * Links waiting records, evaluates the rules over them (every realm's, as the background run does), then links the
     * findings' records.
     */
    @POST
    @Path("run")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> run() {
        auth.realm().requireManageEvents();
        int linked =
                AuditEventListenerProviderFactory.linker().map(l -> l.linkNow()).orElse(0);
        int reported = AuditEventListenerProviderFactory.anomalyDetector()
                .map(AnomalyDetector::runNow)
                .orElse(0);
        if (reported > 0) {
            // the findings' own records, so that they are in the chain (and the record view) when this call returns
            linked += AuditEventListenerProviderFactory.linker()
                    .map(l -> l.linkNow())
                    .orElse(0);
        }
        record("anomalies-run", Map.of("ciamkit_reported", Integer.toString(reported)));
        return Map.of("linked", linked, "reported", reported);
    }

    @GET
    @Path("blocked-addresses")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AddressBlocklist.Blocked> blocked() {
        auth.realm().requireViewEvents();
        List<AddressBlocklist.Blocked> blocked = AddressBlocklist.list(session, realm.getId(), MAX_LISTED);
        record("blocked-addresses", Map.of("ciamkit_rows", Integer.toString(blocked.size())));
        return blocked;
    }

    @DELETE
    @Path("blocked-addresses/{address}")
    public Response unblock(@PathParam("address") String address) {
        auth.realm().requireManageEvents();
        if (!AddressBlocklist.isAddress(address) || !AddressBlocklist.remove(session, realm.getId(), address)) {
            throw new NotFoundException("No such blocked address");
        }
        record("unblock-address", Map.of());
        return Response.noContent().build();
    }

    private void record(String what, Map<String, String> details) {
        AdminEventBuilder event = adminEvent
                .operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri())
                .detail("ciamkit_audit", what);
        details.forEach(event::detail);
        event.success();
    }
}
