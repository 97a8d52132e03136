package dev.ciamkit.risk.learn;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * {@code ciamkit-risk}: global, so learning never depends on an admin remembering to enable a listener; it acts only
 * in realms whose flows hold a risk evaluator.
 */
public final class RiskEventListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "ciamkit-risk";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RiskEventListener(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
