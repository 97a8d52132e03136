package dev.ciamkit.ekyc.step;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.InputStream;
import java.util.Optional;
import org.keycloak.http.HttpRequest;

/**
 * The fields of a posted page: the URL-encoded form posted to the login action, or an image page kept by the upload
 * endpoint ({@link PendingForm}). Text values are trimmed and cut at {@link #MAX_TEXT} characters.
 */
final class FormInput {

    static final int MAX_TEXT = 100;

    private final MultivaluedMap<String, String> form;
    private final PendingForm pending;

    private FormInput(MultivaluedMap<String, String> form, PendingForm pending) {
        this.form = form;
        this.pending = pending;
    }

    /** A page that went through the upload endpoint (see {@link PendingForm}). */
    static FormInput of(PendingForm pending) {
        return new FormInput(null, pending);
    }

    static FormInput of(HttpRequest request) {
        MediaType type = request.getHttpHeaders().getMediaType();
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            // the image pages post to the upload endpoint; a multipart post here is not one of ours (and a file part
            // in it would make Keycloak's own form reading throw): nothing of it is read
            return new FormInput(new jakarta.ws.rs.core.MultivaluedHashMap<>(), null);
        }
        return new FormInput(request.getDecodedFormParameters(), null);
    }

    Optional<String> text(String name) {
        String value = null;
        if (pending != null) {
            value = pending.fields().get(name);
        } else if (form != null) {
            value = form.getFirst(name);
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        return Optional.of(trimmed.length() > MAX_TEXT ? trimmed.substring(0, MAX_TEXT) : trimmed);
    }

    boolean has(String name) {
        return text(name).isPresent();
    }

    /** An uploaded image's bytes, kept by the upload endpoint; absent when there is none. */
    Optional<InputStream> file(String name) {
        return pending == null ? Optional.empty() : pending.file(name).map(java.io.ByteArrayInputStream::new);
    }
}
