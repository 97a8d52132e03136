package dev.ciamkit.otp.enrolment;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;

/**
 * One-time, short-lived registration links. The token (256 random bits) is the only thing the SMS carries; the seed
 * waits in Keycloak's single-use store, sealed with the token as context, and is gone once the link is opened.
 */
final class EnrolmentLinks {

    static final String PREFIX = "ciamkit:otp-enrol:";
    private static final SecureRandom RANDOM = new SecureRandom();

    record Link(String issuer, String account, String policy, byte[] seed) {}

    private EnrolmentLinks() {}

    static String create(KeycloakSession session, Link link, int minutes) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String sealed = session.getProvider(EnvelopeProvider.class).seal(link.seed(), context(token));
        session.singleUseObjects()
                .put(
                        PREFIX + token,
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
        return token;
    }

    static boolean exists(KeycloakSession session, String token) {
        return valid(token) && session.singleUseObjects().contains(PREFIX + token);
    }

    /** Takes the link out of the store: a second call with the same token finds nothing. */
    static Optional<Link> consume(KeycloakSession session, String token) {
        if (!valid(token)) {
            return Optional.empty();
        }
        Map<String, String> notes = session.singleUseObjects().remove(PREFIX + token);
        if (notes == null || notes.get("seed") == null) {
            return Optional.empty();
        }
        byte[] seed = session.getProvider(EnvelopeProvider.class).open(notes.get("seed"), context(token));
        return Optional.of(new Link(notes.get("issuer"), notes.get("account"), notes.get("policy"), seed));
    }

    private static boolean valid(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    private static String context(String token) {
        return "ciamkit-otp-link:" + token;
    }
}
