package dev.ciamkit.risk.signal.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.protocol.oidc.endpoints.request.AuthzEndpointRequestParser;
import org.keycloak.sessions.AuthenticationSessionModel;

class TransactionRecorderTest {

    private static final String PAR_URI = "urn:ietf:params:oauth:request_uri:" + UUID.randomUUID();
    private static final String SIG_ALG = "request.object.signature.alg";

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final SingleUseObjectProvider singleUse = mock(SingleUseObjectProvider.class);
    private final ClientModel client = mock(ClientModel.class);
    private final AuthenticationSessionModel auth = mock(AuthenticationSessionModel.class);
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, String> merged = new HashMap<>();

    @BeforeEach
    void setUp() {
        given(session.singleUseObjects()).willReturn(singleUse);
    }

    private void record() {
        new TransactionRecorder(session).record(client, auth, query::get, merged);
    }

    private void recordedAs(String note) {
        verify(auth).setClientNote(TransactionRecorder.NOTE, note);
    }

    @Test
    void nothing_sent_removes_any_record() {
        record();
        verify(auth).removeClientNote(TransactionRecorder.NOTE);
        verify(auth, never()).setClientNote(eq(TransactionRecorder.NOTE), anyString());
    }

    @Test
    void plain_query_parameters_are_unverified() {
        merged.put(TransactionParser.AMOUNT, "5000000");
        record();
        recordedAs("unverified|5000000|KRW||");
    }

    @Nested
    class Par {

        @BeforeEach
        void pushed() {
            query.put("request_uri", PAR_URI);
            Map<String, String> stored = new HashMap<>();
            stored.put(TransactionParser.AMOUNT, "5000000");
            stored.put(TransactionParser.TYPE, "transfer");
            stored.put("par.created.time", "1");
            stored.put("client_id", "bank");
            given(client.getClientId()).willReturn("bank");
            given(singleUse.get(anyString())).willReturn(stored);
        }

        @Test
        void a_confidential_clients_push_is_trusted_and_the_query_cannot_change_it() {
            merged.put(TransactionParser.AMOUNT, "1"); // appended to the authorize URL by whoever holds the browser
            record();
            recordedAs("par|5000000|KRW|transfer|");
        }

        @Test
        void a_push_of_another_client_or_without_its_client_id_proves_nothing() {
            given(singleUse.get(anyString()))
                    .willReturn(Map.of(TransactionParser.AMOUNT, "5000000", "client_id", "another-bank"))
                    .willReturn(Map.of(TransactionParser.AMOUNT, "5000000"));
            merged.put(TransactionParser.AMOUNT, "5000000");
            record();
            recordedAs("unverified|5000000|KRW||");
            org.mockito.Mockito.clearInvocations(auth);
            record();
            recordedAs("unverified|5000000|KRW||");
        }

        @Test
        void a_transaction_is_approved_by_a_login_of_its_own_never_by_the_sso_cookie() {
            record();
            then(auth).should().setClientNote("max_age", "0");
            then(auth).should().setClientNote("prompt", "login");
        }

        @Test
        void a_public_clients_push_proves_nothing() {
            given(client.isPublicClient()).willReturn(true);
            merged.put(TransactionParser.AMOUNT, "5000000");
            record();
            recordedAs("unverified|5000000|KRW||");
        }

        @Test
        void a_push_without_a_transaction_leaves_the_query_unverified() {
            given(singleUse.get(anyString())).willReturn(Map.of("par.created.time", "1", "client_id", "bank"));
            merged.put(TransactionParser.AMOUNT, "1");
            record();
            recordedAs("unverified|1|KRW||");
        }

        @Test
        void a_request_object_pushed_by_the_client_is_read() throws Exception {
            String payload = "{\"ciamkit_tx_amount\":\"2000000\",\"ciamkit_tx_currency\":\"KRW\"}";
            String jwt = b64("{\"alg\":\"RS256\"}") + "." + b64(payload) + ".c2ln";
            given(singleUse.get(anyString()))
                    .willReturn(Map.of("request", jwt, "par.created.time", "1", "client_id", "bank"));
            record();
            recordedAs("par|2000000|KRW||");
        }
    }

    @Nested
    class RequestObject {

        @BeforeEach
        void parsed() throws Exception {
            JsonNode claims = new ObjectMapper().readTree("{\"ciamkit_tx_amount\":3000000,\"client_id\":\"c\"}");
            given(session.getAttribute(AuthzEndpointRequestParser.AUTHZ_REQUEST_OBJECT, JsonNode.class))
                    .willReturn(claims);
            query.put("request", "eyJ...");
            merged.put(TransactionParser.AMOUNT, "1");
        }

        @Test
        void a_signature_the_client_requires_makes_it_trusted() {
            given(client.getAttribute(SIG_ALG)).willReturn("PS256");
            record();
            recordedAs("signed_request_object|3000000|KRW||");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"none", "any", ""})
        void without_a_required_algorithm_keycloak_accepts_alg_none_so_it_is_unverified(String alg) {
            given(client.getAttribute(SIG_ALG)).willReturn(alg);
            record();
            recordedAs("unverified|1|KRW||");
        }

        @Test
        void plain_json_inside_an_encrypted_object_is_unverified() {
            given(client.getAttribute(SIG_ALG)).willReturn("PS256");
            given(session.getAttribute(AuthzEndpointRequestParser.AUTHZ_REQUEST_OBJECT_ENCRYPTED))
                    .willReturn(new Object());
            record();
            recordedAs("unverified|1|KRW||");
        }
    }

    @Test
    void a_failure_in_keycloak_records_nothing_and_does_not_throw() throws Exception {
        query.put("request_uri", PAR_URI);
        given(singleUse.get(anyString())).willThrow(new IllegalStateException("cache down"));
        TransactionRecordExecutorTestSupport.execute(session, client, auth, query);
        verify(auth).removeClientNote(TransactionRecorder.NOTE);
    }

    @Test
    void a_transaction_whose_own_prompt_or_max_age_would_loosen_its_login_is_refused() {
        AuthorizationEndpointRequest none = mock(AuthorizationEndpointRequest.class);
        given(none.getPrompt()).willReturn("none");
        AuthorizationEndpointRequest aged = mock(AuthorizationEndpointRequest.class);
        given(aged.getMaxAge()).willReturn(86_400);
        AuthorizationEndpointRequest login = mock(AuthorizationEndpointRequest.class);
        given(login.getPrompt()).willReturn("login consent");
        given(login.getMaxAge()).willReturn(0);
        assertThat(TransactionRecordExecutor.loosensLogin(none)).isTrue();
        assertThat(TransactionRecordExecutor.loosensLogin(aged)).isTrue();
        assertThat(TransactionRecordExecutor.loosensLogin(login)).isFalse();
        assertThat(TransactionRecordExecutor.loosensLogin(new AuthorizationEndpointRequest()))
                .isFalse();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
