package dev.ciamkit.common.task;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;

/**
 * Background work of ours that needs the database migrated: scheduled on each node's timer once Keycloak announces
 * the migration done. The task must never throw (Keycloak's own tasks share the timer thread) and takes a cluster
 * lock itself where only one node may run it.
 */
public final class AfterStartup {

    private AfterStartup() {}

    /** Call from a factory's {@code postInit}: runs {@code task} every {@code intervalMillis} once the server is up. */
    public static void schedule(KeycloakSessionFactory factory, String name, long intervalMillis, Runnable task) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(
                        factory,
                        session -> session.getProvider(TimerProvider.class).schedule(task, intervalMillis, name));
            }
        });
    }
}
