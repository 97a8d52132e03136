package dev.ciamkit.risk.signal.transaction;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.Map;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Runs the executor on a mocked authorization-request context. */
final class TransactionRecordExecutorTestSupport {

    private TransactionRecordExecutorTestSupport() {}

    static void execute(
            KeycloakSession session, ClientModel client, AuthenticationSessionModel auth, Map<String, String> query)
            throws org.keycloak.services.clientpolicy.ClientPolicyException {
        AuthorizationRequestContext context = mock(AuthorizationRequestContext.class);
        given(context.getEvent()).willReturn(ClientPolicyEvent.AUTHORIZATION_REQUEST);
        given(context.getAuthenticationSession()).willReturn(auth);
        given(context.getClient()).willReturn(client);
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        query.forEach(params::putSingle);
        given(context.getRequestParameters()).willReturn(params);
        given(context.getAuthorizationEndpointRequest()).willReturn(new AuthorizationEndpointRequest());
        new TransactionRecordExecutor(session).executeOnEvent(context);
    }
}
