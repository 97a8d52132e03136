package dev.ciamkit.audit.review;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A month of the review report, {@code YYYY-MM}, as an interval of epoch milliseconds in the realm's time zone. */
public record ReviewMonth(YearMonth month, ZoneId zone, long fromMillis, long toMillis) {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    /** Empty for anything but a real month of years 2000 to 9999. */
    public static Optional<ReviewMonth> parse(String text, ZoneId zone) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        if (month.getYear() < 2000) {
            return Optional.empty();
        }
        return Optional.of(new ReviewMonth(
                month,
                zone,
                month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli()));
    }
}
