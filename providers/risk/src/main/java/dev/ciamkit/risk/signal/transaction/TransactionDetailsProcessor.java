package dev.ciamkit.risk.signal.transaction;

import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.rar.AuthorizationDetailsProcessor;
import org.keycloak.representations.AuthorizationDetailsJSONRepresentation;

/**
 * Lets Keycloak accept {@code authorization_details} entries of our transaction types: 26.7's authorization endpoint
 * refuses ({@code invalid_request}) any type no processor claims. The entry is granted as sent and returned in the token
 * response (RFC 9396); its values are judged by the transaction signal, not here.
 */
final class TransactionDetailsProcessor
        implements AuthorizationDetailsProcessor<AuthorizationDetailsJSONRepresentation> {

    private final String type;

    TransactionDetailsProcessor(String type) {
        this.type = type;
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public String getSupportedType() {
        return type;
    }

    @Override
    public Class<AuthorizationDetailsJSONRepresentation> getSupportedResponseJavaType() {
        return AuthorizationDetailsJSONRepresentation.class;
    }

    @Override
    public AuthorizationDetailsJSONRepresentation validateAuthorizationDetail(
            AuthorizationDetailsJSONRepresentation detail) {
        return detail;
    }

    @Override
    public AuthorizationDetailsJSONRepresentation process(
            UserSessionModel userSession, ClientSessionContext context, AuthorizationDetailsJSONRepresentation detail) {
        return detail;
    }

    @Override
    public List<AuthorizationDetailsJSONRepresentation> handleMissingAuthorizationDetails(
            UserSessionModel userSession, ClientSessionContext context) {
        return List.of();
    }

    @Override
    public AuthorizationDetailsJSONRepresentation processStoredAuthorizationDetails(
            UserSessionModel userSession, ClientSessionContext context, AuthorizationDetailsJSONRepresentation detail) {
        return detail;
    }

    @Override
    public void afterAuthorizationDetailsProcessed(
            UserSessionModel userSession,
            ClientSessionContext context,
            AuthorizationDetailsJSONRepresentation detail) {}

    @Override
    public void close() {}
}
