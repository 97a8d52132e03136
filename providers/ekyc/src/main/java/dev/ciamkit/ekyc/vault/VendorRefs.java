package dev.ciamkit.ekyc.vault;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vendors' references of a verification's methods, stored as a small JSON object {@code {"id":"ref",...}}. */
final class VendorRefs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private VendorRefs() {}

    static String write(List<MethodResult> methods) {
        Map<String, String> refs = new LinkedHashMap<>();
        methods.forEach(
                m -> m.vendorReference().ifPresent(ref -> refs.put(m.method().wire(), ref)));
        try {
            return refs.isEmpty() ? null : JSON.writeValueAsString(refs);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("vendor references could not be written", e);
        }
    }

    static Map<String, String> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(stored, MAP);
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }
}
