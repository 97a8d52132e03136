package dev.ciamkit.common.task;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * Background work of ours that needs the database migrated: run on a thread of its own (one per task and node) once
 * Keycloak announces the migration done, every {@code intervalMillis} after the previous run ended. Not on Keycloak's
 * timer: that is one thread per node shared by Keycloak's own tasks and ours, so a long run of one task (the chain
 * linker catching up) held back the others (the outbox delivering what it linked) and Keycloak's expiry tasks. The
 * task takes a cluster lock itself where only one node may run it; what it throws is logged and the next run goes on.
 */
public final class AfterStartup implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AfterStartup.class);

    private final String name;
    private volatile ScheduledExecutorService executor;
    private volatile boolean closed;

    private AfterStartup(String name) {
        this.name = name;
    }

    /**
     * Call from a factory's {@code postInit}: runs {@code task} every {@code intervalMillis} once the server is up; the
     * factory's {@code close} closes the handle (the thread stops, a run under way is interrupted).
     */
    public static AfterStartup schedule(
            KeycloakSessionFactory factory, String name, long intervalMillis, Runnable task) {
        AfterStartup handle = new AfterStartup(name);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                handle.start(intervalMillis, task);
            }
        });
        return handle;
    }

    private synchronized void start(long intervalMillis, Runnable task) {
        if (closed || executor != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ciamkit-" + name);
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(() -> runSafely(task), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        executor = started;
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (Throwable e) { // whatever it is: a throw would cancel every later run of the executor, silently
            LOG.errorf(
                    "CIAM Kit task %s failed (%s); it runs again at its next interval",
                    name, e.getClass().getName());
        }
    }

    /** The thread's name, e.g. for a thread dump: {@code ciamkit-<name>}. */
    public String threadName() {
        return "ciamkit-" + name;
    }

    @Override
    public synchronized void close() {
        closed = true;
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
