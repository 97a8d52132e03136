package dev.ciamkit.ekyc.spi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ID documents a verification accepts; {@link #wire()} is the contract's name. */
public enum IdDocumentType {
    /** Resident registration card (주민등록증). */
    RESIDENT_CARD,
    /** Driver's licence (운전면허증). */
    DRIVER_LICENCE,
    /** Passport (여권). */
    PASSPORT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdDocumentType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(value)).findFirst();
    }
}
