package dev.ciamkit.risk.report;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The report's filters as JPQL over our table joined to Keycloak's users (for the username). Every value is a bound
 * parameter; the filter's shape depends only on which filters are set.
 *
 * @param userId one user's assessments, or null for the realm's
 * @param level one level, or null
 * @param since epoch milliseconds, the oldest assessment to include
 */
record AssessmentQuery(String realmId, String userId, String level, String phase, long since) {

    private static final String ROW =
            "select a.id, a.assessedAt, a.userId, u.username, a.phase, a.level, a.score," + " a.reasons, a.clientId";
    // a left join: a federated user (no local row) is listed with the id alone
    private static final String FROM =
            " from RiskAssessmentEntity a left join UserEntity u on u.id = a.userId where 1 = 1";

    /** One row of the report. */
    record Row(
            String id,
            String at,
            String userId,
            String username,
            String phase,
            String level,
            int score,
            List<String> reasons,
            String client) {}

    long count(EntityManager em) {
        return bind(em.createQuery("select count(a)" + FROM + filter(), Long.class))
                .getSingleResult();
    }

    long countUsers(EntityManager em) {
        return bind(em.createQuery("select count(distinct a.userId)" + FROM + filter(), Long.class))
                .getSingleResult();
    }

    List<Object[]> countBy(EntityManager em, String column) {
        return bind(em.createQuery(
                        "select a." + column + ", count(a)" + FROM + filter() + " group by a." + column,
                        Object[].class))
                .getResultList();
    }

    /** Newest first, by offset: the list's pages. */
    List<Row> page(EntityManager em, int first, int max) {
        return bind(em.createQuery(ROW + FROM + filter() + " order by a.assessedAt desc, a.id desc", Object[].class))
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(AssessmentQuery::row)
                .toList();
    }

    /** Newest first, after a keyset position (exclusive): the export's pages, an index range however deep. */
    List<Row> after(EntityManager em, long at, String id, int max) {
        return bind(em.createQuery(
                                ROW + FROM + filter()
                                        + " and (a.assessedAt < :at or (a.assessedAt = :at and a.id < :id))"
                                        + " order by a.assessedAt desc, a.id desc",
                                Object[].class)
                        .setParameter("at", at)
                        .setParameter("id", id))
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(AssessmentQuery::row)
                .toList();
    }

    private String filter() {
        return " and a.realmId = :realm and a.assessedAt >= :since"
                + (userId == null ? "" : " and a.userId = :user")
                + (level == null ? "" : " and a.level = :level")
                + (phase == null ? "" : " and a.phase = :phase");
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query) {
        query.setParameter("realm", realmId).setParameter("since", since);
        if (userId != null) {
            query.setParameter("user", userId);
        }
        if (level != null) {
            query.setParameter("level", level);
        }
        if (phase != null) {
            query.setParameter("phase", phase);
        }
        return query;
    }

    private static Row row(Object[] r) {
        String reasons = (String) r[7];
        return new Row(
                (String) r[0],
                Instant.ofEpochMilli((Long) r[1]).toString(),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (Integer) r[6],
                reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")),
                (String) r[8]);
    }
}
