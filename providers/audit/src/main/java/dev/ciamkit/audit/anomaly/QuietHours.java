package dev.ciamkit.audit.anomaly;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hours of the day in the realm's time zone when a login is unusual: {@code HH-HH}, from the first hour (included) to
 * the second (excluded), wrapping past midnight ({@code 22-06}); {@code 00-24} is the whole day.
 */
public record QuietHours(int from, int to) {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s*");

    /** The range a setting names; empty when blank or malformed (the rule is then off) or empty ({@code 05-05}). */
    public static Optional<QuietHours> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        int from = Integer.parseInt(m.group(1));
        int to = Integer.parseInt(m.group(2));
        if (from > 23 || to > 24 || from == to) {
            return Optional.empty();
        }
        return Optional.of(new QuietHours(from, to));
    }

    /** Whether the moment falls within these hours in the zone. */
    public boolean contains(long epochMillis, ZoneId zone) {
        int hour = Instant.ofEpochMilli(epochMillis).atZone(zone).getHour();
        return from < to ? hour >= from && hour < to : hour >= from || hour < to;
    }
}
