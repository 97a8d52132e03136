package dev.ciamkit.audit.anomaly;

import dev.ciamkit.audit.trail.AuditEntries;
import dev.ciamkit.common.blocklist.AddressBlocklist;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules' counts over the trail's table, on its indexes (realm + user + time, realm + address + time). Only linked
 * records count: a row written into the table without the key is quarantined, never linked, so nobody can lock a user
 * or block an address by inserting rows.
 */
final class JpaWindows implements Windows {

    /** The most records read to count unknown names or rows read in one window. */
    static final int MAX_SCAN = 5000;

    private static final String LINKED_IN_WINDOW =
            " r.realmId = :realm and r.seq is not null and r.createdAt > :from and r.createdAt <= :to";

    /** Only guesses count, never refusals ({@link AnomalyRules#REFUSALS}). */
    private static final String GUESS = " and (r.errorCode is null or r.errorCode not in :refusals)";

    private final EntityManager em;
    private final String realmId;

    JpaWindows(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    @Override
    public long userFailures(String userId, long from, long to) {
        return failures("r.userId", userId, from, to);
    }

    @Override
    public long addressFailures(String address, long from, long to) {
        if (AddressBlocklist.isNetwork(address)) { // an IPv6 /64, which no single row's address equals
            return inNetwork(address, from, to).size();
        }
        return failures("r.ipAddress", address, from, to);
    }

    /**
     * The window's failed logins (guesses) from IPv6 addresses, kept when their /64 is the network: the rows' addresses
     * are written as each request gave them (compressed or not), so the network is computed here, not matched in SQL.
     * At most {@link #MAX_SCAN} rows are read.
     */
    private List<Object[]> inNetwork(String network, long from, long to) {
        return em.createQuery(
                        "select r.ipAddress, r.userId, r.body from AuditRecordEntity r where" + LINKED_IN_WINDOW
                                + " and r.ipAddress like '%:%' and r.kind = :kind and r.eventType = :type" + GUESS,
                        Object[].class)
                .setParameter("refusals", AnomalyRules.REFUSALS)
                .setParameter("realm", realmId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("kind", AuditEntries.USER)
                .setParameter("type", AnomalyRules.LOGIN_ERROR)
                .setMaxResults(MAX_SCAN)
                .getResultStream()
                .filter(row -> network.equals(AnomalyRules.addressSubject((String) row[0])))
                .toList();
    }

    /** Failed logins (guesses) of one user or from one address in the window. */
    private long failures(String column, String subject, long from, long to) {
        return window(
                        "select count(r) from AuditRecordEntity r where" + LINKED_IN_WINDOW + " and " + column
                                + " = :subject and r.kind = :kind and r.eventType = :type" + GUESS,
                        Long.class,
                        subject,
                        from,
                        to)
                .setParameter("kind", AuditEntries.USER)
                .setParameter("type", AnomalyRules.LOGIN_ERROR)
                .getSingleResult();
    }

    @Override
    public long addressUsers(String address, long from, long to) {
        if (AddressBlocklist.isNetwork(address)) { // an IPv6 /64, which no single row's address equals
            Set<String> known = new HashSet<>();
            Set<String> unknown = new HashSet<>();
            for (Object[] row : inNetwork(address, from, to)) {
                if (row[1] != null) {
                    known.add((String) row[1]);
                } else {
                    String name = AnomalyRules.typedName((String) row[2]);
                    if (name != null) {
                        unknown.add(name);
                    }
                }
            }
            return known.size() + unknown.size();
        }
        List<String> known = window(
                        "select distinct r.userId from AuditRecordEntity r where" + LINKED_IN_WINDOW
                                + " and r.ipAddress = :subject and r.kind = :kind and r.eventType = :type"
                                + " and r.userId is not null" + GUESS,
                        String.class,
                        address,
                        from,
                        to)
                .setParameter("kind", AuditEntries.USER)
                .setParameter("type", AnomalyRules.LOGIN_ERROR)
                .setMaxResults(MAX_SCAN)
                .getResultList();
        // an unknown user leaves only the first character of the typed name: a lower bound of the names tried
        Set<String> unknown = new HashSet<>();
        window(
                        "select r.body from AuditRecordEntity r where" + LINKED_IN_WINDOW
                                + " and r.ipAddress = :subject and r.kind = :kind and r.eventType = :type"
                                + " and r.userId is null",
                        String.class,
                        address,
                        from,
                        to)
                .setParameter("kind", AuditEntries.USER)
                .setParameter("type", AnomalyRules.LOGIN_ERROR)
                .setMaxResults(MAX_SCAN)
                .getResultStream()
                .map(AnomalyRules::typedName)
                .filter(name -> name != null)
                .forEach(unknown::add);
        return known.size() + unknown.size();
    }

    @Override
    public long rowsRead(String adminId, long from, long to) {
        return window(
                        "select r from AuditRecordEntity r where" + LINKED_IN_WINDOW
                                + " and r.userId = :subject and r.kind = :kind",
                        dev.ciamkit.audit.trail.AuditRecordEntity.class,
                        adminId,
                        from,
                        to)
                .setParameter("kind", AuditEntries.ADMIN)
                .setMaxResults(MAX_SCAN)
                .getResultStream()
                .mapToLong(r -> AnomalyRules.rowsRead(AnomalyDetector.view(r)))
                .sum();
    }

    private <T> TypedQuery<T> window(String query, Class<T> type, String subject, long from, long to) {
        TypedQuery<T> q = em.createQuery(query, type);
        if (query.contains(":refusals")) {
            q.setParameter("refusals", AnomalyRules.REFUSALS);
        }
        return q.setParameter("realm", realmId)
                .setParameter("subject", subject)
                .setParameter("from", from)
                .setParameter("to", to);
    }
}
