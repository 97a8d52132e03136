package dev.ciamkit.risk.signal.location;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Networks of one address family by prefix length: for each length in use, a hash map from the network's masked
 * address to its place. A lookup masks the address with each length in use, longest first, and stops at the first
 * hit: at most 33 (IPv4) or 129 (IPv6) probes, in practice a handful, however many networks the list holds.
 */
final class PrefixTable {

    /** An address of up to 128 bits, high then low 64 bits; IPv4 fills the low 32. */
    private record Key(long high, long low) {}

    private final int bits;
    private final Map<Key, GeoPlace>[] byLength;
    private final int[] lengthsLongestFirst;
    private final int size;

    private PrefixTable(int bits, Map<Key, GeoPlace>[] byLength) {
        this.bits = bits;
        this.byLength = byLength;
        this.lengthsLongestFirst = IntStream.rangeClosed(0, bits)
                .map(i -> bits - i)
                .filter(length -> byLength[length] != null)
                .toArray();
        this.size = Arrays.stream(byLength)
                .mapToInt(map -> map == null ? 0 : map.size())
                .sum();
    }

    Optional<GeoPlace> longestMatch(byte[] address) {
        if (address.length * 8 != bits) {
            return Optional.empty();
        }
        for (int length : lengthsLongestFirst) {
            GeoPlace place = byLength[length].get(key(address, length));
            if (place != null) {
                return Optional.of(place);
            }
        }
        return Optional.empty();
    }

    int size() {
        return size;
    }

    /** The address with every bit after {@code length} cleared. */
    private static Key key(byte[] address, int length) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < address.length; i++) {
            int keep = Math.max(0, Math.min(8, length - i * 8));
            int octet = address[i] & (0xFF00 >>> keep) & 0xFF;
            if (address.length == 16 && i < 8) {
                high = (high << 8) | octet;
            } else {
                low = (low << 8) | octet;
            }
        }
        return new Key(high, low);
    }

    /** Collects networks, then freezes them into a table. */
    static final class Builder {

        private final int bits;
        private final Map<Key, GeoPlace>[] byLength;

        @SuppressWarnings("unchecked")
        Builder(int bits) {
            this.bits = bits;
            this.byLength = new Map[bits + 1];
        }

        /** Adds a network (host bits after the prefix are ignored); false for a bad prefix or a repeated network. */
        boolean put(byte[] address, int prefix, GeoPlace place) {
            if (address.length * 8 != bits || prefix < 0 || prefix > bits) {
                return false;
            }
            if (byLength[prefix] == null) {
                byLength[prefix] = new HashMap<>();
            }
            return byLength[prefix].putIfAbsent(key(address, prefix), place) == null;
        }

        PrefixTable build() {
            return new PrefixTable(bits, byLength.clone());
        }
    }
}
