package dev.ciamkit.audit.admin;

import dev.ciamkit.audit.chain.ChainCheck;
import dev.ciamkit.audit.chain.ChainHash;
import dev.ciamkit.audit.chain.ChainVerifier;
import dev.ciamkit.audit.listener.AuditEventListenerProviderFactory;
import dev.ciamkit.audit.retention.RetentionPurge;
import dev.ciamkit.audit.review.ReviewEndpoint;
import dev.ciamkit.audit.trail.AuditRecordEntity;
import dev.ciamkit.audit.trail.AuditTrail;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.common.outbox.OutboxJpaEntityProviderFactory;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/ciamkit-audit}: the chain check ({@code GET verify}), the records
 * ({@code GET records}), and "now" for the background work ({@code POST link}, {@code POST export}, {@code POST purge})
 * so operators and tests never wait. Reading needs view-events, running needs manage-events; nothing here changes a
 * record, and only the retention purge removes any (those past the realm's retention, anchored by a purge record).
 * Each call is an admin event (ACTION, resource type {@value #RESOURCE_TYPE}), so it is itself in the trail.
 */
public final class AuditAdminResource {

    public static final String RESOURCE_TYPE = "CIAMKIT_AUDIT";
    private static final java.util.concurrent.Semaphore VERIFYING = new java.util.concurrent.Semaphore(1);
    static final int MAX_PAGE = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    AuditAdminResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder event) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = event.resource(RESOURCE_TYPE);
    }

    /**
     * @param unlinked records written but not yet in the chain (the linker runs moments later)
     * @param quarantined records set aside because their insertion MAC does not hold (written outside Keycloak): the
     *     trail is not intact while there is one
     */
    public record Verification(
            String realm,
            boolean intact,
            long checked,
            long firstSeq,
            long lastSeq,
            long unlinked,
            long quarantined,
            String problem,
            long firstBroken,
            String recordId,
            String detail) {}

    public record Record(
            long seq,
            String id,
            long time,
            String kind,
            String type,
            String outcome,
            String userId,
            String clientId,
            String ipAddress,
            String error,
            String body,
            String hash) {}

    public record Page(int first, int max, List<Record> records) {}

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Verification verify(@QueryParam("expectSeq") @DefaultValue("0") long expectSeq) {
        auth.realm().requireViewEvents();
        if (expectSeq < 0) {
            throw new BadRequestException("expectSeq must be 0 or more");
        }
        // one check at a time on a node: each reads a whole chain
        if (!VERIFYING.tryAcquire()) {
            throw new WebApplicationException(Response.status(429)
                    .entity(Map.of("error", "a verification is running; try again"))
                    .build());
        }
        try {
            return verifyNow(expectSeq);
        } finally {
            VERIFYING.release();
        }
    }

    private Verification verifyNow(long expectSeq) {
        String realmId = realm.getId();
        EnvelopeProvider keys = session.getProvider(EnvelopeProvider.class);
        Verification result =
                KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                    var em = AuditTrail.em(s);
                    ChainVerifier.Result r = ChainCheck.verify(
                            em,
                            realmId,
                            expectSeq,
                            (mac, hash) -> keys.identifierMatches(mac, ChainHash.MAC_PURPOSE, hash));
                    long unlinked = em.createQuery(
                                    "select count(r) from AuditRecordEntity r where r.realmId = :realm"
                                            + " and r.linkedAt is null",
                                    Long.class)
                            .setParameter("realm", realmId)
                            .getSingleResult();
                    long quarantined = em.createQuery(
                                    "select count(r) from AuditRecordEntity r where r.realmId = :realm"
                                            + " and r.linkedAt = -1",
                                    Long.class)
                            .setParameter("realm", realmId)
                            .getSingleResult();
                    return new Verification(
                            realm.getName(),
                            r.intact() && quarantined == 0,
                            r.checked(),
                            r.firstSeq(),
                            r.lastSeq(),
                            unlinked,
                            quarantined,
                            r.problem() == null ? null : r.problem().name(),
                            r.firstBroken(),
                            r.recordId(),
                            r.detail());
                });
        record(
                "verify",
                Map.of(
                        "ciamkit_intact", Boolean.toString(result.intact()),
                        "ciamkit_checked", Long.toString(result.checked())));
        return result;
    }

    @GET
    @Path("records")
    @Produces(MediaType.APPLICATION_JSON)
    public Page records(
            @QueryParam("fromSeq") @DefaultValue("1") long fromSeq, @QueryParam("max") @DefaultValue("100") int max) {
        auth.realm().requireViewEvents();
        if (fromSeq < 1) {
            throw new BadRequestException("fromSeq must be 1 or more");
        }
        int size = Math.max(1, Math.min(max, MAX_PAGE));
        List<Record> records = AuditTrail.em(session)
                .createQuery(
                        "select r from AuditRecordEntity r where r.realmId = :realm and r.seq >= :from"
                                + " order by r.seq",
                        AuditRecordEntity.class)
                .setParameter("realm", realm.getId())
                .setParameter("from", fromSeq)
                .setMaxResults(size)
                .getResultStream()
                .map(r -> new Record(
                        r.getSeq(),
                        r.getId(),
                        r.getCreatedAt(),
                        r.getKind(),
                        r.getEventType(),
                        r.getOutcome(),
                        r.getUserId(),
                        r.getClientId(),
                        r.getIpAddress(),
                        r.getErrorCode(),
                        r.getBody(),
                        r.getHash()))
                .toList();
        record(
                "records",
                Map.of("ciamkit_from_seq", Long.toString(fromSeq), "ciamkit_rows", Integer.toString(records.size())));
        return new Page((int) Math.min(Integer.MAX_VALUE, fromSeq), size, records);
    }

    /** Links waiting records now (on this node, unless another node is linking). */
    @POST
    @Path("link")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> link() {
        auth.realm().requireManageEvents();
        int linked =
                AuditEventListenerProviderFactory.linker().map(l -> l.linkNow()).orElse(0);
        record("link", Map.of("ciamkit_linked", Integer.toString(linked)));
        return Map.of("linked", linked);
    }

    /** Runs a delivery round of the outbox now (on this node, unless another node is delivering). */
    @POST
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Boolean> export() {
        auth.realm().requireManageEvents();
        OutboxJpaEntityProviderFactory.worker().ifPresent(w -> w.runRound());
        record("export", Map.of());
        return Map.of("ran", OutboxJpaEntityProviderFactory.worker().isPresent());
    }

    /** The anomaly rules: run now, the realm's blocked addresses. */
    @Path("anomalies")
    public dev.ciamkit.audit.anomaly.AnomalyAdminResource anomalies() {
        return new dev.ciamkit.audit.anomaly.AnomalyAdminResource(session, realm, auth, adminEvent);
    }

    /** The monthly access-record review, CSV or a printable page ({@link ReviewEndpoint}). */
    @Path("review")
    public ReviewEndpoint review() {
        return new ReviewEndpoint(session, realm, auth, VERIFYING, this::record);
    }

    /**
     * Runs this realm's retention purge now (unless another node is purging): records older than the realm's retention,
     * already copied to every SIEM sink, removed and anchored by a purge record.
     */
    @POST
    @Path("purge")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> purge() {
        auth.realm().requireManageEvents();
        java.util.Optional<RetentionPurge.Outcome> outcome =
                AuditEventListenerProviderFactory.purge().flatMap(p -> p.purgeNow(realm.getId()));
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("ran", outcome.isPresent());
        outcome.ifPresent(o -> {
            answer.put("purged", o.purged());
            answer.put("throughSeq", o.throughSeq());
            answer.put("refused", o.refused());
        });
        record(
                "purge",
                Map.of(
                        "ciamkit_purged",
                        Long.toString(
                                outcome.map(RetentionPurge.Outcome::purged).orElse(0L)),
                        "ciamkit_through_seq",
                        Long.toString(
                                outcome.map(RetentionPurge.Outcome::throughSeq).orElse(0L))));
        return answer;
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
