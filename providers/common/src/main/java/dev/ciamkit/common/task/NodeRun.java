package dev.ciamkit.common.task;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * One run at a time on this node for a background task that an admin endpoint can also start ("run now"): the scheduled
 * run is skipped while an admin's run goes on, and an admin's call waits a little for the scheduled run to end, then
 * runs, so that "now" means now without queueing requests behind a long run. Across nodes the task's own cluster lock
 * decides.
 */
public final class NodeRun {

    private static final int ADMIN_WAIT_SECONDS = 10;

    private final ReentrantLock onThisNode = new ReentrantLock();

    /** An admin endpoint's run: its result, or 0 when this node's scheduled run did not end in time. */
    public int now(IntSupplier run) {
        try {
            if (!onThisNode.tryLock(ADMIN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        try {
            return run.getAsInt();
        } finally {
            onThisNode.unlock();
        }
    }

    /** The scheduled run: skipped when this node is already running the task. */
    public void scheduled(IntSupplier run) {
        if (onThisNode.tryLock()) {
            try {
                run.getAsInt();
            } finally {
                onThisNode.unlock();
            }
        }
    }
}
