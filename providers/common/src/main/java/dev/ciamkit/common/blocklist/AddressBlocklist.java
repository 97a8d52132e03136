package dev.ciamkit.common.blocklist;

import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A realm's list of blocked client addresses, each until its expiry: written by the audit module's anomaly rules (or
 * an admin), read by the risk module's network signal, which treats a blocked address like a deny-listed one. Addresses
 * are compared as Keycloak's {@code ClientConnection} gives them (the audit record holds the same text); only IP
 * literals are stored.
 */
public final class AddressBlocklist {

    public static final int MAX_ADDRESS = 64;
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,64}");

    /** One blocked address as an admin sees it. */
    public record Blocked(String address, long createdAt, long expiresAt, String reason) {}

    private AddressBlocklist() {}

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    /** True for what can be blocked: an IPv4 or IPv6 literal (never a host name, never a list). */
    public static boolean isAddress(String address) {
        return canonical(address) != null;
    }

    /**
     * The one text form of an IP literal ({@code 2001:DB8::1} and {@code 2001:db8:0:0:0:0:0:1} are one address), or
     * null for anything else. Never a name lookup: only literals are parsed.
     */
    public static String canonical(String address) {
        InetAddress parsed = parse(address);
        return parsed == null ? null : parsed.getHostAddress();
    }

    private static InetAddress parse(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return null;
        }
        boolean v6 = address.contains(":");
        if (!v6 && !IPV4.matcher(address).matches()) {
            return null;
        }
        try {
            // a literal (checked above) is parsed, never resolved
            return InetAddress.getByName(address);
        } catch (java.net.UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /**
     * Whether an automatic block may name this address: never loopback, private (RFC 1918, IPv6 unique-local),
     * link-local, carrier-grade NAT (100.64.0.0/10) or multicast: those are the bank's own proxies, branches and
     * carriers' shared addresses, where a block would shut out everyone behind them.
     */
    public static boolean isBlockable(String address) {
        InetAddress a = parse(address);
        if (a == null
                || a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        boolean cgnat = b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xFE) == 0xFC;
        return !cgnat && !uniqueLocal;
    }

    /**
     * Blocks the address until {@code expiresAt} in the session's transaction; an address already blocked keeps the
     * later of both expiries. Returns false (and blocks nothing) for a value that is not an IP literal.
     */
    public static boolean block(
            KeycloakSession session, String realmId, String address, long expiresAt, String reason) {
        if (!isBlockable(address)) {
            return false;
        }
        address = canonical(address);
        EntityManager em = em(session);
        List<BlockedAddressEntity> rows = find(em, realmId, address);
        if (!rows.isEmpty()) {
            BlockedAddressEntity row = rows.get(0);
            if (row.getExpiresAt() < expiresAt) {
                row.setExpiresAt(expiresAt);
                row.setReason(cut(reason));
            }
            return true;
        }
        BlockedAddressEntity row = new BlockedAddressEntity();
        row.setId(KeycloakModelUtils.generateId());
        row.setRealmId(realmId);
        row.setAddress(address);
        row.setCreatedAt(Time.currentTimeMillis());
        row.setExpiresAt(expiresAt);
        row.setReason(cut(reason));
        em.persist(row);
        return true;
    }

    /** Whether the address is blocked in the realm right now. */
    public static boolean isBlocked(KeycloakSession session, String realmId, String address) {
        address = canonical(address);
        if (address == null) {
            return false;
        }
        return !em(session)
                .createQuery(
                        "select b.id from BlockedAddressEntity b where b.realmId = :realm and b.address = :address"
                                + " and b.expiresAt > :now",
                        String.class)
                .setParameter("realm", realmId)
                .setParameter("address", address)
                .setParameter("now", Time.currentTimeMillis())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The realm's addresses blocked right now, newest first, at most {@code max}. */
    public static List<Blocked> list(KeycloakSession session, String realmId, int max) {
        return em(session)
                .createQuery(
                        "select b from BlockedAddressEntity b where b.realmId = :realm and b.expiresAt > :now"
                                + " order by b.createdAt desc",
                        BlockedAddressEntity.class)
                .setParameter("realm", realmId)
                .setParameter("now", Time.currentTimeMillis())
                .setMaxResults(max)
                .getResultStream()
                .map(b -> new Blocked(b.getAddress(), b.getCreatedAt(), b.getExpiresAt(), b.getReason()))
                .toList();
    }

    /** Unblocks the address; false when it was not on the list. */
    public static boolean remove(KeycloakSession session, String realmId, String address) {
        address = canonical(address);
        if (address == null) {
            return false;
        }
        return em(session)
                        .createQuery(
                                "delete from BlockedAddressEntity b where b.realmId = :realm and b.address = :address")
                        .setParameter("realm", realmId)
                        .setParameter("address", address)
                        .executeUpdate()
                > 0;
    }

    /** Deletes expired entries of every realm; returns how many. */
    public static int purgeExpired(KeycloakSession session) {
        return em(session)
                .createQuery("delete from BlockedAddressEntity b where b.expiresAt <= :now")
                .setParameter("now", Time.currentTimeMillis())
                .executeUpdate();
    }

    private static List<BlockedAddressEntity> find(EntityManager em, String realmId, String address) {
        return em.createQuery(
                        "select b from BlockedAddressEntity b where b.realmId = :realm and b.address = :address",
                        BlockedAddressEntity.class)
                .setParameter("realm", realmId)
                .setParameter("address", address)
                .getResultList();
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= 64 ? reason : reason.substring(0, 64);
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
