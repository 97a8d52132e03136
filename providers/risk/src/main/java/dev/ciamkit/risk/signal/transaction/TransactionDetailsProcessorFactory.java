package dev.ciamkit.risk.signal.transaction;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.rar.AuthorizationDetailsProcessor;
import org.keycloak.protocol.oidc.rar.AuthorizationDetailsProcessorFactory;

/**
 * Accepts {@code authorization_details} entries of type {@code ciamkit_transaction} (Keycloak finds a processor by its
 * factory's id, which is the type). {@link PaymentInitiation} does the same for {@code payment_initiation}.
 */
public class TransactionDetailsProcessorFactory implements AuthorizationDetailsProcessorFactory {

    @Override
    public AuthorizationDetailsProcessor<?> create(KeycloakSession session) {
        return new TransactionDetailsProcessor(getId());
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return TransactionParser.DETAILS_TYPE;
    }

    /** The {@code payment_initiation} type, with {@code instructedAmount {amount, currency}}. */
    public static final class PaymentInitiation extends TransactionDetailsProcessorFactory {

        @Override
        public String getId() {
            return TransactionParser.PAYMENT_INITIATION;
        }
    }
}
