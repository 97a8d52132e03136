package dev.ciamkit.audit.export;

import java.util.Optional;

/**
 * What an export outbox message names: the realm's linked records {@code from} to {@code to} (their numbers, both
 * included), written {@code seq:<from>-<to>}. Messages written before ranges carry one record's id instead.
 */
public record ExportRange(long from, long to) {

    static final String PREFIX = "seq:";

    public ExportRange {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("an export range runs from a number >= 1 to one not below it");
        }
    }

    public static String payload(long from, long to) {
        return new ExportRange(from, to).payload();
    }

    public String payload() {
        return PREFIX + from + '-' + to;
    }

    /** The range a payload names; empty for a record id (a message of the earlier form) or anything else. */
    public static Optional<ExportRange> parse(String payload) {
        if (payload == null || !payload.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dash = payload.indexOf('-', PREFIX.length());
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ExportRange(
                    Long.parseLong(payload.substring(PREFIX.length(), dash)),
                    Long.parseLong(payload.substring(dash + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
