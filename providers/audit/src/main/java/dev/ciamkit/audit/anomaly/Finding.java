package dev.ciamkit.audit.anomaly;

/**
 * A rule that fired: about a user (or admin) or an address, with what was counted.
 *
 * @param userId the user or admin the finding is about, or the last user a finding about an address saw (may be null)
 * @param address the client address (for a user finding: of the last record counted; may be null)
 * @param count what the rule counted in the window (1 for a login in quiet hours)
 * @param lastAt the time of the newest record counted, epoch milliseconds
 */
public record Finding(
        AnomalyRule rule, String userId, String address, long count, int threshold, int windowSeconds, long lastAt) {

    /** The id the rule fires once per window for: the user, or the address's network (an IPv6 address's /64). */
    public String subject() {
        return rule.subject() == AnomalyRule.Subject.USER ? userId : AnomalyRules.addressSubject(address);
    }
}
