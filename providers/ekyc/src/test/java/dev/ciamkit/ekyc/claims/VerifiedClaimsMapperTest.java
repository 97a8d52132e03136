package dev.ciamkit.ekyc.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.vault.EkycMethod;
import dev.ciamkit.ekyc.vault.EkycVault;
import dev.ciamkit.ekyc.vault.Verification;
import dev.ciamkit.ekyc.vault.VerifiedClaims;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.util.JsonSerialization;

class VerifiedClaimsMapperTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant VERIFIED_AT = Instant.parse("2026-02-27T09:10:11.123Z");
    static final Verification ALL_THREE = verification(
            List.of(EkycMethod.ID_DOCUMENT, EkycMethod.FACE_MATCH, EkycMethod.BANK_ACCOUNT), NOW.plusSeconds(86_400));
    static final VerifiedClaims HONG = new VerifiedClaims("홍", "길동", LocalDate.of(1990, 1, 1));
    static final String FULL_ID_TOKEN_REQUEST = """
            {"id_token": {"verified_claims": {
              "verification": {"trust_framework": null, "time": null,
                "evidence": [{"type": {"value": "document"}, "check_details": null, "document_details": {"type": null}},
                             {"type": {"value": "electronic_record"}, "check_details": null, "record": {"type": null}}]},
              "claims": {"given_name": null, "family_name": null, "birthdate": null}}}}""";

    final KeycloakSession session = mock(KeycloakSession.class);
    final RealmModel realm = mock(RealmModel.class);
    final UserModel user = mock(UserModel.class);
    final UserSessionModel userSession = mock(UserSessionModel.class);
    final AuthenticatedClientSessionModel clientSession = mock(AuthenticatedClientSessionModel.class);
    final ClientSessionContext context = mock(ClientSessionContext.class);
    final EkycVault vault = mock(EkycVault.class);
    final VerifiedClaimsMapper mapper = new VerifiedClaimsMapper(s -> vault, () -> NOW);
    final ProtocolMapperModel model = new ProtocolMapperModel();

    static Verification verification(List<EkycMethod> methods, Instant validUntil) {
        return new Verification(
                "v-1", "u-1", VERIFIED_AT, validUntil, methods, IdDocumentType.RESIDENT_CARD, "900101-1******", false);
    }

    @BeforeEach
    void wire() {
        KeycloakContext keycloakContext = mock(KeycloakContext.class);
        given(session.getContext()).willReturn(keycloakContext);
        given(keycloakContext.getClient()).willReturn(mock(ClientModel.class));
        given(userSession.getRealm()).willReturn(realm);
        given(userSession.getUser()).willReturn(user);
        given(context.getClientSession()).willReturn(clientSession);
        Map<String, Object> attributes = new HashMap<>();
        willAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1)))
                .given(context)
                .setAttribute(anyString(), any());
        given(context.getAttribute(anyString(), any())).willAnswer(i -> attributes.get(i.<String>getArgument(0)));
        given(vault.current(realm, user, NOW)).willReturn(Optional.of(ALL_THREE));
        given(vault.claims(realm, ALL_THREE)).willReturn(Optional.of(HONG));
        Map<String, String> config = new HashMap<>();
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, "true");
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO, "true");
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "false");
        model.setConfig(config);
    }

    void requested(String claimsParameter) {
        given(clientSession.getNote("claims")).willReturn(claimsParameter);
    }

    Object idTokenClaim() {
        return mapper.transformIDToken(new IDToken(), model, session, userSession, context)
                .getOtherClaims()
                .get("verified_claims");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Nested
    class When_requested {

        @Test
        void id_token_carries_trust_framework_time_evidence_and_claims() {
            requested(FULL_ID_TOKEN_REQUEST);

            assertThat(idTokenClaim())
                    .isEqualTo(Map.of(
                            "verification",
                            Map.of(
                                    "trust_framework",
                                    "kr_remote_id",
                                    "time",
                                    "2026-02-27T09:10:11Z",
                                    "evidence",
                                    List.of(
                                            Map.of(
                                                    "type",
                                                    "document",
                                                    "check_details",
                                                    List.of(
                                                            Map.of("check_method", "data"),
                                                            Map.of("check_method", "bvr")),
                                                    "document_details",
                                                    Map.of("type", "idcard")),
                                            Map.of(
                                                    "type",
                                                    "electronic_record",
                                                    "check_details",
                                                    List.of(Map.of("check_method", "auth")),
                                                    "record",
                                                    Map.of("type", "bank_account")))),
                            "claims",
                            Map.of("given_name", "길동", "family_name", "홍", "birthdate", "1990-01-01")));
        }

        @Test
        void uses_the_mappers_trust_framework() {
            model.getConfig().put(VerifiedClaimsMapperConfig.TRUST_FRAMEWORK, " https://bank.example/ida/kr ");
            requested(FULL_ID_TOKEN_REQUEST);

            assertThat(map(map(idTokenClaim()).get("verification")).get("trust_framework"))
                    .isEqualTo("https://bank.example/ida/kr");
        }

        @Test
        void userinfo_answers_the_userinfo_member_only() {
            requested(FULL_ID_TOKEN_REQUEST.replace("id_token", "userinfo"));

            AccessToken userinfo =
                    mapper.transformUserInfoToken(new AccessToken(), model, session, userSession, context);

            assertThat(userinfo.getOtherClaims()).containsKey("verified_claims");
            assertThat(idTokenClaim()).isNull();
        }

        @Test
        void access_token_only_when_switched_on_and_then_for_the_userinfo_member() {
            requested(FULL_ID_TOKEN_REQUEST.replace("id_token", "userinfo"));

            assertThat(mapper.transformAccessToken(new AccessToken(), model, session, userSession, context)
                            .getOtherClaims())
                    .doesNotContainKey("verified_claims");
            model.getConfig().put(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true");
            assertThat(mapper.transformAccessToken(new AccessToken(), model, session, userSession, context)
                            .getOtherClaims())
                    .containsKey("verified_claims");
        }

        @Test
        void id_token_switched_off_gets_nothing() {
            model.getConfig().put(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, "false");
            requested(FULL_ID_TOKEN_REQUEST);

            assertThat(idTokenClaim()).isNull();
        }

        @Test
        void the_vault_is_read_once_per_request() {
            requested(FULL_ID_TOKEN_REQUEST.replace(
                    "\"id_token\"", "\"userinfo\": {\"verified_claims\": null}, \"id_token\""));

            idTokenClaim();
            mapper.transformUserInfoToken(new AccessToken(), model, session, userSession, context);

            verify(vault, times(1)).current(realm, user, NOW);
            verify(vault, times(1)).claims(realm, ALL_THREE);
        }

        @Test
        void never_carries_the_id_number_or_its_masked_form() throws IOException {
            requested("{\"id_token\": {\"verified_claims\": null}}");
            IDToken token = mapper.transformIDToken(new IDToken(), model, session, userSession, context);

            String json = JsonSerialization.writeValueAsString(token);

            assertThat(json)
                    .contains("verified_claims")
                    .doesNotContain("900101")
                    .doesNotContain("v-1");
        }
    }

    @Nested
    class When_absent {

        @Test
        void not_requested_at_all() {
            requested(null);

            assertThat(idTokenClaim()).isNull();
        }

        @Test
        void claims_parameter_without_verified_claims() {
            requested("{\"id_token\": {\"given_name\": null}, \"userinfo\": {\"verified_claims\": null}}");

            assertThat(idTokenClaim()).isNull();
        }

        @Test
        void an_impersonated_session() {
            requested(FULL_ID_TOKEN_REQUEST);
            given(userSession.getNote("IMPERSONATOR_ID")).willReturn("admin-id");

            assertThat(idTokenClaim()).isNull();
        }

        @Test
        void no_current_verification() {
            requested(FULL_ID_TOKEN_REQUEST);
            given(vault.current(realm, user, NOW)).willReturn(Optional.empty());

            assertThat(idTokenClaim()).isNull();
        }

        @Test
        void verification_expired_even_if_the_vault_returned_it() {
            requested(FULL_ID_TOKEN_REQUEST);
            Verification expired = verification(List.of(EkycMethod.ID_DOCUMENT), NOW);
            given(vault.current(realm, user, NOW)).willReturn(Optional.of(expired));
            given(vault.claims(realm, expired)).willReturn(Optional.of(HONG));

            assertThat(idTokenClaim()).isNull();
        }

        @Test
        void claims_cannot_be_unsealed() {
            requested(FULL_ID_TOKEN_REQUEST);
            given(vault.claims(realm, ALL_THREE)).willReturn(Optional.empty());

            assertThat(idTokenClaim()).isNull();
        }

        @Test
        void the_vault_fails() {
            requested(FULL_ID_TOKEN_REQUEST);
            given(vault.current(realm, user, NOW)).willThrow(new UnsupportedOperationException("not yet"));

            assertThat(idTokenClaim()).isNull();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "not json",
                    "{\"id_token\": ",
                    "[]",
                    "\"id_token\"",
                    "{\"id_token\": 5}",
                    "{\"id_token\": {\"verified_claims\": \"yes\"}}",
                    "{\"id_token\": {\"verified_claims\": [1, \"x\"]}}",
                    "{\"id_token\": {\"verified_claims\": {\"verification\": 7, \"claims\": null}}}",
                    "{\"id_token\": {\"verified_claims\": {\"verification\": {}, \"claims\": [\"given_name\"]}}}",
                    "{\"id_token\": {\"verified_claims\": [[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]}}"
                })
        void claims_parameter_is_malformed(String malformed) {
            requested(malformed);

            assertThat(idTokenClaim()).isNull();
            verify(vault, times(0)).current(any(), any(), any());
        }
    }

    @Test
    void admin_cannot_save_a_trust_framework_with_spaces() {
        model.getConfig().put(VerifiedClaimsMapperConfig.TRUST_FRAMEWORK, "kr remote id");

        assertThatThrownBy(() -> mapper.validateConfig(session, realm, null, model))
                .isInstanceOf(ProtocolMapperConfigException.class);
    }
}
