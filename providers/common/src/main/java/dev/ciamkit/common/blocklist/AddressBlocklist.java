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

    /** Four octets of 0-255 without leading zeros: anything else the JDK would look up as a host name. */
    private static final Pattern IPV4 =
            Pattern.compile("(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

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

    /** The prefix length that stands for one IPv6 subscriber: a home or mobile network is one /64. */
    public static final int IPV6_NETWORK_BITS = 64;

    /**
     * What the anomaly rules count and a block names for this address: for a global unicast IPv6 address (2000::/3)
     * its /64 ({@code 2001:db8:0:1:0:0:0:0/64}), since a subscriber picks any of its 2^64 addresses for each request
     * and a rule per address would never fire; for any other address the address itself in its one text form. Teredo
     * (2001::/32, whose /64 is the relay shared by all its clients), IPv4-mapped and -compatible forms, NAT64's
     * 64:ff9b::/96 and everything outside 2000::/3 stay single addresses, so no /64 spans clients that are not one
     * subscriber. Null for anything that is not an IP literal.
     */
    public static String network(String address) {
        InetAddress parsed = parse(address);
        if (parsed == null) {
            return null;
        }
        byte[] bytes = parsed.getAddress();
        boolean globalUnicast = bytes.length == 16 && (bytes[0] & 0xE0) == 0x20;
        boolean teredo = bytes.length == 16 && bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0;
        if (!globalUnicast || teredo) {
            return parsed.getHostAddress();
        }
        java.util.Arrays.fill(bytes, IPV6_NETWORK_BITS / 8, bytes.length, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + IPV6_NETWORK_BITS;
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** Whether {@link #network} names a /64 rather than one address. */
    public static boolean isNetwork(String name) {
        return name != null && name.endsWith("/" + IPV6_NETWORK_BITS);
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
     * Blocks the address until {@code expiresAt} in the session's transaction: an IPv4 address, or an IPv6 address's
     * whole /64 ({@link #network}); a block already there keeps the later of both expiries. Returns false (and blocks
     * nothing) for a value that is not an IP literal or not {@linkplain #isBlockable blockable}.
     */
    public static boolean block(
            KeycloakSession session, String realmId, String address, long expiresAt, String reason) {
        if (!isBlockable(address)) {
            return false;
        }
        address = network(address);
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

    /**
     * Whether the address is blocked in the realm right now: itself, or for IPv6 its /64 (a block written before blocks
     * named networks names the single address).
     */
    public static boolean isBlocked(KeycloakSession session, String realmId, String address) {
        List<String> names = names(address);
        if (names.isEmpty()) {
            return false;
        }
        return !em(session)
                .createQuery(
                        "select b.id from BlockedAddressEntity b where b.realmId = :realm and b.address in :names"
                                + " and b.expiresAt > :now",
                        String.class)
                .setParameter("realm", realmId)
                .setParameter("names", names)
                .setParameter("now", Time.currentTimeMillis())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The names a block of this address may have: the address, and for IPv6 also its /64; empty for a non-literal. */
    static List<String> names(String address) {
        String canonical = canonical(address);
        if (canonical == null) {
            return List.of();
        }
        String network = network(address);
        return network.equals(canonical) ? List.of(canonical) : List.of(canonical, network);
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

    /**
     * Unblocks the address: the block that names it, and for IPv6 the block of its /64 (any address of the network lifts
     * it, e.g. {@code 2001:db8:0:1::}); false when neither was on the list.
     */
    public static boolean remove(KeycloakSession session, String realmId, String address) {
        List<String> names = names(address);
        if (names.isEmpty()) {
            return false;
        }
        return em(session)
                        .createQuery(
                                "delete from BlockedAddressEntity b where b.realmId = :realm and b.address in :names")
                        .setParameter("realm", realmId)
                        .setParameter("names", names)
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
