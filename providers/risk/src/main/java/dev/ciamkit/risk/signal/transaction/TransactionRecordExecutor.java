package dev.ciamkit.risk.signal.transaction;

import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.util.TokenUtil;

/**
 * On each authorization request ({@link ClientPolicyEvent#AUTHORIZATION_REQUEST}, which Keycloak 26.7 fires after
 * parsing the request object or pushed request and creating the authentication session), records the transaction the
 * client sent and whether it came through a trusted channel, for the {@code transaction} signal. Never refuses a
 * request: a failure records nothing, and the signal then sees the raw parameters as unverified.
 */
final class TransactionRecordExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private static final Logger LOG = Logger.getLogger(TransactionRecordExecutor.class);

    private final KeycloakSession session;

    TransactionRecordExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return TransactionRecordExecutorFactory.ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.AUTHORIZATION_REQUEST
                || !(context instanceof AuthorizationRequestContext request)
                || request.getAuthenticationSession() == null) {
            return;
        }
        boolean transaction = false;
        try {
            transaction = new TransactionRecorder(session)
                    .record(
                            request.getClient(),
                            request.getAuthenticationSession(),
                            name -> request.getRequestParameters() == null
                                    ? null
                                    : request.getRequestParameters().getFirst(name),
                            request.getAuthorizationEndpointRequest() == null
                                    ? java.util.Map.of()
                                    : request.getAuthorizationEndpointRequest().getAdditionalReqParams());
        } catch (RuntimeException e) {
            // No message: it may hold what the client sent.
            LOG.warnf(
                    "CIAM Kit: the transaction of an authorization request could not be recorded (%s)",
                    e.getClass().getSimpleName());
            try {
                request.getAuthenticationSession().removeClientNote(TransactionRecorder.NOTE);
            } catch (RuntimeException ignored) {
                // the signal reads the raw parameters as unverified
            }
        }
        // Keycloak writes the request's own prompt and max_age into the session after this event, over ours: a
        // transaction with a prompt other than login, or a max_age above 0, would let the SSO cookie approve it.
        if (transaction && loosensLogin(request.getAuthorizationEndpointRequest())) {
            throw new ClientPolicyException(
                    OAuthErrorException.INVALID_REQUEST,
                    "A transaction is approved by a login of its own: no prompt other than login, no max_age above 0");
        }
    }

    static boolean loosensLogin(AuthorizationEndpointRequest request) {
        if (request == null) {
            return false;
        }
        String prompt = request.getPrompt();
        Integer maxAge = request.getMaxAge();
        return (prompt != null && !TokenUtil.hasPrompt(prompt, OIDCLoginProtocol.PROMPT_VALUE_LOGIN))
                || (maxAge != null && maxAge > 0);
    }
}
