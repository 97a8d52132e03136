package dev.ciamkit.ekyc.http;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Fails one vendor method fast while it is down, so its timeouts do not hold up users or the other methods. Closed,
 * it lets every call through and counts consecutive failures; at the threshold it opens and refuses calls for the
 * cool-down; then it is half-open and lets one trial call through: a success closes it, a failure opens it again for
 * another cool-down. A trial whose outcome never comes back is given up after a cool-down, so the breaker cannot stay
 * half-open for ever. Per node: each node judges the vendor from its own calls.
 */
final class CircuitBreaker {

    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private static final Logger LOG = Logger.getLogger(CircuitBreaker.class);

    private final String name;
    private final int threshold;
    private final long coolDownNanos;
    private final LongSupplier nanoClock;
    private State state = State.CLOSED;
    private int failures;
    private long since;

    /** @param nanoClock {@link System#nanoTime()} in production */
    CircuitBreaker(String name, int threshold, long coolDownMillis, LongSupplier nanoClock) {
        this.name = name;
        this.threshold = Math.max(1, threshold);
        this.coolDownNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, coolDownMillis));
        this.nanoClock = nanoClock;
    }

    /** Whether a call may go out now; every call that may must report back with {@link #record}. */
    synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now - since < coolDownNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                since = now;
                return true;
            default:
                // half-open: one trial at a time, unless the trial is overdue
                if (now - since < coolDownNanos) {
                    return false;
                }
                since = now;
                return true;
        }
    }

    /** @param failed the vendor failed (no answer, 5xx, refused us, nonsense), as opposed to any answer of substance */
    synchronized void record(boolean failed) {
        if (!failed) {
            if (state != State.CLOSED) {
                LOG.infof("CIAM Kit eKYC: %s answers again; its circuit is closed", name);
            }
            state = State.CLOSED;
            failures = 0;
            return;
        }
        failures++;
        if (state == State.HALF_OPEN || (state == State.CLOSED && failures >= threshold)) {
            if (state == State.CLOSED) {
                LOG.warnf(
                        "CIAM Kit eKYC: %s failed %d times in a row; failing fast for %d ms",
                        name, failures, TimeUnit.NANOSECONDS.toMillis(coolDownNanos));
            }
            state = State.OPEN;
            since = nanoClock.getAsLong();
        }
    }

    synchronized State state() {
        return state;
    }
}
