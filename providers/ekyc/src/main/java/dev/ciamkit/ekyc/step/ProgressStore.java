package dev.ciamkit.ekyc.step;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.ekyc.spi.EkycImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keeps a verification's progress and its images between pages, sealed with the common envelope in the authentication
 * session's notes (PII and images never sit in plaintext in the cache, and they go with the login). A note that cannot
 * be opened (a key rotated out, a value altered) reads as absent: the verification starts over.
 */
final class ProgressStore {

    private static final Logger LOG = Logger.getLogger(ProgressStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String PROGRESS = "ciamkit.ekyc.progress";
    static final String ID_IMAGE = "ciamkit.ekyc.id-image";
    static final String SELFIE = "ciamkit.ekyc.selfie";

    private final EnvelopeProvider envelope;
    private final AuthenticationSessionModel authSession;

    ProgressStore(KeycloakSession session, AuthenticationSessionModel authSession) {
        this.envelope = session.getProvider(EnvelopeProvider.class);
        this.authSession = authSession;
    }

    Optional<EkycProgress> progress() {
        return open(PROGRESS).flatMap(bytes -> {
            try {
                return Optional.of(JSON.readValue(bytes, EkycProgress.class));
            } catch (IOException e) {
                LOG.warn("CIAM Kit eKYC: a verification's progress could not be read; it starts over");
                return Optional.empty();
            }
        });
    }

    void save(EkycProgress progress) {
        try {
            seal(PROGRESS, JSON.writeValueAsBytes(progress));
        } catch (IOException e) {
            throw new IllegalStateException("the progress of a verification could not be written", e);
        }
    }

    Optional<EkycImage> image(String note) {
        return open(note).flatMap(bytes -> {
            int cut = indexOf(bytes, (byte) '\n');
            if (cut <= 0) {
                return Optional.empty();
            }
            String mediaType = new String(bytes, 0, cut, StandardCharsets.US_ASCII);
            byte[] data = java.util.Arrays.copyOfRange(bytes, cut + 1, bytes.length);
            return Optional.of(new EkycImage(data, mediaType));
        });
    }

    void saveImage(String note, EkycImage image) {
        byte[] type = (image.mediaType() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] data = image.bytes();
        byte[] all = new byte[type.length + data.length];
        System.arraycopy(type, 0, all, 0, type.length);
        System.arraycopy(data, 0, all, type.length, data.length);
        seal(note, all);
    }

    void clear() {
        authSession.removeAuthNote(PROGRESS);
        authSession.removeAuthNote(ID_IMAGE);
        authSession.removeAuthNote(SELFIE);
        authSession.removeAuthNote(PendingForm.NOTE);
        authSession.removeAuthNote(PendingForm.TOKEN_NOTE);
        authSession.removeAuthNote(PendingForm.RETURN_NOTE);
        authSession.removeAuthNote(PendingForm.UPLOAD_NOTE);
    }

    private void seal(String note, byte[] plaintext) {
        authSession.setAuthNote(note, envelope.seal(plaintext, context(note)));
    }

    private Optional<byte[]> open(String note) {
        String sealed = authSession.getAuthNote(note);
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(envelope.open(sealed, context(note)));
        } catch (RuntimeException e) {
            LOG.warnf("CIAM Kit eKYC: note %s of a login could not be opened; the verification starts over", note);
            authSession.removeAuthNote(note);
            return Optional.empty();
        }
    }

    /** Binds each value to this login, so a note copied into another login does not open. */
    private String context(String note) {
        return note + ":" + authSession.getParentSession().getId() + ":" + authSession.getTabId() + ":"
                + (authSession.getAuthenticatedUser() == null
                        ? ""
                        : authSession.getAuthenticatedUser().getId());
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < Math.min(bytes.length, 64); i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
