package dev.ciamkit.risk.signal.location;

import com.google.common.net.InetAddresses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Writes a tiny MaxMind DB (format 2.0, https://maxmind.github.io/MaxMind-DB/) in the GeoIP2 City or Country shape,
 * for tests only: no MMDB writer is published on Maven Central and no test database either, and product code reads
 * MMDB only through MaxMind's reader. Self-contained (Guava for address literals) so the integration tests can reuse it.
 *
 * <p>Layout: an IPv6 search tree of 24-bit records (IPv4 networks under {@code ::/96}), 16 zero bytes, the data
 * section (one map per network), then {@code \xAB\xCD\xEFMaxMind.com} and the metadata map.
 */
public final class TestMmdbWriter {

    private static final byte[] METADATA_START = {
        (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'
    };
    private static final int RECORD_BITS = 24;
    private static final int DATA_SEPARATOR = 16;

    // data section types
    private static final int UTF8_STRING = 2;
    private static final int DOUBLE = 3;
    private static final int UINT16 = 5;
    private static final int UINT32 = 6;
    private static final int MAP = 7;
    private static final int UINT64 = 9;
    private static final int ARRAY = 11;

    private TestMmdbWriter() {}

    /** A GeoIP2-City database: each CIDR network (IPv4 or IPv6) to its place. */
    public static void write(Path file, Map<String, GeoPlace> networks) throws IOException {
        write(file, networks, "GeoIP2-City");
    }

    /**
     * A database of this type: city and location records only when the type names a City database (e.g. {@code
     * GeoLite2-Country} gets the country alone).
     */
    public static void write(Path file, Map<String, GeoPlace> networks, String databaseType) throws IOException {
        boolean city = databaseType.contains("City");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Node root = new Node();
        List<Map.Entry<String, GeoPlace>> sorted = new ArrayList<>(networks.entrySet());
        // shorter prefixes first: a longer one inserted later splits the shorter one's leaf, so the longest wins
        sorted.sort(Comparator.comparingInt(e -> prefix(e.getKey())));
        for (Map.Entry<String, GeoPlace> entry : sorted) {
            Leaf leaf = new Leaf(data.size());
            encode(data, record(entry.getValue(), city));
            insert(root, bits(entry.getKey()), prefix(entry.getKey()), leaf);
        }
        List<Node> nodes = number(root);
        long nodeCount = nodes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<Node, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        for (Node node : nodes) {
            writeRecord(out, value(node.children[0], index, nodeCount));
            writeRecord(out, value(node.children[1], index, nodeCount));
        }
        out.write(new byte[DATA_SEPARATOR]);
        data.writeTo(out);
        out.write(METADATA_START);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("node_count", new Unsigned(UINT32, nodeCount));
        metadata.put("record_size", new Unsigned(UINT16, RECORD_BITS));
        metadata.put("ip_version", new Unsigned(UINT16, 6));
        metadata.put("database_type", databaseType);
        metadata.put("languages", List.of("en"));
        metadata.put("binary_format_major_version", new Unsigned(UINT16, 2));
        metadata.put("binary_format_minor_version", new Unsigned(UINT16, 0));
        metadata.put("build_epoch", new Unsigned(UINT64, Instant.now().getEpochSecond()));
        metadata.put("description", Map.of("en", "CIAM Kit test database"));
        encode(out, metadata);
        Files.write(file, out.toByteArray());
    }

    private static Map<String, Object> record(GeoPlace place, boolean city) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("country", Map.of("iso_code", place.country()));
        if (city && place.city() != null) {
            record.put("city", Map.of("names", Map.of("en", place.city())));
        }
        if (city && place.hasCoordinates()) {
            record.put("location", Map.of("latitude", place.latitude(), "longitude", place.longitude()));
        }
        return record;
    }

    // ---- search tree

    private static final class Node {
        final Object[] children = new Object[2]; // null (no data), Node or Leaf
    }

    private record Leaf(int dataOffset) {}

    private static void insert(Node root, byte[] address, int prefix, Leaf leaf) {
        if (prefix == 0) {
            throw new IllegalArgumentException("a /0 network is not supported");
        }
        Node node = root;
        for (int i = 0; i < prefix; i++) {
            int bit = (address[i / 8] >> (7 - i % 8)) & 1;
            if (i == prefix - 1) {
                node.children[bit] = leaf;
                return;
            }
            Object next = node.children[bit];
            if (next instanceof Node child) {
                node = child;
            } else {
                Node child = new Node();
                child.children[0] = next; // a shorter network's leaf (or nothing) covers both halves
                child.children[1] = next;
                node.children[bit] = child;
                node = child;
            }
        }
    }

    /** Nodes breadth first, the root first (the reader starts at node 0). */
    private static List<Node> number(Node root) {
        List<Node> nodes = new ArrayList<>();
        Queue<Node> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            Node node = queue.remove();
            nodes.add(node);
            for (Object child : node.children) {
                if (child instanceof Node n) {
                    queue.add(n);
                }
            }
        }
        return nodes;
    }

    private static long value(Object child, Map<Node, Integer> index, long nodeCount) {
        if (child instanceof Node node) {
            return index.get(node);
        }
        if (child instanceof Leaf leaf) {
            // the spec: offset in the data section = record - node_count - 16
            return nodeCount + DATA_SEPARATOR + leaf.dataOffset();
        }
        return nodeCount; // no data
    }

    private static void writeRecord(ByteArrayOutputStream out, long value) {
        if (value >= 1L << RECORD_BITS) {
            throw new IllegalStateException("too large for 24-bit records");
        }
        out.write((int) (value >> 16) & 0xFF);
        out.write((int) (value >> 8) & 0xFF);
        out.write((int) value & 0xFF);
    }

    /** The network as 16 bytes: IPv4 as {@code ::a.b.c.d}. */
    private static byte[] bits(String cidr) {
        InetAddress address = InetAddresses.forString(cidr.substring(0, cidr.indexOf('/')));
        byte[] raw = address.getAddress();
        if (raw.length == 16) {
            return raw;
        }
        byte[] mapped = new byte[16];
        System.arraycopy(raw, 0, mapped, 12, 4);
        return mapped;
    }

    private static int prefix(String cidr) {
        int prefix = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        boolean v4 = InetAddresses.forString(cidr.substring(0, cidr.indexOf('/'))) instanceof Inet4Address;
        return v4 ? 96 + prefix : prefix;
    }

    // ---- data section

    /** An unsigned integer of a given MMDB type (uint16, uint32, uint64). */
    private record Unsigned(int type, long value) {}

    private static void encode(ByteArrayOutputStream out, Object value) {
        if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            control(out, UTF8_STRING, utf8.length);
            out.writeBytes(utf8);
        } else if (value instanceof Double d) {
            control(out, DOUBLE, 8);
            out.writeBytes(ByteBuffer.allocate(8).putDouble(d).array());
        } else if (value instanceof Unsigned u) {
            byte[] bytes = minimal(u.value());
            control(out, u.type(), bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof Map<?, ?> map) {
            control(out, MAP, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                encode(out, entry.getKey());
                encode(out, entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            control(out, ARRAY, list.size());
            for (Object item : list) {
                encode(out, item);
            }
        } else {
            throw new IllegalArgumentException("no MMDB encoding for " + value);
        }
    }

    /** Control byte (type in the top 3 bits, 0 for extended types), the extended type byte, then size bytes. */
    private static void control(ByteArrayOutputStream out, int type, int size) {
        int sizeBits;
        byte[] extra;
        if (size < 29) {
            sizeBits = size;
            extra = new byte[0];
        } else if (size < 29 + 256) {
            sizeBits = 29;
            extra = new byte[] {(byte) (size - 29)};
        } else if (size < 285 + 65_536) {
            sizeBits = 30;
            int s = size - 285;
            extra = new byte[] {(byte) (s >> 8), (byte) s};
        } else {
            sizeBits = 31;
            int s = size - 65_821;
            extra = new byte[] {(byte) (s >> 16), (byte) (s >> 8), (byte) s};
        }
        out.write(((type <= 7 ? type : 0) << 5) | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        out.writeBytes(extra);
    }

    private static byte[] minimal(long value) {
        int length = 0;
        for (long v = value; v != 0; v >>>= 8) {
            length++;
        }
        byte[] bytes = new byte[length];
        for (int i = length - 1, shift = 0; i >= 0; i--, shift += 8) {
            bytes[i] = (byte) (value >>> shift);
        }
        return bytes;
    }
}
