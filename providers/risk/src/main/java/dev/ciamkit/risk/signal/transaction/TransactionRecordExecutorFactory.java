package dev.ciamkit.risk.signal.transaction;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/**
 * {@code ciamkit-risk-transaction}: a client-policy executor that records, in each authorization request, the
 * transaction the client sent and whether it is trusted. Put it in a client profile bound to the clients that send
 * transactions (the demo realm binds it to every client).
 *
 * <p>Parameter contract, read by {@link TransactionParser}:
 *
 * <ul>
 *   <li>{@code ciamkit_tx_amount}: a positive plain decimal, ASCII digits, at most 2 fractional digits and 24
 *       characters ({@code 1500000}, {@code 12.50}); a sign, exponent, grouping, hex or full-width digits give {@code
 *       bad_amount};
 *   <li>{@code ciamkit_tx_currency}: ISO 4217 ({@code KRW} when absent);
 *   <li>{@code ciamkit_tx_type}: {@code [a-z0-9_-]{1,32}};
 *   <li>or, without {@code ciamkit_tx_amount}, an {@code authorization_details} entry of type {@code
 *       ciamkit_transaction} or {@code payment_initiation}, read only where the server has an authorization-details
 *       processor for that type (CIAM Kit ships none: Keycloak 26.7 refuses such entries, so a token never carries an
 *       amount other than the one assessed).
 * </ul>
 *
 * <p>Trusted only when sent in a request object whose signature Keycloak verified (the client's "request object
 * signature algorithm" set to a real algorithm: Keycloak accepts {@code alg: none} otherwise) or in a pushed
 * authorization request of a confidential client carrying its own {@code client_id}; anything else is recorded as
 * unverified. A request with a transaction is a login of its own ({@code prompt=login}, {@code max_age=0}); one whose
 * own prompt or max_age would loosen that is refused.
 */
public final class TransactionRecordExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String ID = "ciamkit-risk-transaction";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new TransactionRecordExecutor(session);
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

    @Override
    public String getHelpText() {
        return "CIAM Kit: records the transaction (amount, currency, type) a client sent with an authorization request,"
                + " trusted only from a signed request object or a confidential client's pushed request, for the"
                + " risk evaluator's transaction signal.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
