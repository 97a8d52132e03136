package dev.ciamkit.ekyc.retention;

/**
 * What a purge did.
 *
 * @param withdrawn verified records whose credential was gone, now withdrawn (names and images deleted)
 * @param images images deleted (past the image period, or of a withdrawn record)
 * @param records records deleted with their images (past their retention and their validity, or of a removed realm)
 */
public record PurgeCounts(int withdrawn, int images, int records) {

    public static final PurgeCounts NONE = new PurgeCounts(0, 0, 0);

    public PurgeCounts plus(PurgeCounts other) {
        return new PurgeCounts(withdrawn + other.withdrawn, images + other.images, records + other.records);
    }
}
