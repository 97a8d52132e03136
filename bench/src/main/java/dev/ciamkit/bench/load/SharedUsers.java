package dev.ciamkit.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One circular feeder per realm shared by all phases: a user comes back only after every other user has logged in,
 * so no user logs in twice inside one TOTP step (which both Keycloak's and our replay protection would rightly refuse).
 * It starts where the previous run against the same server stopped ({@link #position()}), so warm-up windows a few
 * seconds apart do not sign the same users in again within their step.
 */
final class SharedUsers implements Iterator<Map<String, Object>> {

    private final List<String[]> rows;
    private final AtomicLong next = new AtomicLong();

    private SharedUsers(List<String[]> rows, long start) {
        this.rows = rows;
        this.next.set(start);
    }

    static SharedUsers load(Path csv, long start) {
        try {
            List<String[]> rows = Files.readAllLines(csv).stream()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(","))
                    .toList();
            if (rows.isEmpty()) {
                throw new IllegalStateException(csv + " has no users");
            }
            return new SharedUsers(rows, Math.max(0, start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the next run should start. */
    long position() {
        return next.get() % rows.size();
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Map<String, Object> next() {
        String[] row = rows.get((int) (next.getAndIncrement() % rows.size()));
        return row.length > 2
                ? Map.of("username", row[0], "seedHex", row[1], "pin", row[2])
                : Map.of("username", row[0], "seedHex", row[1]);
    }
}
