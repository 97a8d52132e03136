package dev.ciamkit.ekyc.admin;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.ekyc.retention.PurgeCounts;
import dev.ciamkit.ekyc.retention.RetentionPeriods;
import dev.ciamkit.ekyc.vault.Records;
import dev.ciamkit.ekyc.vault.jpa.EkycRecordEntity;
import dev.ciamkit.ekyc.vault.jpa.EkycVaultJpaEntityProviderFactory;
import dev.ciamkit.ekyc.vault.jpa.VaultStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/ciamkit-ekyc}: eKYC records ({@code GET records?user=}, {@code GET records/{id}},
 * {@code GET duplicates}) for holders of the realm role {@value ViewerRole#NAME} only, each view an admin event
 * (ACTION, resource type {@value #RESOURCE_TYPE}, no PII in it); the retention periods ({@code GET/PUT retention}) and
 * the purge now ({@code POST purge}) for admins with manage-realm.
 */
public final class EkycAdminResource {

    public static final String RESOURCE_TYPE = "CIAMKIT_EKYC";
    static final int MAX_PAGE = 500;
    private static final int MAX_ID = 36;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    EkycAdminResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder event) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = event.resource(RESOURCE_TYPE);
    }

    /** The body of {@code PUT retention}; a missing field keeps its current value. */
    public record RetentionBody(Long imagesSeconds, Long recordsSeconds) {}

    @GET
    @Path("records")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RecordView> records(@QueryParam("user") String userId) {
        requireViewer();
        if (userId == null || userId.isBlank() || userId.length() > MAX_ID) {
            throw ErrorResponse.error("user must be a user id", Response.Status.BAD_REQUEST);
        }
        List<RecordView> rows = VaultStore.of(session).of(realm.getId(), userId).stream()
                .map(r -> RecordView.of(r, List.of(), null))
                .toList();
        viewed(Map.of("userId", userId, "records", rows.size()), "users", userId, "records");
        return rows;
    }

    @GET
    @Path("records/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public RecordView record(@PathParam("id") String id) {
        requireViewer();
        VaultStore store = VaultStore.of(session);
        EkycRecordEntity found = (id == null || id.length() > MAX_ID
                        ? Optional.<EkycRecordEntity>empty()
                        : store.find(realm.getId(), id))
                .orElseThrow(() -> ErrorResponse.error("no such eKYC record", Response.Status.NOT_FOUND));
        List<RecordView.Image> images = store.evidenceOf(found.getId()).stream()
                .map(row -> new RecordView.Image((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
        RecordView.Person person = Records.claims(session.getProvider(EnvelopeProvider.class), found)
                .map(RecordView.Person::of)
                .orElse(null);
        RecordView view = RecordView.of(found, images, person);
        viewed(view.eventRepresentation(), "records", found.getId());
        return view;
    }

    @GET
    @Path("duplicates")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RecordView> duplicates(
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max) {
        requireViewer();
        if (first < 0 || max < 1) {
            throw ErrorResponse.error("first must be 0 or more and max 1 or more", Response.Status.BAD_REQUEST);
        }
        List<RecordView> rows =
                VaultStore.of(session).duplicates(realm.getId(), first, Math.min(max, MAX_PAGE)).stream()
                        .map(r -> RecordView.of(r, List.of(), null))
                        .toList();
        viewed(Map.of("first", first, "records", rows.size()), "duplicates");
        return rows;
    }

    @GET
    @Path("retention")
    @Produces(MediaType.APPLICATION_JSON)
    public RetentionPeriods retention() {
        auth.realm().requireManageRealm();
        return RetentionPeriods.of(realm);
    }

    @PUT
    @Path("retention")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RetentionPeriods setRetention(RetentionBody body) {
        auth.realm().requireManageRealm();
        if (body == null) {
            throw ErrorResponse.error(
                    "a JSON body with imagesSeconds and/or recordsSeconds", Response.Status.BAD_REQUEST);
        }
        RetentionPeriods current = RetentionPeriods.of(realm);
        RetentionPeriods wanted = new RetentionPeriods(
                body.imagesSeconds() == null ? current.imagesSeconds() : body.imagesSeconds(),
                body.recordsSeconds() == null ? current.recordsSeconds() : body.recordsSeconds());
        wanted.problem().ifPresent(problem -> {
            throw ErrorResponse.error(problem, Response.Status.BAD_REQUEST);
        });
        wanted.store(realm);
        adminEvent
                .operation(OperationType.UPDATE)
                .resourcePath(EkycAdminResourceProviderFactory.ID, "retention")
                .representation(wanted)
                .success();
        return wanted;
    }

    /** This realm's purge now, on this node: waits at most 10 s for a scheduled run here; 409 when one is running. */
    @POST
    @Path("purge")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> purge() {
        auth.realm().requireManageRealm();
        Optional<PurgeCounts> counts = EkycVaultJpaEntityProviderFactory.purge().flatMap(p -> p.runNow(realm.getId()));
        if (counts.isEmpty()) {
            throw ErrorResponse.error("a purge is running; try again", Response.Status.CONFLICT);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("withdrawn", counts.get().withdrawn());
        answer.put("images", counts.get().images());
        answer.put("records", counts.get().records());
        adminEvent
                .operation(OperationType.ACTION)
                .resourcePath(EkycAdminResourceProviderFactory.ID, "purge")
                .representation(answer)
                .success();
        return answer;
    }

    private void requireViewer() {
        if (!ViewerRole.holds(auth.adminAuth(), realm)) {
            throw ErrorResponse.error(
                    "reading eKYC records needs the realm role " + ViewerRole.NAME, Response.Status.FORBIDDEN);
        }
        if (!realm.isAdminEventsEnabled()) {
            // every read of PII is an admin event; with admin events off it would be a read nobody can see
            throw ErrorResponse.error(
                    "reading eKYC records needs admin events switched on in this realm", Response.Status.CONFLICT);
        }
    }

    /** Keycloak records no reads: each view is an admin event of ours, without names or ID numbers. */
    private void viewed(Map<String, Object> representation, String... path) {
        String[] full = new String[path.length + 1];
        full[0] = EkycAdminResourceProviderFactory.ID;
        System.arraycopy(path, 0, full, 1, path.length);
        adminEvent
                .operation(OperationType.ACTION)
                .resourcePath(full)
                .representation(representation)
                .detail("ciamkit_ekyc_view", path[0])
                .success();
    }
}
