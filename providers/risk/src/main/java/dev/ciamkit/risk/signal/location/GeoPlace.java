package dev.ciamkit.risk.signal.location;

import java.util.Locale;
import java.util.Objects;

/**
 * Where an address is, as far as a location source knows: always a country, sometimes a city and coordinates.
 * Coordinates come as a pair or not at all, and only within range, so a distance is never computed from half a place.
 *
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param city the city's English name, or null
 * @param latitude degrees north, or null
 * @param longitude degrees east, or null
 */
public record GeoPlace(String country, String city, Double latitude, Double longitude) {

    public GeoPlace {
        Objects.requireNonNull(country, "country");
        country = country.trim().toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            throw new IllegalArgumentException("country is empty");
        }
        city = city == null || city.isBlank() ? null : city.trim();
        if (!validCoordinates(latitude, longitude)) {
            latitude = null;
            longitude = null;
        }
    }

    public static GeoPlace country(String country) {
        return new GeoPlace(country, null, null, null);
    }

    public boolean hasCoordinates() {
        return latitude != null;
    }

    static boolean validCoordinates(Double latitude, Double longitude) {
        return latitude != null && longitude != null && Math.abs(latitude) <= 90.0 && Math.abs(longitude) <= 180.0;
    }
}
