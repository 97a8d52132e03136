package dev.ciamkit.risk.spi;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderFactory;

/**
 * Creates a {@link RiskSignal}. Server-wide settings (file paths) are SPI options read in {@code init}, never realm
 * configuration; realm settings (lists, thresholds) are properties of the evaluator's config form, keys prefixed with
 * the signal's id, listed by {@link #configProperties()}.
 */
public interface RiskSignalFactory extends ProviderFactory<RiskSignal> {

    /** The weight (0–100) a realm gets until its admin sets one; 0 leaves the signal off. */
    int defaultWeight();

    /** Whether the signal means something at a token refresh (no device cookie, a confidential client's address). */
    default boolean usefulAtRefresh() {
        return false;
    }

    /** The realm settings of this signal, shown in the evaluator's config form. */
    default List<ProviderConfigProperty> configProperties() {
        return List.of();
    }

    /** The config key of this signal's weight. */
    static String weightKey(String signalId) {
        return "signal." + signalId + ".weight";
    }

    /** Most signals read no server option: nothing to do at start unless a factory says so. */
    @Override
    default void init(Config.Scope config) {}

    @Override
    default void postInit(KeycloakSessionFactory factory) {}

    @Override
    default void close() {}
}
