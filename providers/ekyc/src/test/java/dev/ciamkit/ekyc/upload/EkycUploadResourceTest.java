package dev.ciamkit.ekyc.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.never;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.ekyc.step.PendingForm;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;
import org.mockito.MockedConstruction;

/**
 * The upload endpoint without a server: the login is found through a mocked {@link AuthenticationSessionManager}, and
 * a mocked JAX-RS runtime builds the redirect (no JAX-RS implementation is on the test class path).
 */
class EkycUploadResourceTest {

    private static final String TOKEN_NOTE = "ciamkit.ekyc.page-token";
    private static final String RETURN_NOTE = "ciamkit.ekyc.return";
    private static final String PENDING_NOTE = "ciamkit.ekyc.pending";
    private static final String BACK = "https://id.example/realms/r/login-actions/required-action?x=1";

    private static final Response REDIRECT = mock(Response.class);
    private static final Response EXPIRED = mock(Response.class);
    private static Response.ResponseBuilder builder;

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final KeycloakContext context = mock(KeycloakContext.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final ClientModel client = mock(ClientModel.class);
    private final HttpRequest request = mock(HttpRequest.class);
    private final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
    private final LoginFormsProvider forms = mock(LoginFormsProvider.class, RETURNS_SELF);
    private final Map<String, String> notes = new HashMap<>();
    private final MultivaluedMap<String, FormPartValue> parts = new MultivaluedHashMap<>();
    private MockedConstruction<AuthenticationSessionManager> managers;
    private AuthenticationSessionModel current;

    @BeforeAll
    static void runtime() {
        RuntimeDelegate delegate = mock(RuntimeDelegate.class);
        builder = mock(Response.ResponseBuilder.class, RETURNS_SELF);
        given(builder.build()).willReturn(REDIRECT);
        given(delegate.createResponseBuilder()).willReturn(builder);
        RuntimeDelegate.setInstance(delegate);
    }

    @AfterAll
    static void noRuntime() {
        RuntimeDelegate.setInstance(null);
    }

    @BeforeEach
    void keycloak() {
        clearInvocations(builder);
        current = authSession;
        given(session.getContext()).willReturn(context);
        given(context.getRealm()).willReturn(realm);
        given(context.getHttpRequest()).willReturn(request);
        given(request.getMultiPartFormParameters()).willReturn(parts);
        given(realm.getClientByClientId("app")).willReturn(client);
        given(session.getProvider(LoginFormsProvider.class)).willReturn(forms);
        given(forms.createErrorPage(any())).willReturn(EXPIRED);
        given(session.getProvider(EnvelopeProvider.class)).willReturn(new PlainEnvelope());
        RootAuthenticationSessionModel root = mock(RootAuthenticationSessionModel.class);
        given(root.getId()).willReturn("root-1");
        given(authSession.getParentSession()).willReturn(root);
        given(authSession.getTabId()).willReturn("tab-1");
        willAnswer(i -> notes.put(i.getArgument(0), i.getArgument(1)))
                .given(authSession)
                .setAuthNote(anyString(), anyString());
        willAnswer(i -> notes.get(i.<String>getArgument(0))).given(authSession).getAuthNote(anyString());
        willAnswer(i -> notes.remove(i.<String>getArgument(0)))
                .given(authSession)
                .removeAuthNote(anyString());
        managers = mockConstruction(
                AuthenticationSessionManager.class,
                (manager, ctx) -> given(manager.getCurrentAuthenticationSession(realm, client, "tab-1"))
                        .willAnswer(i -> current));
        notes.put(TOKEN_NOTE, "page-token");
        notes.put(RETURN_NOTE, BACK);
        notes.put("ciamkit.ekyc.upload", "idImage:" + (8 << 20));
    }

    @AfterEach
    void close() {
        managers.close();
    }

    private Response upload() {
        return new EkycUploadResource(session).upload("app", "tab-1");
    }

    private void text(String name, String value) {
        FormPartValue part = mock(FormPartValue.class);
        given(part.asInputStream()).willAnswer(i -> new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8)));
        given(part.asString()).willReturn(value);
        parts.add(name, part);
    }

    private void file(String name, byte[] bytes) {
        FormPartValue part = mock(FormPartValue.class);
        given(part.asInputStream()).willAnswer(i -> new ByteArrayInputStream(bytes));
        given(part.asString()).willThrow(new IllegalStateException("Form value is a file"));
        parts.add(name, part);
    }

    private PendingForm kept() throws Exception {
        String sealed = notes.get(PENDING_NOTE);
        assertThat(sealed).as("a form was kept").isNotNull();
        return new ObjectMapper().readValue(Base64.getDecoder().decode(sealed), PendingForm.class);
    }

    @Nested
    class Accepted {
        @Test
        void the_page_with_its_token_is_kept_and_the_browser_sent_back() throws Exception {
            text(PendingForm.TOKEN_FIELD, "page-token");
            text("familyName", " 홍 ");
            file("idImage", new byte[] {1, 2, 3});

            assertThat(upload()).isSameAs(REDIRECT);
            then(builder).should().location(URI.create(BACK));
            PendingForm form = kept();
            assertThat(form.fields()).containsExactly(Map.entry("familyName", "홍"));
            assertThat(form.file("idImage"))
                    .hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
            assertThat(notes).doesNotContainKey(TOKEN_NOTE);
        }

        @Test
        void only_the_known_fields_are_kept() throws Exception {
            text(PendingForm.TOKEN_FIELD, "page-token");
            text("givenName", "길동");
            text("code", "1234");
            text("password", "secret");
            file("avatar", new byte[] {9});

            upload();

            assertThat(kept().fields()).containsOnlyKeys("givenName");
            assertThat(kept().files()).isEmpty();
        }

        @Test
        void a_text_over_200_bytes_or_blank_is_dropped() throws Exception {
            text(PendingForm.TOKEN_FIELD, "page-token");
            text("familyName", "a".repeat(200));
            text("givenName", "a".repeat(201));
            text("idNumber", "   ");

            upload();

            assertThat(kept().fields()).containsOnlyKeys("familyName");
        }

        @Test
        void only_the_image_the_page_asks_for_is_read_to_one_byte_past_the_steps_limit() throws Exception {
            notes.put("ciamkit.ekyc.upload", "selfie:1000");
            text(PendingForm.TOKEN_FIELD, "page-token");
            file("selfie", new byte[5000]);
            file("idImage", new byte[] {1, 2, 3});

            upload();

            assertThat(kept().file("selfie"))
                    .hasValueSatisfying(b -> assertThat(b).hasSize(1001));
            assertThat(kept().files()).as("the ID page is not this one").containsOnlyKeys("selfie");
        }
    }

    @Nested
    class Refused {
        @Test
        void a_wrong_token_keeps_nothing() {
            text(PendingForm.TOKEN_FIELD, "other-token");
            file("idImage", new byte[] {1});

            assertThat(upload()).isSameAs(EXPIRED);
            assertThat(notes).doesNotContainKey(PENDING_NOTE).containsKey(TOKEN_NOTE);
        }

        @Test
        void no_token_keeps_nothing() {
            file("idImage", new byte[] {1});

            assertThat(upload()).isSameAs(EXPIRED);
            assertThat(notes).doesNotContainKey(PENDING_NOTE);
        }

        @Test
        void a_login_without_a_rendered_page_keeps_nothing() {
            notes.remove(RETURN_NOTE);
            text(PendingForm.TOKEN_FIELD, "page-token");

            assertThat(upload()).isSameAs(EXPIRED);
            assertThat(notes).doesNotContainKey(PENDING_NOTE);
        }

        @Test
        void no_login_for_this_browser_is_expired() {
            current = null;
            text(PendingForm.TOKEN_FIELD, "page-token");

            assertThat(upload()).isSameAs(EXPIRED);
            assertThat(notes).doesNotContainKey(PENDING_NOTE);
            then(forms).should().setError("ciamkitEkycStartOver");
        }

        @Test
        void an_unknown_client_or_missing_tab_is_expired_without_looking_for_a_login() {
            assertThat(new EkycUploadResource(session).upload("nobody", "tab-1"))
                    .isSameAs(EXPIRED);
            assertThat(new EkycUploadResource(session).upload(null, "tab-1")).isSameAs(EXPIRED);
            assertThat(new EkycUploadResource(session).upload("app", null)).isSameAs(EXPIRED);
            assertThat(managers.constructed()).isEmpty();
            then(request).should(never()).getMultiPartFormParameters();
        }
    }

    /** Seals as plain base64, so the test can read what was kept. */
    private static final class PlainEnvelope implements EnvelopeProvider {
        @Override
        public String seal(byte[] plaintext, String context) {
            return Base64.getEncoder().encodeToString(plaintext);
        }

        @Override
        public byte[] open(String sealed, String context) {
            return Base64.getDecoder().decode(sealed);
        }

        @Override
        public boolean needsRewrap(String sealed) {
            return false;
        }

        @Override
        public String hashIdentifier(String purpose, String value) {
            return value;
        }

        @Override
        public boolean identifierMatches(String storedHash, String purpose, String value) {
            return storedHash.equals(value);
        }

        @Override
        public List<String> identifierCandidates(String purpose, String value) {
            return List.of(value);
        }
    }
}
