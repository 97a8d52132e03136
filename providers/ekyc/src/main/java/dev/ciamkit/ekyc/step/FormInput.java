package dev.ciamkit.ekyc.step;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.InputStream;
import java.util.Optional;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;

/**
 * The fields of a posted page, from a URL-encoded form or a multipart one (the pages with an image upload send
 * multipart, since an image in a text field would pass Keycloak's form-attribute size limit). Text values are trimmed
 * and cut at {@link #MAX_TEXT} characters.
 */
final class FormInput {

    static final int MAX_TEXT = 100;

    private final MultivaluedMap<String, String> form;
    private final MultivaluedMap<String, FormPartValue> parts;
    private final PendingForm pending;

    private FormInput(
            MultivaluedMap<String, String> form, MultivaluedMap<String, FormPartValue> parts, PendingForm pending) {
        this.form = form;
        this.parts = parts;
        this.pending = pending;
    }

    /** A page that went through the upload endpoint (see {@link PendingForm}). */
    static FormInput of(PendingForm pending) {
        return new FormInput(null, null, pending);
    }

    static FormInput of(HttpRequest request) {
        MediaType type = request.getHttpHeaders().getMediaType();
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            // the image pages post to the upload endpoint; a multipart post here is not one of ours (and a file part
            // in it would make Keycloak's own form reading throw): nothing of it is read
            return new FormInput(new jakarta.ws.rs.core.MultivaluedHashMap<>(), null, null);
        }
        return new FormInput(request.getDecodedFormParameters(), null, null);
    }

    Optional<String> text(String name) {
        String value = null;
        if (pending != null) {
            value = pending.fields().get(name);
        } else if (form != null) {
            value = form.getFirst(name);
        } else if (parts != null && parts.getFirst(name) != null) {
            value = parts.getFirst(name).asString();
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

    /** An uploaded file's bytes; absent when the form was not multipart or the field is missing. */
    Optional<InputStream> file(String name) {
        if (pending != null) {
            return pending.file(name).map(java.io.ByteArrayInputStream::new);
        }
        if (parts == null || parts.getFirst(name) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(parts.getFirst(name).asInputStream());
    }
}
