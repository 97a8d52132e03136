package dev.ciamkit.audit.anomaly;

/** What the rules read of a linked record. */
public record TrailRecord(
        long seq, long time, String kind, String type, String outcome, String userId, String ipAddress, String body) {}
