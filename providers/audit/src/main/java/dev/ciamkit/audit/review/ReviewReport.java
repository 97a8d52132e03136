package dev.ciamkit.audit.review;

import java.util.List;

/**
 * The monthly access-record review of one realm: what its sections hold, each bounded ({@value #MAX_ROWS} rows; its
 * total says how many events there were), and the chain check of the month's records.
 */
public record ReviewReport(
        String realm, String month, String zone, long generatedAt, List<Section> sections, Check check) {

    public static final int MAX_ROWS = 1000;

    /** Sections in the order the report shows them; each name is the message key suffix of its heading. */
    public enum Kind {
        ADMIN_ACCESS,
        SIGN_INS,
        AUTH_FAILURES,
        LOCKOUTS,
        ADMIN_ACTIONS,
        ANOMALIES
    }

    /**
     * One line: a single event ({@code count} 1, {@code time} its time) or a group (the events of one user and
     * address: {@code count} of them, {@code time} the last).
     */
    public record Row(
            long time,
            String user,
            String client,
            String address,
            String type,
            String outcome,
            String error,
            String detail,
            long count) {}

    /** @param total the events of this section in the month (more than the rows when they were cut or grouped) */
    public record Section(Kind kind, long total, List<Row> rows) {}

    /**
     * The chain check of the month's linked records ({@code firstSeq} to {@code lastSeq}), linked to the record before
     * them.
     */
    public record Check(
            boolean intact,
            long checked,
            long firstSeq,
            long lastSeq,
            String problem,
            long firstBroken,
            String detail,
            long unlinked,
            long quarantined) {}
}
