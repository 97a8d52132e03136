package dev.ciamkit.risk.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What was learned from a user's successful logins, bounded whatever the number of logins: an hour-of-week histogram
 * (168 counters in UTC, halved together when one reaches {@link #COUNTER_CAP}), the countries seen (the last
 * {@link #MAX_COUNTRIES}), and where and when the last successful login was. Immutable; {@link #learn} gives a new one.
 *
 * @param hours logins per hour of the week, Monday 00:00 UTC first
 * @param countries ISO 3166 codes, most recent last
 * @param last the last successful login, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskProfile(int[] hours, List<String> countries, LastLogin last) {

    public static final int HOURS_PER_WEEK = 168;
    public static final int COUNTER_CAP = 1000;
    public static final int MAX_COUNTRIES = 20;

    /** Where and when: the place only when a location source knew it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastLogin(long epochSecond, String country, Double latitude, Double longitude) {}

    public RiskProfile {
        hours = hours == null || hours.length != HOURS_PER_WEEK ? new int[HOURS_PER_WEEK] : hours.clone();
        countries = countries == null
                ? List.of()
                : List.copyOf(countries.subList(Math.max(0, countries.size() - MAX_COUNTRIES), countries.size()));
    }

    public static RiskProfile empty() {
        return new RiskProfile(null, null, null);
    }

    @Override
    public int[] hours() {
        return hours.clone();
    }

    public int logins() {
        return Arrays.stream(hours).sum();
    }

    /** Logins at this hour of the week and the one before and after (a 3-hour band, wrapping around the week). */
    public int loginsAround(int hourOfWeek) {
        int sum = 0;
        for (int d = -1; d <= 1; d++) {
            sum += hours[Math.floorMod(hourOfWeek + d, HOURS_PER_WEEK)];
        }
        return sum;
    }

    public boolean knowsCountry(String country) {
        return country != null && countries.contains(country);
    }

    public static int hourOfWeek(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return (utc.getDayOfWeek().getValue() - 1) * 24 + utc.getHour();
    }

    /** This profile with one more successful login. */
    public RiskProfile learn(Instant at, String country, Double latitude, Double longitude) {
        int[] next = hours.clone();
        int hour = hourOfWeek(at);
        if (next[hour] + 1 >= COUNTER_CAP) {
            for (int i = 0; i < next.length; i++) {
                next[i] = next[i] / 2;
            }
        }
        next[hour]++;
        List<String> seen = new ArrayList<>(countries);
        if (country != null) {
            seen.remove(country);
            seen.add(country);
        }
        return new RiskProfile(next, seen, new LastLogin(at.getEpochSecond(), country, latitude, longitude));
    }
}
