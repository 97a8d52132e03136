package dev.ciamkit.ekyc.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.oidc.OIDCWellKnownProviderFactory;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.services.util.WellKnownProviderUtil;
import org.keycloak.util.JsonSerialization;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

class VerifiedClaimsWellKnownProviderTest {

    final KeycloakSession session = mock(KeycloakSession.class);
    final RealmModel realm = mock(RealmModel.class);
    final WellKnownProvider stock = mock(WellKnownProvider.class);
    final ClientScopeModel scope = mock(ClientScopeModel.class);
    final OIDCConfigurationRepresentation stockConfig = new OIDCConfigurationRepresentation();

    @BeforeEach
    void wire() {
        KeycloakContext context = mock(KeycloakContext.class);
        given(session.getContext()).willReturn(context);
        given(context.getRealm()).willReturn(realm);
        given(session.getProvider(WellKnownProvider.class, OIDCWellKnownProviderFactory.PROVIDER_ID))
                .willReturn(stock);
        stockConfig.setIssuer("https://id.example/realms/demo");
        stockConfig.setClaimsParameterSupported(true);
        stockConfig.setClaimsSupported(List.of("sub", "acr"));
        given(stock.getConfig()).willReturn(stockConfig);
        willAnswer(i -> Stream.of(scope)).given(realm).getClientScopesStream();
    }

    void scopeHas(ProtocolMapperModel... mappers) {
        willAnswer(i -> Stream.of(mappers)).given(scope).getProtocolMappersStream();
    }

    static ProtocolMapperModel mapper(String type, String trustFramework) {
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setProtocolMapper(type);
        model.setConfig(
                trustFramework == null
                        ? new java.util.HashMap<>()
                        : new java.util.HashMap<>(Map.of(VerifiedClaimsMapperConfig.TRUST_FRAMEWORK, trustFramework)));
        return model;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> served() throws IOException {
        Object config =
                new VerifiedClaimsWellKnownProviderFactory().create(session).getConfig();
        return JsonSerialization.readValue(JsonSerialization.writeValueAsString(config), Map.class);
    }

    @Test
    void keeps_the_stock_fields_and_adds_identity_assurance() throws IOException {
        scopeHas(
                mapper("oidc-usermodel-attribute-mapper", null),
                mapper(VerifiedClaimsMapper.PROVIDER_ID, null),
                mapper(VerifiedClaimsMapper.PROVIDER_ID, "https://bank.example/ida/kr"));

        Map<String, Object> served = served();

        assertThat(served)
                .containsEntry("issuer", "https://id.example/realms/demo")
                .containsEntry("claims_parameter_supported", true)
                .containsEntry("claims_supported", List.of("sub", "acr"))
                .containsEntry("verified_claims_supported", true)
                .containsEntry("trust_frameworks_supported", List.of("https://bank.example/ida/kr", "kr_remote_id"))
                .containsEntry("claims_in_verified_claims_supported", List.of("given_name", "family_name", "birthdate"))
                .containsEntry("evidence_supported", List.of("document", "electronic_record"))
                .containsEntry("documents_supported", List.of("idcard", "driving_permit", "passport"))
                .containsEntry("documents_check_methods_supported", List.of("data", "bvr"))
                .containsEntry("electronic_records_supported", List.of("bank_account"));
    }

    @Test
    void a_realm_without_the_mapper_gets_the_stock_document_unchanged() throws IOException {
        scopeHas(mapper("oidc-usermodel-attribute-mapper", null));

        assertThat(served())
                .containsEntry("issuer", "https://id.example/realms/demo")
                .doesNotContainKeys("verified_claims_supported", "trust_frameworks_supported", "evidence_supported");
    }

    @Test
    void an_operators_override_of_a_field_is_kept() throws IOException {
        scopeHas(mapper(VerifiedClaimsMapper.PROVIDER_ID, null));
        stockConfig.setOtherClaims("trust_frameworks_supported", List.of("overridden"));

        assertThat(served()).containsEntry("trust_frameworks_supported", List.of("overridden"));
    }

    @Test
    void keycloak_serves_the_openid_configuration_path_with_this_factory() {
        KeycloakSessionFactory factories = mock(KeycloakSessionFactory.class);
        willAnswer(i -> Stream.of(new OIDCWellKnownProviderFactory(), new VerifiedClaimsWellKnownProviderFactory()))
                .given(factories)
                .getProviderFactoriesStream(WellKnownProvider.class);

        assertThat(WellKnownProviderUtil.resolveFromAlias(factories, "openid-configuration"))
                .get()
                .isInstanceOf(VerifiedClaimsWellKnownProviderFactory.class);
        assertThat(new VerifiedClaimsWellKnownProviderFactory().getPriority())
                .isLessThan(new OIDCWellKnownProviderFactory().getPriority());
    }

    @Test
    void both_providers_are_registered() {
        assertThat(ServiceLoader.load(WellKnownProviderFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(VerifiedClaimsWellKnownProviderFactory.class);
        assertThat(ServiceLoader.load(ProtocolMapper.class).stream().map(ServiceLoader.Provider::type))
                .contains(VerifiedClaimsMapper.class);
    }
}
