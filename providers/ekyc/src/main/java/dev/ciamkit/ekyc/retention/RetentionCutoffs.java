package dev.ciamkit.ekyc.retention;

/**
 * The purge's decisions for one realm at one instant: an image older than the image cutoff goes; a record goes when
 * it was verified before the record cutoff and is no longer valid.
 */
public record RetentionCutoffs(long nowMillis, long imagesBefore, long recordsBefore) {

    public static RetentionCutoffs at(long nowMillis, RetentionPeriods periods) {
        return new RetentionCutoffs(
                nowMillis, nowMillis - periods.imagesSeconds() * 1000, nowMillis - periods.recordsSeconds() * 1000);
    }

    public boolean imageExpired(long createdAtMillis) {
        return createdAtMillis < imagesBefore;
    }

    public boolean recordExpired(long verifiedAtMillis, long validUntilMillis) {
        return verifiedAtMillis < recordsBefore && validUntilMillis <= nowMillis;
    }
}
