package dev.ciamkit.ekyc.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code value} / {@code values} restriction of one requested element (OpenID Connect Core 5.5.1, extended by
 * OpenID Connect for Identity Assurance to elements inside {@code verified_claims}): any value when none is given.
 */
record ValueFilter(Optional<Set<String>> allowed) {

    static final ValueFilter ANY = new ValueFilter(Optional.empty());

    private static final int MAX_VALUES = 32;

    ValueFilter {
        allowed = allowed.map(Set::copyOf);
    }

    /**
     * Reads a request element: {@code null} or an object without {@code value}/{@code values} accepts anything; a
     * {@code value} or {@code values} that is not text (or too many values) accepts nothing, so a request we cannot
     * read is never answered with data it did not ask for.
     */
    static ValueFilter of(JsonNode element) {
        if (element == null || !element.isObject()) {
            return ANY;
        }
        JsonNode value = element.get("value");
        if (value != null) {
            return new ValueFilter(Optional.of(value.isTextual() ? Set.of(value.asText()) : Set.of()));
        }
        JsonNode values = element.get("values");
        if (values == null) {
            return ANY;
        }
        Set<String> allowed = new HashSet<>();
        if (values.isArray() && values.size() <= MAX_VALUES) {
            values.forEach(v -> {
                if (v.isTextual()) {
                    allowed.add(v.asText());
                }
            });
        }
        return new ValueFilter(Optional.of(allowed));
    }

    boolean accepts(String value) {
        return allowed.map(set -> set.contains(value)).orElse(true);
    }

    boolean restricts() {
        return allowed.isPresent();
    }
}
