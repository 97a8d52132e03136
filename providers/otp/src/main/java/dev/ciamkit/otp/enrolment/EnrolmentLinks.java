package dev.ciamkit.otp.enrolment;

import dev.ciamkit.common.crypto.CryptoException;
import dev.ciamkit.common.crypto.Envelope;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * One-time, short-lived registration links. The token (256 random bits) is the only thing the SMS carries; the seed
 * waits in Keycloak's single-use store, sealed with the token as context, and is gone once the link is opened.
 *
 * <p>At most one link per pending enrolment is live: the store key is a SHA-256 of the token (the token itself is
 * kept nowhere on the server), and the authentication session remembers that hash so that a resend, the end of the
 * enrolment or its abandonment can take the live link out of the store.
 */
final class EnrolmentLinks {

    static final String PREFIX = "ciamkit:otp-enrol:";
    static final String LIVE_LINK_NOTE = "ciamkit.otp.link";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(EnrolmentLinks.class);

    record Link(String issuer, String account, String policy, byte[] seed) {}

    private EnrolmentLinks() {}

    /** Revokes the pending enrolment's live link, if any, then mints the one that replaces it. */
    static String create(KeycloakSession session, AuthenticationSessionModel auth, Link link, int minutes) {
        revoke(session, auth);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String handle = handle(token);
        String sealed = session.getProvider(EnvelopeProvider.class).seal(link.seed(), context(token));
        session.singleUseObjects()
                .put(
                        PREFIX + handle,
                        60L * minutes,
                        Map.of(
                                "issuer",
                                link.issuer(),
                                "account",
                                link.account(),
                                "policy",
                                link.policy(),
                                "seed",
                                sealed));
        auth.setAuthNote(LIVE_LINK_NOTE, handle);
        return token;
    }

    /** Takes the pending enrolment's live link out of the store; a link already opened or expired is a no-op. */
    static void revoke(KeycloakSession session, AuthenticationSessionModel auth) {
        String handle = auth.getAuthNote(LIVE_LINK_NOTE);
        if (handle != null) {
            session.singleUseObjects().remove(PREFIX + handle);
            auth.removeAuthNote(LIVE_LINK_NOTE);
        }
    }

    static boolean exists(KeycloakSession session, String token) {
        return valid(token) && session.singleUseObjects().contains(PREFIX + handle(token));
    }

    /**
     * Takes the link out of the store: a second call with the same token finds nothing. A seed that no longer opens
     * (its key left the ring) answers like an expired link.
     */
    static Optional<Link> consume(KeycloakSession session, String token) {
        if (!valid(token)) {
            return Optional.empty();
        }
        Map<String, String> notes = session.singleUseObjects().remove(PREFIX + handle(token));
        if (notes == null || notes.get("seed") == null) {
            return Optional.empty();
        }
        try {
            byte[] seed = session.getProvider(EnvelopeProvider.class).open(notes.get("seed"), context(token));
            return Optional.of(new Link(notes.get("issuer"), notes.get("account"), notes.get("policy"), seed));
        } catch (CryptoException e) {
            LOG.warnf(
                    "CIAM Kit: a registration link's seed cannot be opened (key id %s); answered as expired",
                    Envelope.keyIdForLog(notes.get("seed")));
            return Optional.empty();
        }
    }

    private static boolean valid(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    /** What the store and the session know the link by: not the token, so neither can rebuild the link. */
    static String handle(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String context(String token) {
        return "ciamkit-otp-link:" + token;
    }
}
