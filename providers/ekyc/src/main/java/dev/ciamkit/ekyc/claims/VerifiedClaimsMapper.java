package dev.ciamkit.ekyc.claims;

import dev.ciamkit.ekyc.claims.VerifiedClaimsRequest.Target;
import dev.ciamkit.ekyc.step.Impersonation;
import dev.ciamkit.ekyc.vault.EkycVault;
import dev.ciamkit.ekyc.vault.Verification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/**
 * Adds OpenID Connect for Identity Assurance {@code verified_claims} from the user's current eKYC verification, only
 * when the client asked for them in the {@code claims} request parameter ({@code id_token.verified_claims} for the ID
 * token, {@code userinfo.verified_claims} for UserInfo and, when switched on, the access token), and only what it
 * asked for. No current verification, claims that cannot be unsealed, a request we cannot read or a vault failure:
 * no {@code verified_claims}, never an error. Never the ID number.
 */
public final class VerifiedClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCIDTokenMapper, OIDCAccessTokenMapper, UserInfoTokenMapper {

    public static final String PROVIDER_ID = "ciamkit-verified-claims";

    private static final Logger LOG = Logger.getLogger(VerifiedClaimsMapper.class);
    private static final String LOOKUP_ATTRIBUTE = "ciamkit.verified-identity.";
    private static final List<ProviderConfigProperty> CONFIG = VerifiedClaimsMapperConfigProperties.all();

    private final Function<KeycloakSession, EkycVault> vaults;
    private final Supplier<Instant> clock;

    public VerifiedClaimsMapper() {
        this(EkycVault::of, () -> Instant.ofEpochMilli(Time.currentTimeMillis()));
    }

    VerifiedClaimsMapper(Function<KeycloakSession, EkycVault> vaults, Supplier<Instant> clock) {
        this.vaults = vaults;
        this.clock = clock;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "CIAM Kit verified claims (eKYC)";
    }

    @Override
    public String getHelpText() {
        return "Adds OpenID Connect for Identity Assurance verified_claims (trust framework, time, evidence, verified"
                + " given name, family name and birth date) from the user's current eKYC verification, when the"
                + " client requests them with the claims parameter.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void validateConfig(
            KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client, ProtocolMapperModel model)
            throws ProtocolMapperConfigException {
        String value =
                model.getConfig() == null ? null : model.getConfig().get(VerifiedClaimsMapperConfig.TRUST_FRAMEWORK);
        if (value != null
                && !value.isBlank()
                && VerifiedClaimsMapperConfig.validTrustFramework(value).isEmpty()) {
            throw new ProtocolMapperConfigException(
                    "Trust framework must be 1 to 200 printable ASCII characters without spaces",
                    "ciamkitVerifiedClaimsTrustFrameworkInvalid");
        }
    }

    @Override
    public IDToken transformIDToken(
            IDToken token,
            ProtocolMapperModel model,
            KeycloakSession session,
            UserSessionModel userSession,
            ClientSessionContext context) {
        if (OIDCAttributeMapperHelper.includeInIDToken(model)) {
            add(token, Target.ID_TOKEN, model, session, userSession, context);
        }
        return token;
    }

    @Override
    public AccessToken transformUserInfoToken(
            AccessToken token,
            ProtocolMapperModel model,
            KeycloakSession session,
            UserSessionModel userSession,
            ClientSessionContext context) {
        if (OIDCAttributeMapperHelper.includeInUserInfo(model)) {
            add(token, Target.USERINFO, model, session, userSession, context);
        }
        return token;
    }

    /** The access token answers the {@code userinfo} member: it stands for what the resource owner released. */
    @Override
    public AccessToken transformAccessToken(
            AccessToken token,
            ProtocolMapperModel model,
            KeycloakSession session,
            UserSessionModel userSession,
            ClientSessionContext context) {
        boolean include = getShouldUseLightweightToken(session)
                ? OIDCAttributeMapperHelper.includeInLightweightAccessToken(model)
                : OIDCAttributeMapperHelper.includeInAccessToken(model);
        if (include) {
            add(token, Target.USERINFO, model, session, userSession, context);
        }
        return token;
    }

    private void add(
            IDToken token,
            Target target,
            ProtocolMapperModel model,
            KeycloakSession session,
            UserSessionModel userSession,
            ClientSessionContext context) {
        try {
            String claimsParameter = context.getClientSession().getNote(OIDCLoginProtocol.CLAIMS_PARAM);
            Optional<VerifiedClaimsRequest> request = VerifiedClaimsRequest.read(claimsParameter, target);
            // an admin acting as the user: no verified identity asserted for someone who did not sign in
            if (request.isEmpty() || Impersonation.marked(userSession)) {
                return;
            }
            Instant now = clock.get();
            identity(VerifiedClaimsMapperConfig.trustFramework(model), session, userSession, context, now)
                    .flatMap(identity -> VerifiedClaimsAssertion.answer(request.get(), identity, now))
                    .ifPresent(value -> token.getOtherClaims().put(IdaVocabulary.VERIFIED_CLAIMS, value));
        } catch (RuntimeException e) {
            // A token without verified_claims rather than a failed token request; the class only, never a message
            // that might carry the vault's data.
            LOG.warnf("verified_claims left out of a token: %s", e.getClass().getName());
        }
    }

    /** Read once per request: the ID token, access token and their mappers share the vault's answer. */
    private Optional<VerifiedIdentity> identity(
            String trustFramework,
            KeycloakSession session,
            UserSessionModel userSession,
            ClientSessionContext context,
            Instant now) {
        String attribute = LOOKUP_ATTRIBUTE + trustFramework;
        Lookup cached = context.getAttribute(attribute, Lookup.class);
        if (cached != null) {
            return cached.identity();
        }
        RealmModel realm = userSession.getRealm();
        EkycVault vault = vaults.apply(session);
        Optional<VerifiedIdentity> identity = vault.current(realm, userSession.getUser(), now)
                .filter(v -> v.validAt(now))
                .flatMap(v -> vault.claims(realm, v).map(c -> identity(trustFramework, v, c)));
        context.setAttribute(attribute, new Lookup(identity));
        return identity;
    }

    private static VerifiedIdentity identity(
            String trustFramework, Verification verification, dev.ciamkit.ekyc.vault.VerifiedClaims claims) {
        return new VerifiedIdentity(trustFramework, verification.verifiedAt(), Evidence.of(verification), claims);
    }

    private record Lookup(Optional<VerifiedIdentity> identity) {}
}
