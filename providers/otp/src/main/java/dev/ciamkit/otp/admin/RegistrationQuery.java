package dev.ciamkit.otp.admin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The report's queries: our device-state table joined to Keycloak's user and credential tables, filtered, counted,
 * paged and grouped in the database. The credential's secret-data column is never selected.
 *
 * @param search case-insensitive part of the username, or null
 * @param state "locked", "active" or null (any)
 */
record RegistrationQuery(String realmId, String search, String state, long now) {

    private static final String FROM = " from OtpDeviceStateEntity d, UserEntity u, CredentialEntity c"
            + " where u.id = d.userId and c.id = d.credentialId and d.realmId = :realm";

    private static final String ROW = "select u.id, u.username, c.id, c.userLabel, c.createdDate,"
            + " d.type, d.algorithm, d.digits, d.period, d.lastUsed, d.lockedUntil, d.failures";

    long countUsers(EntityManager em) {
        return query(em, "select count(distinct d.userId)" + counted() + filter(), Long.class)
                .getSingleResult();
    }

    /**
     * The user ids of one page, in username order: the realm's users in username order, each kept when a device of
     * theirs matches (a semi-join on our (realm, user) index, hence the realm in the subquery), so a page never groups
     * or sorts the realm's devices.
     */
    List<String> userPage(EntityManager em, int first, int max) {
        return query(
                        em,
                        "select u.id from UserEntity u where u.realmId = :realm" + searchFilter()
                                + " and exists (select d.credentialId from OtpDeviceStateEntity d"
                                + " where d.realmId = :realm and d.userId = u.id" + stateFilter() + ")"
                                + " order by u.username",
                        String.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    List<DeviceRow> devicesOf(EntityManager em, List<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return query(
                        em,
                        ROW + FROM + filter() + " and d.userId in :ids order by u.username, u.id, c.createdDate, c.id",
                        Object[].class)
                .setParameter("ids", userIds)
                .getResultList()
                .stream()
                .map(this::row)
                .toList();
    }

    /**
     * One keyset page of the export, after the credential id given (empty to start), in credential-id order: the next
     * {@code size} rows of our table's primary key, so each page costs the same however deep the export is.
     */
    List<DeviceRow> exportPage(EntityManager em, String afterCredentialId, int size) {
        return query(em, ROW + FROM + filter() + " and d.credentialId > :after order by d.credentialId", Object[].class)
                .setParameter("after", afterCredentialId)
                .setMaxResults(size)
                .getResultList()
                .stream()
                .map(this::row)
                .toList();
    }

    /** Counts grouped by one column of our table, e.g. {@code d.algorithm}; rows of {@code [value, count]}. */
    List<Object[]> countBy(EntityManager em, String columns) {
        return query(
                        em,
                        "select " + columns + ", count(d)" + counted() + filter() + " group by " + columns,
                        Object[].class)
                .getResultList();
    }

    long countLocked(EntityManager em) {
        return query(em, "select count(d)" + counted() + filter() + " and d.lockedUntil > :now", Long.class)
                .setParameter("now", now)
                .getSingleResult();
    }

    long countDevices(EntityManager em) {
        return query(em, "select count(d)" + counted() + filter(), Long.class).getSingleResult();
    }

    static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /**
     * What counts read: our table alone, joined to the users only when a search needs the username. Every row has its
     * credential and user (foreign key with cascade, and Keycloak removes a user's credentials with the user).
     */
    private String counted() {
        return needle() == null
                ? " from OtpDeviceStateEntity d where d.realmId = :realm"
                : " from OtpDeviceStateEntity d, UserEntity u where u.id = d.userId and d.realmId = :realm";
    }

    private String filter() {
        return searchFilter() + stateFilter();
    }

    private String searchFilter() {
        return needle() == null ? "" : " and u.username like :search escape '!'";
    }

    private String stateFilter() {
        if ("locked".equalsIgnoreCase(state)) {
            return " and d.lockedUntil > :stateNow";
        }
        if ("active".equalsIgnoreCase(state)) {
            return " and d.lockedUntil <= :stateNow";
        }
        return "";
    }

    private <T> TypedQuery<T> query(EntityManager em, String jpql, Class<T> type) {
        TypedQuery<T> query = em.createQuery(jpql, type).setParameter("realm", realmId);
        if (needle() != null) {
            query.setParameter("search", "%" + needle() + "%");
        }
        if (jpql.contains(":stateNow")) {
            query.setParameter("stateNow", now);
        }
        return query;
    }

    private String needle() {
        if (search == null || search.isBlank()) {
            return null;
        }
        // the user's text is a literal: its own wildcards are escaped
        return search.toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
    }

    private DeviceRow row(Object[] r) {
        return DeviceRow.of(
                (String) r[0],
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (Long) r[4],
                (String) r[5],
                (String) r[6],
                (Integer) r[7],
                (Integer) r[8],
                (Long) r[9],
                (Long) r[10],
                (Integer) r[11],
                now);
    }
}
