package dev.ciamkit.risk.device;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The public data of a remembered browser (credential data of {@value KnownDevices#TYPE}): what it looked like and
 * roughly where it was last used, enough for the user to recognise it in the account console. Never the device id.
 *
 * @param browser family and major version, e.g. "Chrome 131"
 * @param family the browser family alone, to tell whether a family was ever seen
 * @param os operating system family
 * @param country ISO 3166 code, or null when no location source knew it
 * @param city city name, or null
 * @param lastUsed epoch seconds of the last successful login with it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KnownDevice(String browser, String family, String os, String country, String city, long lastUsed) {

    /** Keycloak's {@code USER_LABEL} column holds 255 characters. */
    static final int MAX_LABEL = 255;

    static KnownDevice of(Browser browser, String country, String city, Instant now) {
        return new KnownDevice(
                browser.familyAndMajor(),
                browser.family(),
                browser.os(),
                blankToNull(country),
                blankToNull(city),
                now.getEpochSecond());
    }

    /** "Chrome 131 · Windows · Seoul, KR · 2026-11-25" (UTC date), plain text: the console escapes it. */
    String label() {
        StringJoiner label = new StringJoiner(" · ");
        label.add(browser == null ? Browser.OTHER : browser);
        label.add(os == null ? Browser.OTHER : os);
        String place = place(city, country);
        if (place != null) {
            label.add(place);
        }
        label.add(Instant.ofEpochSecond(lastUsed)
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString());
        String text = label.toString();
        return text.length() > MAX_LABEL ? text.substring(0, MAX_LABEL) : text;
    }

    /** Same device, same look, same place, same UTC day: storing it again would change nothing worth a write. */
    boolean sameDayAs(KnownDevice other) {
        return other != null
                && Objects.equals(browser, other.browser)
                && Objects.equals(family, other.family)
                && Objects.equals(os, other.os)
                && Objects.equals(country, other.country)
                && Objects.equals(city, other.city)
                && Math.floorDiv(lastUsed, 86_400) == Math.floorDiv(other.lastUsed, 86_400);
    }

    /** "Seoul, KR", "KR", or null when nothing is known. */
    public static String place(String city, String country) {
        String c = blankToNull(city);
        String k = blankToNull(country);
        if (c != null && k != null) {
            return c + ", " + k;
        }
        return c != null ? c : k;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
