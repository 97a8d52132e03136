package dev.ciamkit.risk.engine;

import java.util.Locale;
import java.util.Optional;

/** Four levels, as IBM Verify names them; flows branch on them with the {@code ciamkit-risk-level} condition. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH;

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    /** The level of this name (any case), or empty: a stored or configured value that does not parse is no level. */
    public static Optional<RiskLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
