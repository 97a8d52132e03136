package dev.ciamkit.risk.signal.network;

import dev.ciamkit.common.blocklist.AddressBlocklist;
import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.SignalResult;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The client address against the realm's deny and allow lists, the realm's block list (addresses the audit module's
 * anomaly rules blocked for a while, decisive like the deny list) and the server's known-bad list (e.g. Tor exits).
 * Deny wins over allow; an allow-listed network (a branch office, the bank's own VPN) counts as evidence.
 */
final class NetworkSignal implements RiskSignal {

    static final String ID = "network";

    private final NetworkSignalFactory factory;

    NetworkSignal(NetworkSignalFactory factory) {
        this.factory = factory;
    }

    @Override
    public SignalResult evaluate(RiskInput input) {
        Optional<InetAddress> address = Cidr.address(input.clientAddress());
        if (address.isEmpty()) {
            return SignalResult.unknown(ID, "bad_address");
        }
        if (factory.list(input.config().get(NetworkSignalFactory.DENY)).contains(address.get())) {
            return SignalResult.decisive(
                    ID, BoundedInt.read(input.config(), NetworkSignalFactory.DENY_POINTS, 100, 0, 100), "deny_listed");
        }
        // an allow-listed network (a branch, the bank's VPN) is never shut out by an automatic block
        boolean allowed =
                factory.list(input.config().get(NetworkSignalFactory.ALLOW)).contains(address.get());
        if (!allowed && blocked(input)) {
            int points = BoundedInt.read(input.config(), NetworkSignalFactory.DENY_POINTS, 100, 0, 100);
            // a block refuses new logins; at a token refresh it only adds points: the sessions of other people
            // behind a shared address are not ended because strangers failed logins there
            return input.phase() == dev.ciamkit.risk.spi.RiskPhase.REFRESH
                    ? SignalResult.fired(ID, points, "blocked_address")
                    : SignalResult.decisive(ID, points, "blocked_address");
        }
        if (factory.badAddresses().contains(address.get())) {
            return SignalResult.decisive(
                    ID,
                    BoundedInt.read(input.config(), NetworkSignalFactory.BAD_POINTS, 60, 0, 100),
                    "bad_address_list");
        }
        if (allowed) {
            return SignalResult.known(ID, "allow_listed");
        }
        return SignalResult.clear(ID, "not_listed");
    }

    /** The realm's block list (the audit module's anomaly rules fill it): an entry counts like the deny list. */
    private static boolean blocked(RiskInput input) {
        return input.session() != null
                && input.realm() != null
                && AddressBlocklist.isBlocked(input.session(), input.realm().getId(), input.clientAddress());
    }
}
