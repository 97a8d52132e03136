package dev.ciamkit.risk.signal.location;

import com.google.common.net.InetAddresses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A CIDR-to-place list in CSV, for banks that keep their own list or test without a GeoIP licence. Format, UTF-8:
 *
 * <pre>
 * # comment
 * network,country,city,latitude,longitude
 * 192.0.2.0/24,KR,Seoul,37.5665,126.9780
 * 2001:db8::/32,KR,,,
 * </pre>
 *
 * <p>City, latitude and longitude may be empty (coordinates only as a pair). No quoting: a city name cannot hold a
 * comma. The longest matching prefix wins. A line that does not parse (or repeats a network) is skipped and counted;
 * one warning names their line numbers, never their content. Lookups go through {@link PrefixTable}: one hash probe
 * per distinct prefix length in the list, whatever its size.
 */
public final class CsvLocationSource implements LocationSource {

    static final String HEADER = "network,country,city,latitude,longitude";
    private static final Logger LOG = Logger.getLogger(CsvLocationSource.class);
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]+");
    private static final int MAX_LINES_NAMED = 20;

    private final PrefixTable v4;
    private final PrefixTable v6;
    private final List<Integer> badLines;

    private CsvLocationSource(PrefixTable v4, PrefixTable v6, List<Integer> badLines) {
        this.v4 = v4;
        this.v6 = v6;
        this.badLines = List.copyOf(badLines);
    }

    /** Reads the file; throws when it cannot be read (bad lines do not throw, they are skipped). */
    public static CsvLocationSource load(Path csv) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return parse(reader, String.valueOf(csv.getFileName()));
        }
    }

    /** Reads the list; {@code name} only names it in the warning about bad lines. */
    public static CsvLocationSource parse(Reader in, String name) throws IOException {
        PrefixTable.Builder v4 = new PrefixTable.Builder(32);
        PrefixTable.Builder v6 = new PrefixTable.Builder(128);
        List<Integer> bad = new ArrayList<>();
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        boolean first = true;
        int number = 0;
        for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
            number++;
            String line = raw.strip();
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean header = first && line.replace(" ", "").equalsIgnoreCase(HEADER);
            first = false;
            if (!header && !add(line, v4, v6)) {
                bad.add(number);
            }
        }
        CsvLocationSource source = new CsvLocationSource(v4.build(), v6.build(), bad);
        if (!bad.isEmpty()) {
            LOG.warnf(
                    "CIAM Kit: location CSV %s: %d line(s) skipped, not network,country[,city,latitude,longitude]"
                            + " or a repeated network: line(s) %s%s",
                    name,
                    bad.size(),
                    bad.subList(0, Math.min(bad.size(), MAX_LINES_NAMED)),
                    bad.size() > MAX_LINES_NAMED ? " and more" : "");
        }
        return source;
    }

    private static boolean add(String line, PrefixTable.Builder v4, PrefixTable.Builder v6) {
        String[] fields = line.split(",", -1);
        if (fields.length < 2 || fields.length > 5) {
            return false;
        }
        String network = fields[0].strip();
        int slash = network.indexOf('/');
        if (slash < 0 || !ADDRESS.matcher(network.substring(0, slash)).matches()) {
            // ASCII hex, dots and colons only: no zone, and no Unicode digits (Guava would read them as digits)
            return false;
        }
        String country = fields[1].strip();
        if (!COUNTRY.matcher(country).matches()) {
            return false;
        }
        try {
            InetAddress address = InetAddresses.forString(network.substring(0, slash));
            int prefix = Integer.parseInt(network.substring(slash + 1));
            Optional<GeoPlace> place = place(country, field(fields, 2), field(fields, 3), field(fields, 4));
            if (place.isEmpty()) {
                return false;
            }
            PrefixTable.Builder table = address instanceof Inet4Address ? v4 : v6;
            return table.put(address.getAddress(), prefix, place.get());
        } catch (IllegalArgumentException e) {
            // a bad address literal or prefix (NumberFormatException is one): the line is skipped and counted
            return false;
        }
    }

    private static Optional<GeoPlace> place(String country, String city, String latitude, String longitude) {
        if (latitude.isEmpty() && longitude.isEmpty()) {
            return Optional.of(new GeoPlace(country, city, null, null));
        }
        double lat = Double.parseDouble(latitude);
        double lon = Double.parseDouble(longitude);
        if (!GeoPlace.validCoordinates(lat, lon)) {
            return Optional.empty();
        }
        return Optional.of(new GeoPlace(country, city, lat, lon));
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? fields[index].strip() : "";
    }

    @Override
    public Optional<GeoPlace> lookup(InetAddress address) {
        if (address == null) {
            return Optional.empty();
        }
        return (address instanceof Inet4Address ? v4 : v6).longestMatch(address.getAddress());
    }

    /** The networks read. */
    public int size() {
        return v4.size() + v6.size();
    }

    /** The numbers of the lines skipped, first line 1. */
    public List<Integer> badLines() {
        return badLines;
    }

    @Override
    public String kind() {
        return "csv";
    }
}
