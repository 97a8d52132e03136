package dev.ciamkit.risk.signal.location;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Where an address is. Implementations hold their data in memory (or a memory-mapped file), loaded once by the
 * factory: a lookup does no I/O of its own, never resolves names and never throws for any address.
 */
public interface LocationSource extends AutoCloseable {

    /** The place of this address, or empty when the source does not know it. */
    Optional<GeoPlace> lookup(InetAddress address);

    /** A short name of the kind of source, for the server info page (never a path or a content). */
    String kind();

    @Override
    default void close() {}
}
