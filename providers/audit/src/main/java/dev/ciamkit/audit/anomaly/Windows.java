package dev.ciamkit.audit.anomaly;

/** Counts over a realm's trail within {@code (from, to]} (epoch milliseconds), as the rules need them. */
public interface Windows {

    /** Failed logins of the user. */
    long userFailures(String userId, long from, long to);

    /** Failed logins from the address. */
    long addressFailures(String address, long from, long to);

    /** Different users (known ones by id, unknown ones by what the record keeps of the typed name) tried from it. */
    long addressUsers(String address, long from, long to);

    /** Records the admin read through our reports and record views ({@code ciamkit_rows} of their admin events). */
    long rowsRead(String adminId, long from, long to);
}
