package dev.ciamkit.risk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.http.HttpResponse;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.RealmModel;
import org.mockito.ArgumentCaptor;

class DeviceCookieTest {

    private static final String REALM = "realm-id-1";
    private static final String ID = "AAECAwQFBgcICQoLDA0ODw";

    private final EnvelopeProvider envelope = new FakeEnvelope();

    /** JAX-RS cookie classes look up a runtime in their static initialiser; the server brings one, a unit test not. */
    @BeforeAll
    static void jaxRsRuntime() {
        RuntimeDelegate.setInstance(mock(RuntimeDelegate.class));
    }

    private String cookie(String realmId, String id) {
        return id + "." + envelope.hashIdentifier(DeviceCookie.purpose(realmId), id);
    }

    @Nested
    class Verify {

        @Test
        void accepts_a_cookie_signed_for_this_realm() {
            assertThat(DeviceCookie.verify(cookie(REALM, ID), REALM, envelope)).contains(ID);
        }

        @Test
        void accepts_a_cookie_signed_with_the_previous_pepper() {
            String old = ID + "." + new FakeEnvelope("p2").hashIdentifier(DeviceCookie.purpose(REALM), ID);
            assertThat(DeviceCookie.verify(old, REALM, envelope)).contains(ID);
        }

        @Test
        void rejects_a_tampered_mac() {
            String good = cookie(REALM, ID);
            char last = good.charAt(good.length() - 1);
            String tampered = good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
            assertThat(DeviceCookie.verify(tampered, REALM, envelope)).isEmpty();
        }

        @Test
        void rejects_another_id_under_a_valid_mac() {
            String mac = envelope.hashIdentifier(DeviceCookie.purpose(REALM), ID);
            assertThat(DeviceCookie.verify("BBECAwQFBgcICQoLDA0ODw." + mac, REALM, envelope))
                    .isEmpty();
        }

        @Test
        void rejects_a_cookie_of_another_realm() {
            assertThat(DeviceCookie.verify(cookie("other-realm", ID), REALM, envelope))
                    .isEmpty();
        }

        @Test
        void rejects_an_oversized_value_without_hashing_it() {
            EnvelopeProvider counting = mock(EnvelopeProvider.class);
            String big = ID + "." + "h1.p1." + "A".repeat(DeviceCookie.MAX_LENGTH);
            assertThat(DeviceCookie.verify(big, REALM, counting)).isEmpty();
            verify(counting, never()).identifierMatches(anyString(), anyString(), anyString());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    "AAECAwQFBgcICQoLDA0ODw",
                    "AAECAwQFBgcICQoLDA0ODw.",
                    ".h1.p1.abc",
                    "short.h1.p1.abc",
                    "AAECAwQFBgcICQoLDA0OD+.h1.p1.abc",
                    "AAECAwQFBgcICQoLDA0ODw.garbage"
                })
        void rejects_malformed_values(String value) {
            assertThat(DeviceCookie.verify(value, REALM, envelope)).isEmpty();
        }

        @Test
        void an_envelope_that_throws_reads_as_no_cookie() {
            EnvelopeProvider broken = mock(EnvelopeProvider.class);
            given(broken.identifierMatches(any(), any(), any())).willThrow(new IllegalStateException("no pepper"));
            assertThat(DeviceCookie.verify(cookie(REALM, ID), REALM, broken)).isEmpty();
        }
    }

    @Nested
    class OnARequest {

        private final KeycloakSession session = mock(KeycloakSession.class);
        private final KeycloakContext context = mock(KeycloakContext.class);
        private final HttpHeaders headers = mock(HttpHeaders.class);
        private final HttpResponse response = mock(HttpResponse.class);
        private final KeycloakUriInfo uri = mock(KeycloakUriInfo.class);
        private final RealmModel realm = mock(RealmModel.class);
        private final Map<String, Object> attributes = new HashMap<>();
        private final Map<String, Cookie> cookies = new HashMap<>();

        @BeforeEach
        void request() {
            given(session.getContext()).willReturn(context);
            given(session.getProvider(EnvelopeProvider.class)).willReturn(envelope);
            given(context.getRequestHeaders()).willReturn(headers);
            given(context.getHttpResponse()).willReturn(response);
            given(context.getUri()).willReturn(uri);
            given(uri.getBaseUri()).willReturn(URI.create("https://login.example.com/auth/"));
            given(headers.getCookies()).willReturn(cookies);
            given(realm.getId()).willReturn(REALM);
            given(realm.getName()).willReturn("bank");
            given(session.getAttribute(anyString())).willAnswer(i -> attributes.get(i.<String>getArgument(0)));
            willAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1)))
                    .given(session)
                    .setAttribute(anyString(), any());
        }

        @Test
        void reads_a_good_cookie_and_sets_nothing() {
            cookies.put(
                    DeviceCookie.NAME,
                    new Cookie.Builder(DeviceCookie.NAME)
                            .value(cookie(REALM, ID))
                            .build());

            assertThat(DeviceCookie.verifiedId(session, realm)).contains(ID);
            assertThat(DeviceCookie.issueIfAbsent(session, realm)).isEqualTo(ID);
            verify(response, never()).setCookieIfAbsent(any());
        }

        @Test
        void issues_a_long_lived_http_only_lax_cookie_for_the_realm_path() {
            String id = DeviceCookie.issueIfAbsent(session, realm);

            ArgumentCaptor<NewCookie> set = ArgumentCaptor.forClass(NewCookie.class);
            verify(response).setCookieIfAbsent(set.capture());
            NewCookie c = set.getValue();
            assertThat(c.getName()).isEqualTo("CIAMKIT_DEVICE");
            assertThat(DeviceCookie.verify(c.getValue(), REALM, envelope)).contains(id);
            assertThat(id).matches("[A-Za-z0-9_-]{22}");
            assertThat(c.getPath()).isEqualTo("/auth/realms/bank/");
            assertThat(c.getMaxAge()).isEqualTo(400 * 24 * 3600);
            assertThat(c.isHttpOnly()).isTrue();
            assertThat(c.isSecure()).isTrue();
            assertThat(c.getSameSite()).isEqualTo(NewCookie.SameSite.LAX);
        }

        @Test
        void a_plain_http_server_gets_a_cookie_without_secure() {
            given(uri.getBaseUri()).willReturn(URI.create("http://localhost:8080/"));
            DeviceCookie.issueIfAbsent(session, realm);

            ArgumentCaptor<NewCookie> set = ArgumentCaptor.forClass(NewCookie.class);
            verify(response).setCookieIfAbsent(set.capture());
            assertThat(set.getValue().isSecure()).isFalse();
            assertThat(set.getValue().getPath()).isEqualTo("/realms/bank/");
        }

        @Test
        void replaces_a_forged_cookie_and_gives_one_id_per_request() {
            cookies.put(
                    DeviceCookie.NAME,
                    new Cookie.Builder(DeviceCookie.NAME).value(cookie("x", ID)).build());

            assertThat(DeviceCookie.verifiedId(session, realm)).isEmpty();
            String first = DeviceCookie.issueIfAbsent(session, realm);
            String second = DeviceCookie.issueIfAbsent(session, realm);

            assertThat(first).isNotEqualTo(ID).isEqualTo(second);
            assertThat(DeviceCookie.verifiedId(session, realm)).contains(first);
            verify(response, times(1)).setCookieIfAbsent(any());
        }

        @Test
        void no_headers_reads_as_no_cookie() {
            given(context.getRequestHeaders()).willReturn(null);
            assertThat(DeviceCookie.verifiedId(session, realm)).isEqualTo(Optional.empty());
        }
    }
}
