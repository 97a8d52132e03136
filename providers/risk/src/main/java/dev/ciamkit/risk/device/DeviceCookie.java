package dev.ciamkit.risk.device;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Encode;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The long-lived browser cookie {@value #NAME} that lets a returning browser be recognised: {@code <id>.<mac>}, the id
 * 128 random bits (base64url), the mac our peppered HMAC of the id bound to the realm. The mac is what makes an id
 * worth anything: a client cannot invent the id of a device someone else remembered, nor carry a cookie from one realm
 * to another; checking it with {@link EnvelopeProvider#identifierMatches} stays constant time and keeps cookies valid
 * across a pepper rotation. The cookie only says "this browser was here before"; it never authenticates anyone.
 */
public final class DeviceCookie {

    public static final String NAME = "CIAMKIT_DEVICE";
    /** Chrome caps cookie lifetimes at 400 days; asking for more only makes browsers disagree. */
    static final int MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
    /** Far above a real value (22 + 1 + a ~50-character hash); anything longer is not ours and is not hashed. */
    static final int MAX_LENGTH = 200;

    private static final int ID_BYTES = 16;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final String ISSUED = "ciamkit.device-cookie.issued:";
    private static final Logger LOG = Logger.getLogger(DeviceCookie.class);

    private DeviceCookie() {}

    /**
     * The id of this browser when its cookie checks out for this realm (or was issued earlier in this request); empty
     * for a missing, malformed, oversized or forged cookie. Never throws.
     */
    public static Optional<String> verifiedId(KeycloakSession session, RealmModel realm) {
        try {
            Object issued = session.getAttribute(issuedKey(realm));
            if (issued instanceof String id) {
                return Optional.of(id);
            }
            Map<String, Cookie> cookies =
                    session.getContext().getRequestHeaders().getCookies();
            Cookie cookie = cookies == null ? null : cookies.get(NAME);
            return cookie == null
                    ? Optional.empty()
                    : verify(cookie.getValue(), realm.getId(), session.getProvider(EnvelopeProvider.class));
        } catch (RuntimeException e) {
            LOG.debugf("CIAM Kit: device cookie not read (%s)", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * The verified id of this browser, or a fresh one whose cookie this response now sets. Issuing is remembered for the
     * rest of the request, so two callers in one request (the signal's caller, the learner) get the same id.
     */
    public static String issueIfAbsent(KeycloakSession session, RealmModel realm) {
        Optional<String> known = verifiedId(session, realm);
        return known.isPresent() ? known.get() : issueFresh(session, realm);
    }

    /**
     * A fresh id whose cookie this response sets, whatever the browser sent: a login rotates the id, so a value that
     * was planted in or copied from this browser stops being the one remembered once the login succeeds.
     */
    public static String issueFresh(KeycloakSession session, RealmModel realm) {
        String id = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(SecretGenerator.getInstance().randomBytes(ID_BYTES));
        String mac = session.getProvider(EnvelopeProvider.class).hashIdentifier(purpose(realm.getId()), id);
        URI base = session.getContext().getUri().getBaseUri();
        NewCookie cookie = new NewCookie.Builder(NAME)
                .value(id + "." + mac)
                .path(path(base, realm.getName()))
                .maxAge(MAX_AGE_SECONDS)
                .httpOnly(true)
                .secure("https".equalsIgnoreCase(base.getScheme()))
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        session.getContext().getHttpResponse().setCookieIfAbsent(cookie);
        session.setAttribute(issuedKey(realm), id);
        return id;
    }

    /** Parses and checks a cookie value; empty for anything but a well-formed value whose mac matches this realm. */
    static Optional<String> verify(String value, String realmId, EnvelopeProvider envelope) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String id = value.substring(0, dot);
        String mac = value.substring(dot + 1);
        if (!ID.matcher(id).matches() || mac.isEmpty()) {
            return Optional.empty();
        }
        try {
            return envelope.identifierMatches(mac, purpose(realmId), id) ? Optional.of(id) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The cookie is sent to this realm's pages only, under whatever context path the server runs. */
    static String path(URI base, String realmName) {
        String root = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        return (root.endsWith("/") ? root : root + "/") + "realms/" + Encode.encodePathSegmentAsIs(realmName) + "/";
    }

    static String purpose(String realmId) {
        return "ciamkit-device-cookie:" + realmId;
    }

    private static String issuedKey(RealmModel realm) {
        return ISSUED + realm.getId();
    }
}
