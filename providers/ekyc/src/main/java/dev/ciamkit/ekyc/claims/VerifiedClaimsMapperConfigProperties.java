package dev.ciamkit.ekyc.claims;

import java.util.List;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The fields of the mapper's form in the admin console. The token switches use Keycloak's own keys, so they behave as
 * on every stock mapper; labels and help are message keys (admin messages of the eKYC module).
 */
final class VerifiedClaimsMapperConfigProperties {

    private VerifiedClaimsMapperConfigProperties() {}

    static List<ProviderConfigProperty> all() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN)
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("ciamkitVerifiedClaimsIdToken")
                .helpText("ciamkitVerifiedClaimsIdTokenHelp")
                .defaultValue("true")
                .add()
                .property()
                .name(OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO)
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("ciamkitVerifiedClaimsUserinfo")
                .helpText("ciamkitVerifiedClaimsUserinfoHelp")
                .defaultValue("true")
                .add()
                .property()
                .name(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN)
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("ciamkitVerifiedClaimsAccessToken")
                .helpText("ciamkitVerifiedClaimsAccessTokenHelp")
                .defaultValue("false")
                .add()
                .property()
                .name(VerifiedClaimsMapperConfig.TRUST_FRAMEWORK)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("ciamkitVerifiedClaimsTrustFramework")
                .helpText("ciamkitVerifiedClaimsTrustFrameworkHelp")
                .defaultValue(VerifiedClaimsMapperConfig.DEFAULT_TRUST_FRAMEWORK)
                .add()
                .build();
    }
}
