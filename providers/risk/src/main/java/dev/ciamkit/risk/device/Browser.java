package dev.ciamkit.risk.device;

import java.util.Map;

/**
 * A browser as the user-agent parser names it: family ("Chrome", "Mobile Safari"), major version ("131", or empty when
 * unknown) and operating system family ("Windows", "iOS"). Unknown parts read "Other", as the parser says it. Fields are
 * cut to {@value #MAX_PART} characters: they end up in a credential label and a mail.
 */
public record Browser(String family, String major, String os) {

    public static final String OTHER = "Other";
    /** Keys under which the device signal reports what it saw, for the learner. */
    public static final String OBSERVED_BROWSER = "browser";

    public static final String OBSERVED_OS = "os";
    static final int MAX_PART = 64;

    public Browser {
        family = part(family, OTHER);
        major = part(major, "");
        os = part(os, OTHER);
    }

    public static Browser other() {
        return new Browser(OTHER, "", OTHER);
    }

    /** "Chrome 131", or just the family when the version is unknown. */
    public String familyAndMajor() {
        return major.isEmpty() ? family : family + " " + major;
    }

    /** What the device signal observes: {@code browser} ("Chrome 131") and {@code os}. */
    public Map<String, String> observed() {
        return Map.of(OBSERVED_BROWSER, familyAndMajor(), OBSERVED_OS, os);
    }

    /** The browser back from a signal's observations (a trailing number is the major version); other() if absent. */
    public static Browser fromObserved(Map<String, String> observed) {
        if (observed == null || observed.get(OBSERVED_BROWSER) == null) {
            return other();
        }
        String browser = observed.get(OBSERVED_BROWSER).trim();
        int space = browser.lastIndexOf(' ');
        String tail = space < 0 ? "" : browser.substring(space + 1);
        boolean versioned = !tail.isEmpty() && tail.chars().allMatch(Character::isDigit);
        return versioned
                ? new Browser(browser.substring(0, space), tail, observed.get(OBSERVED_OS))
                : new Browser(browser, "", observed.get(OBSERVED_OS));
    }

    private static String part(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String trimmed = value.strip();
        return trimmed.length() > MAX_PART ? trimmed.substring(0, MAX_PART) : trimmed;
    }
}
