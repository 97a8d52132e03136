package dev.ciamkit.ekyc.step;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A page with an image posted to the upload endpoint, kept sealed in the login until the step reads it.
 *
 * <p>Keycloak's login-actions endpoints read every posted form as text and fail on a file part (Quarkus's
 * {@code FormValue.getValue} throws "Form value is a file"), and an image as a text field passes the form-attribute
 * size limit. So the image pages post to {@code /realms/{realm}/ciamkit-ekyc/upload}, which keeps the form here and
 * sends the browser back to the step, whose next visit reads it once. A page token rendered into the form and kept in
 * the login binds the post to the page (no cross-site post can plant an image in someone's login).
 */
public record PendingForm(Map<String, String> fields, Map<String, String> files) {

    static final String NOTE = "ciamkit.ekyc.pending";
    static final String TOKEN_NOTE = "ciamkit.ekyc.page-token";
    static final String RETURN_NOTE = "ciamkit.ekyc.return";
    /** The one image field the page last rendered takes, and its largest size: {@code <field>:<bytes>}. */
    static final String UPLOAD_NOTE = "ciamkit.ekyc.upload";

    /** The form field that carries the page token. */
    public static final String TOKEN_FIELD = "ekycToken";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    public PendingForm {
        fields = Map.copyOf(fields);
        files = Map.copyOf(files);
    }

    public Optional<byte[]> file(String name) {
        return Optional.ofNullable(files.get(name)).map(Base64.getDecoder()::decode);
    }

    /** Keeps the form in the login, sealed; replaces one not read yet. */
    public void keep(KeycloakSession session, AuthenticationSessionModel authSession) {
        try {
            authSession.setAuthNote(NOTE, envelope(session).seal(JSON.writeValueAsBytes(this), context(authSession)));
        } catch (IOException e) {
            throw new IllegalStateException("a posted eKYC page could not be kept", e);
        }
    }

    /** The kept form, once: reading removes it. Absent when there is none or it cannot be opened. */
    static Optional<PendingForm> take(KeycloakSession session, AuthenticationSessionModel authSession) {
        String sealed = authSession.getAuthNote(NOTE);
        if (sealed == null) {
            return Optional.empty();
        }
        authSession.removeAuthNote(NOTE);
        try {
            return Optional.of(JSON.readValue(envelope(session).open(sealed, context(authSession)), PendingForm.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A fresh page token for a page about to be rendered. */
    static String newToken(AuthenticationSessionModel authSession) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        authSession.setAuthNote(TOKEN_NOTE, token);
        return token;
    }

    /** Whether the posted token is the one of the page last rendered in this login (constant time), and spends it. */
    public static boolean spendToken(AuthenticationSessionModel authSession, String posted) {
        String expected = authSession.getAuthNote(TOKEN_NOTE);
        if (expected == null || posted == null) {
            return false;
        }
        boolean same = java.security.MessageDigest.isEqual(
                expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                posted.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (same) {
            authSession.removeAuthNote(TOKEN_NOTE);
        }
        return same;
    }

    /** Notes which image field the page about to be rendered takes and how large it may be; none: no image. */
    static void expectUpload(AuthenticationSessionModel authSession, String field, int maxBytes) {
        if (field == null) {
            authSession.removeAuthNote(UPLOAD_NOTE);
        } else {
            authSession.setAuthNote(UPLOAD_NOTE, field + ":" + maxBytes);
        }
    }

    /** The image field the page last rendered takes, and its largest size. */
    public record ExpectedUpload(String field, int maxBytes) {}

    public static Optional<ExpectedUpload> expectedUpload(AuthenticationSessionModel authSession) {
        String spec = authSession.getAuthNote(UPLOAD_NOTE);
        int colon = spec == null ? -1 : spec.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new ExpectedUpload(spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Where the upload endpoint sends the browser back to: the step's own URL, kept when its page was rendered. */
    public static Optional<String> returnUrl(AuthenticationSessionModel authSession) {
        return Optional.ofNullable(authSession.getAuthNote(RETURN_NOTE));
    }

    private static EnvelopeProvider envelope(KeycloakSession session) {
        return session.getProvider(EnvelopeProvider.class);
    }

    private static String context(AuthenticationSessionModel authSession) {
        return NOTE + ":" + authSession.getParentSession().getId() + ":" + authSession.getTabId() + ":"
                + (authSession.getAuthenticatedUser() == null
                        ? ""
                        : authSession.getAuthenticatedUser().getId());
    }
}
