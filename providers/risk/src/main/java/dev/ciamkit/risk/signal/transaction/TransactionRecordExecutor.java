package dev.ciamkit.risk.signal.transaction;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

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
    public void executeOnEvent(ClientPolicyContext context) {
        if (context.getEvent() != ClientPolicyEvent.AUTHORIZATION_REQUEST
                || !(context instanceof AuthorizationRequestContext request)
                || request.getAuthenticationSession() == null) {
            return;
        }
        try {
            new TransactionRecorder(session)
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
    }
}
