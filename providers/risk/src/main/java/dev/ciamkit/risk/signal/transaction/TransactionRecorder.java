package dev.ciamkit.risk.signal.transaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.jose.JOSE;
import org.keycloak.jose.JOSEParser;
import org.keycloak.jose.jwe.JWE;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequestParserProcessor;
import org.keycloak.protocol.oidc.endpoints.request.AuthzEndpointRequestParser;
import org.keycloak.protocol.oidc.endpoints.request.RequestUriType;
import org.keycloak.protocol.oidc.par.endpoints.request.AuthzEndpointParParser;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Decides, in the authorization request itself (the only moment Keycloak still holds the parsed request object and the
 * pushed request), where the transaction values came from, and records the verdict as a client note of the new
 * authentication session. The note's name has no {@code client_request_param_} prefix, so no request parameter can
 * write it; client notes survive a restarted login, unlike auth notes.
 *
 * <p>Keycloak 26.7 merges the additional parameters of the query string with those of the request object or pushed
 * request (query first, then the trusted source, at most 5 in all), so {@code getAdditionalReqParams()} cannot tell
 * them apart: the trusted values are read from their source directly, and the merged ones are only ever unverified.
 */
final class TransactionRecorder {

    /** The client note holding {@link TransactionClaim#encode()}. */
    static final String NOTE = "ciamkit.risk.transaction";

    private static final String REQUEST_URI = "request_uri";
    private static final String REQUEST = "request";
    private static final String ALG_NONE = "none";

    private final KeycloakSession session;

    TransactionRecorder(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Records the transaction of this authorization request, or removes any record when there is none.
     *
     * @param parameters the request's query or form parameters, first values
     * @param merged the additional parameters Keycloak parsed (query and trusted source merged)
     */
    /** @return whether a transaction was recorded */
    boolean record(
            ClientModel client,
            AuthenticationSessionModel auth,
            Function<String, String> parameters,
            Map<String, String> merged) {
        Optional<TransactionClaim> claim = trusted(client, parameters)
                .or(() -> TransactionParser.parse(merged::get, TransactionClaim.Source.UNVERIFIED));
        if (claim.isPresent()) {
            auth.setClientNote(NOTE, claim.get().encode());
            // A transaction is approved by a login of its own: never by the SSO cookie alone, which skips the password
            // and the risk steps (whoever holds a stolen session cookie would approve it). OIDC's prompt=login and
            // max_age=0, as Keycloak's own protocol reads them from the client notes (max_age alone lets a session of
            // the same second through); the executor refuses a request whose own prompt or max_age would loosen them.
            auth.setClientNote(OIDCLoginProtocol.PROMPT_PARAM, OIDCLoginProtocol.PROMPT_VALUE_LOGIN);
            auth.setClientNote(OIDCLoginProtocol.MAX_AGE_PARAM, "0");
            return true;
        }
        auth.removeClientNote(NOTE);
        return false;
    }

    /** The transaction in a confidential client's pushed request or in a request object Keycloak verified. */
    Optional<TransactionClaim> trusted(ClientModel client, Function<String, String> parameters) {
        String requestUri = parameters.apply(REQUEST_URI);
        if (requestUri != null
                && AuthorizationEndpointRequestParserProcessor.getRequestUriType(requestUri) == RequestUriType.PAR) {
            return pushed(client, requestUri);
        }
        JsonNode object = session.getAttribute(AuthzEndpointRequestParser.AUTHZ_REQUEST_OBJECT, JsonNode.class);
        if (object == null || !signatureEnforced(client) || !signedInside(client)) {
            return Optional.empty();
        }
        return TransactionParser.parse(name -> value(object.get(name)), TransactionClaim.Source.SIGNED_REQUEST_OBJECT);
    }

    /**
     * A pushed request is trusted only from a confidential client: a public client's PAR endpoint call needs no
     * secret, so whoever holds the browser may push one. Keycloak has already checked the request_uri (issued, not
     * expired, this client's); its stored parameters are read again here, without the query string's.
     */
    private Optional<TransactionClaim> pushed(ClientModel client, String requestUri) {
        if (client == null || client.isPublicClient()) {
            return Optional.empty();
        }
        Map<String, String> stored = AuthzEndpointParParser.getRequestObject(session, requestUri);
        // Keycloak compares the pushed client_id with the presenting client only when the push carried one (not with
        // client_secret_basic): a push without it, or of another client, is no proof from this client.
        if (stored == null || !client.getClientId().equals(stored.get(OIDCLoginProtocol.CLIENT_ID_PARAM))) {
            return Optional.empty();
        }
        Optional<TransactionClaim> flat = TransactionParser.parse(stored::get, TransactionClaim.Source.PAR);
        if (flat.isPresent() || stored.get(REQUEST) == null) {
            return flat;
        }
        // a request object pushed by the authenticated client: its claims are as trusted as the push itself
        return claims(stored.get(REQUEST))
                .flatMap(claims ->
                        TransactionParser.parse(name -> value(claims.get(name)), TransactionClaim.Source.PAR));
    }

    /**
     * Whether Keycloak refused unsigned request objects for this client. In 26.7 {@code AuthzEndpointRequestObjectParser}
     * accepts {@code alg: none} unless the client's "request object signature algorithm" is set to a real algorithm;
     * when it is, any other algorithm is refused and the signature is checked with the client's keys.
     */
    static boolean signatureEnforced(ClientModel client) {
        if (client == null) {
            return false;
        }
        String alg = OIDCAdvancedConfigWrapper.fromClientModel(client).getRequestObjectSignatureAlg();
        return alg != null && !alg.isBlank() && !ALG_NONE.equalsIgnoreCase(alg) && !"any".equalsIgnoreCase(alg);
    }

    /**
     * An encrypted request object is trusted only when it holds a signed one: Keycloak also accepts plain JSON inside a
     * JWE, and anyone can encrypt to the realm's public key.
     */
    private boolean signedInside(ClientModel client) {
        Object encrypted = session.getAttribute(AuthzEndpointRequestParser.AUTHZ_REQUEST_OBJECT_ENCRYPTED);
        if (encrypted == null) {
            return true;
        }
        try {
            if (!(encrypted instanceof JWE jwe) || jwe.getContent() == null) {
                return false;
            }
            JOSE inner = JOSEParser.parse(new String(jwe.getContent(), StandardCharsets.UTF_8));
            return inner instanceof JWSInput jws
                    && OIDCAdvancedConfigWrapper.fromClientModel(client)
                            .getRequestObjectSignatureAlg()
                            .equals(jws.getHeader().getRawAlgorithm());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<JsonNode> claims(String jwt) {
        if (jwt.length() > 65_536) {
            return Optional.empty();
        }
        try {
            JsonNode claims = new JWSInput(jwt).readJsonContent(JsonNode.class);
            return claims != null && claims.isObject() ? Optional.of(claims) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty(); // an encrypted or broken object: no transaction from it
        }
    }

    /** A claim's value as the query string would carry it: strings as they are, JSON (numbers, arrays) as text. */
    static String value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }
}
