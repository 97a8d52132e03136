package dev.ciamkit.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One circular feeder per realm shared by all phases: a user comes back only after every other user has logged in,
 * so with enough users no user logs in again while its last code is still remembered (Keycloak keeps a used code for
 * the period × (2 × look-around + 1), 90 s by default, and our replay protection likewise): both would rightly refuse
 * it. With too few users for the load the feeder says so once, on standard error, as the failed logins begin.
 * It starts where the previous run against the same server stopped ({@link #position()}), so warm-up windows a few
 * seconds apart do not sign the same users in again within their step.
 */
final class SharedUsers implements Iterator<Map<String, Object>> {

    private final List<String[]> rows;
    /** How long a used code is remembered by default: a user coming back sooner fails as a replay. */
    static final Duration REPLAY_MEMORY = Duration.ofSeconds(90);

    private final AtomicLong next = new AtomicLong();
    /** When each user was last handed out ({@link System#nanoTime()}), 0 for never in this run. */
    private final long[] lastTurn;

    private final AtomicBoolean warned = new AtomicBoolean();

    private SharedUsers(List<String[]> rows, long start) {
        this.rows = rows;
        this.next.set(start);
        this.lastTurn = new long[rows.size()];
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
        int index = (int) (next.getAndIncrement() % rows.size());
        String[] row = rows.get(index);
        long now = System.nanoTime();
        long previous = lastTurn[index];
        lastTurn[index] = now;
        if (previous != 0 && now - previous < REPLAY_MEMORY.toNanos() && warned.compareAndSet(false, true)) {
            System.err.printf(
                    "WARNING: %s signs in again %d s after its previous login: its code may be refused as a replay"
                            + " (used codes are remembered %d s). %d users are too few for this load: generate more.%n",
                    row[0], Duration.ofNanos(now - previous).toSeconds(), REPLAY_MEMORY.toSeconds(), rows.size());
        }
        return row.length > 2
                ? Map.of("username", row[0], "seedHex", row[1], "pin", row[2])
                : Map.of("username", row[0], "seedHex", row[1]);
    }
}
