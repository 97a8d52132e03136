package dev.ciamkit.audit.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.audit.chain.ChainCheck;
import dev.ciamkit.audit.chain.ChainVerifier;
import dev.ciamkit.audit.review.ReviewReport.Check;
import dev.ciamkit.audit.review.ReviewReport.Kind;
import dev.ciamkit.audit.review.ReviewReport.Row;
import dev.ciamkit.audit.review.ReviewReport.Section;
import dev.ciamkit.audit.trail.AuditEntries;
import dev.ciamkit.audit.trail.AuditRecordEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Reads a realm's month from the trail: counts and groups in the database, single events at most
 * {@value ReviewReport#MAX_ROWS} per section, read a page at a time (a month of millions of records never sits in
 * memory), and the chain check of the month's numbers.
 */
public final class ReviewQueries {

    /** Records written by our own admin endpoints (the trail, the reports): reads of data. */
    static final String OUR_READS = "ACTION:CIAMKIT%";

    static final String ANOMALY = "ANOMALY";
    private static final int PAGE = 200;
    private static final int MAX_DETAIL = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final String realmId;
    private final ReviewMonth month;

    public ReviewQueries(EntityManager em, String realmId, ReviewMonth month) {
        this.em = em;
        this.realmId = realmId;
        this.month = month;
    }

    public ReviewReport report(String realmName, long now, BiPredicate<String, String> macCheck) {
        List<Section> sections = List.of(
                events(Kind.ADMIN_ACCESS, "r.kind = 'ADMIN' and r.eventType like '" + OUR_READS + "'"),
                grouped(Kind.SIGN_INS, "r.kind = 'USER' and r.outcome = 'success' and r.eventType = 'LOGIN'"),
                grouped(Kind.AUTH_FAILURES, "r.kind = 'USER' and r.outcome = 'failure'"),
                events(
                        Kind.LOCKOUTS,
                        "(r.kind = 'USER' and r.eventType like 'USER_DISABLED_BY_%LOCKOUT')" + " or (r.kind = '"
                                + ANOMALY + "' and r.body like '%\"actions\":\"%lock-user%')"),
                events(Kind.ADMIN_ACTIONS, "r.kind = 'ADMIN' and r.eventType not like '" + OUR_READS + "'"),
                events(Kind.ANOMALIES, "r.kind = '" + ANOMALY + "'"));
        return new ReviewReport(
                realmName, month.month().toString(), month.zone().getId(), now, sections, check(macCheck));
    }

    private String where(String condition) {
        return " from AuditRecordEntity r where r.realmId = :realm and r.createdAt >= :from and r.createdAt < :to"
                + " and (" + condition + ")";
    }

    private <T> TypedQuery<T> query(String jpql, Class<T> type) {
        return em.createQuery(jpql, type)
                .setParameter("realm", realmId)
                .setParameter("from", month.fromMillis())
                .setParameter("to", month.toMillis());
    }

    private long count(String condition) {
        return query("select count(r)" + where(condition), Long.class).getSingleResult();
    }

    /** Single events, oldest first, a page at a time; the detail is read from each body and cut. */
    private Section events(Kind kind, String condition) {
        List<Row> rows = new ArrayList<>();
        int first = 0;
        while (rows.size() < ReviewReport.MAX_ROWS) {
            List<AuditRecordEntity> page = query(
                            "select r" + where(condition) + " order by r.createdAt, r.id", AuditRecordEntity.class)
                    .setFirstResult(first)
                    .setMaxResults(Math.min(PAGE, ReviewReport.MAX_ROWS - rows.size()))
                    .getResultList();
            for (AuditRecordEntity r : page) {
                rows.add(new Row(
                        r.getCreatedAt(),
                        r.getUserId(),
                        r.getClientId(),
                        r.getIpAddress(),
                        r.getEventType(),
                        r.getOutcome(),
                        r.getErrorCode(),
                        detail(r.getKind(), r.getBody()),
                        1));
            }
            em.clear();
            if (page.size() < PAGE) {
                break;
            }
            first += page.size();
        }
        return new Section(kind, count(condition), rows);
    }

    /** Events of one user from one address, with one type and error: how many, the last time. */
    private Section grouped(Kind kind, String condition) {
        List<Object[]> groups = query(
                        "select r.userId, r.ipAddress, r.clientId, r.eventType, r.errorCode, count(r),"
                                + " max(r.createdAt)" + where(condition)
                                + " group by r.userId, r.ipAddress, r.clientId, r.eventType, r.errorCode"
                                + " order by count(r) desc, max(r.createdAt) desc",
                        Object[].class)
                .setMaxResults(ReviewReport.MAX_ROWS)
                .getResultList();
        List<Row> rows = new ArrayList<>();
        for (Object[] g : groups) {
            rows.add(new Row(
                    ((Number) g[6]).longValue(),
                    (String) g[0],
                    (String) g[2],
                    (String) g[1],
                    (String) g[3],
                    null,
                    (String) g[4],
                    null,
                    ((Number) g[5]).longValue()));
        }
        return new Section(kind, count(condition), rows);
    }

    /** What an admin event touched (its resource path and our endpoints' details); an anomaly's body. */
    static String detail(String kind, String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (node == null) {
            return null;
        }
        String detail;
        if (AuditEntries.ADMIN.equals(kind)) {
            StringBuilder out = new StringBuilder(node.path("resourcePath").asText(""));
            node.path("details").fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("ciamkit_")) {
                    out.append(' ')
                            .append(e.getKey())
                            .append('=')
                            .append(e.getValue().asText());
                }
            });
            detail = out.toString().trim();
        } else if (ANOMALY.equals(kind)) {
            JsonNode details = node.path("details");
            detail = details.isMissingNode() ? node.toString() : details.toString();
        } else {
            detail = node.path("details").isMissingNode()
                    ? null
                    : node.path("details").toString();
        }
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
    }

    /** The number of the realm's linked record just outside the month ({@code max} before, {@code min} after). */
    private Long neighbour(String aggregate, String condition, long at) {
        return em.createQuery(
                        "select " + aggregate + "(r.seq) from AuditRecordEntity r where r.realmId = :realm"
                                + " and r.seq is not null and r.linkedAt > 0 and " + condition,
                        Long.class)
                .setParameter("realm", realmId)
                .setParameter("at", at)
                .getSingleResult();
    }

    private Check check(BiPredicate<String, String> macCheck) {
        Object[] range = query(
                        "select min(r.seq), max(r.seq)" + where("r.seq is not null and r.linkedAt > 0"), Object[].class)
                .getSingleResult();
        long unlinked = count("r.linkedAt is null");
        long quarantined = count("r.linkedAt = -1");
        // The month's numbers run from after the last record before it to before the first record after it (or the
        // head): records cut from either end of the month, or a whole month deleted, leave a gap there, not a
        // shorter month that looks intact.
        dev.ciamkit.audit.chain.ChainStart start = ChainCheck.start(em, realmId, macCheck);
        if (start.refused() != null) {
            ChainVerifier.Result r = start.refused();
            return new Check(false, 0, 0, 0, r.problem().name(), r.firstBroken(), r.detail(), unlinked, quarantined);
        }
        Long before = neighbour("max", "r.createdAt < :at", month.fromMillis());
        Long after = neighbour("min", "r.createdAt >= :at", month.toMillis());
        long head = em.createQuery("select h.seq from AuditChainHeadEntity h where h.realmId = :realm", Long.class)
                .setParameter("realm", realmId)
                .getResultStream()
                .findFirst()
                .orElse(0L);
        long from = before == null ? start.seq() : before + 1;
        long to = after == null ? head : after - 1;
        if (range[0] != null) {
            from = Math.min(from, ((Number) range[0]).longValue());
            to = Math.max(to, ((Number) range[1]).longValue());
        }
        from = Math.max(from, start.seq());
        if (to < from) {
            return new Check(quarantined == 0, 0, 0, 0, null, 0, null, unlinked, quarantined);
        }
        ChainVerifier.Result r = ChainCheck.verifyRange(em, realmId, from, to, macCheck);
        return new Check(
                r.intact() && quarantined == 0,
                r.checked(),
                from,
                to,
                r.problem() == null ? null : r.problem().name(),
                r.firstBroken(),
                r.detail(),
                unlinked,
                quarantined);
    }
}
