package dev.ciamkit.risk.engine;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.risk.spi.SignalResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns signal results into a score and a level. Score: the sum over fired signals of points × weight / 100, capped at
 * 100; a signal that could not tell adds {@code unknownPoints} × weight / 100, so a broken or blinded signal never
 * makes a login look safer. Level: by the realm's thresholds; LOW only with at least {@code minEvidence} results that
 * rest on the user's own history (a first login is never LOW). VERY_HIGH, which a flow refuses, only when a decisive
 * finding (a denied network, a known-bad address, impossible travel) alone weighs at least {@code decisivePoints}: soft
 * signals (a new device, recent failures) add up to HIGH at most, so they ask for a factor and never lock a customer out.
 */
public record RiskScoring(
        int mediumFrom, int highFrom, int veryHighFrom, int minEvidence, int unknownPoints, int decisivePoints) {

    public static final String MEDIUM_FROM = "risk-medium-from";
    public static final String HIGH_FROM = "risk-high-from";
    public static final String VERY_HIGH_FROM = "risk-very-high-from";
    public static final String MIN_EVIDENCE = "risk-min-evidence";
    public static final String UNKNOWN_POINTS = "risk-unknown-points";
    public static final String DECISIVE_POINTS = "risk-decisive-points";
    /** Reason code added when soft signals alone added up to VERY_HIGH: they ask for a factor, they never refuse. */
    public static final String NOT_DECISIVE = "capped_at_high";

    public RiskScoring {
        if (!(0 < mediumFrom && mediumFrom <= highFrom && highFrom <= veryHighFrom && veryHighFrom <= 100)) {
            throw new IllegalArgumentException("thresholds must rise: 0 < medium <= high <= very high <= 100");
        }
    }

    /** The realm's scoring, thresholds that do not rise fall back to the defaults as a whole. */
    public static RiskScoring from(Map<String, String> config) {
        int medium = BoundedInt.read(config, MEDIUM_FROM, 25, 1, 100);
        int high = BoundedInt.read(config, HIGH_FROM, 50, 1, 100);
        int veryHigh = BoundedInt.read(config, VERY_HIGH_FROM, 80, 1, 100);
        int evidence = BoundedInt.read(config, MIN_EVIDENCE, 2, 0, 10);
        int unknown = BoundedInt.read(config, UNKNOWN_POINTS, 10, 0, 100);
        int decisive = BoundedInt.read(config, DECISIVE_POINTS, 60, 1, 100);
        if (!(medium <= high && high <= veryHigh)) {
            medium = 25;
            high = 50;
            veryHigh = 80;
        }
        return new RiskScoring(medium, high, veryHigh, evidence, unknown, decisive);
    }

    /**
     * The same scoring without a minimum of evidence: at a token refresh the session's login already met it, and the
     * signals that mean something there (address, failures) can rarely vouch for a user.
     */
    public RiskScoring withoutEvidenceMinimum() {
        return new RiskScoring(mediumFrom, highFrom, veryHighFrom, 0, unknownPoints, decisivePoints);
    }

    /** One weighted result. */
    public record Weighted(SignalResult result, int weight) {}

    public RiskAssessment assess(List<Weighted> weighted, Instant at) {
        if (weighted.isEmpty()) {
            return RiskAssessment.unavailable(at);
        }
        int score = 0;
        int evidence = 0;
        boolean decisive = false;
        List<SignalResult> results = new ArrayList<>();
        for (Weighted w : weighted) {
            SignalResult r = w.result();
            results.add(r);
            if (r.fired()) {
                score += r.points() * w.weight() / 100;
                decisive |= r.decisive() && r.points() * w.weight() / 100 >= decisivePoints;
            } else if (r.state() == SignalResult.State.UNKNOWN) {
                score += unknownPoints * w.weight() / 100;
            } else if (r.evidence()) {
                evidence++;
            }
        }
        score = Math.min(100, score);
        RiskLevel level = level(score);
        if (level == RiskLevel.VERY_HIGH && !decisive) {
            level = RiskLevel.HIGH;
            results.add(SignalResult.fired("engine", 0, NOT_DECISIVE));
        }
        if (level == RiskLevel.LOW && evidence < minEvidence) {
            level = RiskLevel.MEDIUM;
            results.add(SignalResult.fired("engine", 0, RiskAssessment.INSUFFICIENT_EVIDENCE));
        }
        return new RiskAssessment(score, level, results, evidence, at);
    }

    RiskLevel level(int score) {
        if (score >= veryHighFrom) {
            return RiskLevel.VERY_HIGH;
        }
        if (score >= highFrom) {
            return RiskLevel.HIGH;
        }
        if (score >= mediumFrom) {
            return RiskLevel.MEDIUM;
        }
        return RiskLevel.LOW;
    }
}
