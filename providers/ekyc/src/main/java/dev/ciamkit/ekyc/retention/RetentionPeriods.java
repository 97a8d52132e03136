package dev.ciamkit.ekyc.retention;

import java.util.Optional;
import org.keycloak.models.RealmModel;

/**
 * How long a realm keeps eKYC images and records, in seconds, as realm attributes (set through the admin endpoint, so
 * tests can use seconds). Images: 30 days by default. Records: 5 years by default, the period Korea's Real-Name
 * Financial Transactions Act asks for verification records; a record goes once it is both past its valid-until and
 * older (since its verification) than this period.
 */
public record RetentionPeriods(long imagesSeconds, long recordsSeconds) {

    public static final String IMAGES_ATTRIBUTE = "ciamkit.ekyc.retention.images-seconds";
    public static final String RECORDS_ATTRIBUTE = "ciamkit.ekyc.retention.records-seconds";
    public static final long DEFAULT_IMAGES_SECONDS = 30L * 86_400;
    public static final long DEFAULT_RECORDS_SECONDS = 5L * 365 * 86_400;
    public static final long MIN_SECONDS = 1;
    /** 100 years: anything longer is a typo. */
    public static final long MAX_SECONDS = 100L * 365 * 86_400;

    public static final RetentionPeriods DEFAULT =
            new RetentionPeriods(DEFAULT_IMAGES_SECONDS, DEFAULT_RECORDS_SECONDS);

    /** The realm's periods; a missing or unreadable attribute reads as its default. */
    public static RetentionPeriods of(RealmModel realm) {
        return new RetentionPeriods(
                read(realm.getAttribute(IMAGES_ATTRIBUTE), DEFAULT_IMAGES_SECONDS),
                read(realm.getAttribute(RECORDS_ATTRIBUTE), DEFAULT_RECORDS_SECONDS));
    }

    public void store(RealmModel realm) {
        realm.setAttribute(IMAGES_ATTRIBUTE, Long.toString(imagesSeconds));
        realm.setAttribute(RECORDS_ATTRIBUTE, Long.toString(recordsSeconds));
    }

    /** Why these periods cannot be stored, or empty when they can. */
    public Optional<String> problem() {
        if (!inRange(imagesSeconds)) {
            return Optional.of("imagesSeconds must be between " + MIN_SECONDS + " and " + MAX_SECONDS);
        }
        if (!inRange(recordsSeconds)) {
            return Optional.of("recordsSeconds must be between " + MIN_SECONDS + " and " + MAX_SECONDS);
        }
        return Optional.empty();
    }

    static long read(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            return inRange(parsed) ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean inRange(long seconds) {
        return seconds >= MIN_SECONDS && seconds <= MAX_SECONDS;
    }
}
