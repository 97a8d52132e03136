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
 */
final class SharedUsers implements Iterator<Map<String, Object>> {

    private final List<String[]> rows;
    private final AtomicLong next = new AtomicLong();

    private SharedUsers(List<String[]> rows) {
        this.rows = rows;
    }

    static SharedUsers load(Path csv) {
        try {
            List<String[]> rows = Files.readAllLines(csv).stream()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(","))
                    .toList();
            if (rows.isEmpty()) {
                throw new IllegalStateException(csv + " has no users");
            }
            return new SharedUsers(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Map<String, Object> next() {
        String[] row = rows.get((int) (next.getAndIncrement() % rows.size()));
        return Map.of("username", row[0], "seedHex", row[1]);
    }
}
