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

    private FormInput(MultivaluedMap<String, String> form, MultivaluedMap<String, FormPartValue> parts) {
        this.form = form;
        this.parts = parts;
    }

    static FormInput of(HttpRequest request) {
        MediaType type = request.getHttpHeaders().getMediaType();
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return new FormInput(null, request.getMultiPartFormParameters());
        }
        return new FormInput(request.getDecodedFormParameters(), null);
    }

    Optional<String> text(String name) {
        String value = null;
        if (form != null) {
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
        if (parts == null || parts.getFirst(name) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(parts.getFirst(name).asInputStream());
    }
}
