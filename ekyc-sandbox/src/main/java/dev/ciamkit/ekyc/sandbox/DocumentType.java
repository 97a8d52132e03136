package dev.ciamkit.ekyc.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ID documents of the contract, by their wire names. */
enum DocumentType {
    RESIDENT_CARD,
    DRIVER_LICENCE,
    PASSPORT;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<DocumentType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(value)).findFirst();
    }
}
