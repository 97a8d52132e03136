package dev.ciamkit.risk.signal.transaction;

import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.RiskSignalFactory;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The {@code transaction} signal: the amount a client asked the login for against the client's threshold. The values
 * are recorded in the authorization request by the {@code ciamkit-risk-transaction} client-policy executor (see {@link
 * TransactionRecordExecutorFactory} for the parameters and when they are trusted). Thresholds per client are entries
 * {@code clientId=amount} or {@code clientId=amount CUR} of {@code transaction.thresholds}; others use {@code
 * transaction.default-threshold} (KRW). Meaningless at a token refresh.
 */
public final class TransactionSignalFactory implements RiskSignalFactory {

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new TransactionSignal();
    }

    @Override
    public String getId() {
        return TransactionSignal.ID;
    }

    @Override
    public int defaultWeight() {
        return 100;
    }

    @Override
    public List<ProviderConfigProperty> configProperties() {
        return TransactionConfigProperties.all();
    }
}
