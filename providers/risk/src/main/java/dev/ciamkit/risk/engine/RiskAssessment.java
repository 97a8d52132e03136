package dev.ciamkit.risk.engine;

import dev.ciamkit.risk.spi.SignalResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of one assessment: score 0–100, level, and every signal's result (what fired, what could not tell).
 * Immutable and never null; {@link #unavailable} stands for an assessment that could not be made at all.
 *
 * @param evidence how many results rested on the user's own history
 */
public record RiskAssessment(int score, RiskLevel level, List<SignalResult> results, int evidence, Instant at) {

    /** Reason code added when the score alone would have been LOW but the history is too thin to say so. */
    public static final String INSUFFICIENT_EVIDENCE = "insufficient_evidence";

    public RiskAssessment {
        score = Math.max(0, Math.min(100, score));
        Objects.requireNonNull(level, "level");
        results = List.copyOf(results);
        Objects.requireNonNull(at, "at");
    }

    /** No signal could be asked (none enabled, or the engine itself failed): treated as HIGH, never as LOW. */
    public static RiskAssessment unavailable(Instant at) {
        return new RiskAssessment(
                50, RiskLevel.HIGH, List.of(SignalResult.unknown("engine", "assessment_unavailable")), 0, at);
    }

    /** This assessment raised to at least {@code floor}, saying why; unchanged when already there. */
    public RiskAssessment atLeast(RiskLevel floor, String reason) {
        if (level.atLeast(floor)) {
            return this;
        }
        List<SignalResult> raised = new java.util.ArrayList<>(results);
        raised.add(SignalResult.fired("engine", 0, reason));
        return new RiskAssessment(score, floor, raised, evidence, at);
    }

    /** Whether a decisive finding fired (a denied network, a known-bad address, impossible travel). */
    public boolean decisive() {
        return results.stream().anyMatch(SignalResult::decisive);
    }

    /** The reasons of the results that fired or could not tell, e.g. {@code device:new_device,time:unknown}. */
    public String reasons() {
        return results.stream()
                .filter(r -> r.state() != SignalResult.State.CLEAR)
                .map(r -> r.signal() + ":" + (r.fired() ? r.reason() : "unknown"))
                .collect(Collectors.joining(","));
    }

    /** Everything the signals observed, by signal, for the learner. */
    public Map<String, Map<String, String>> observed() {
        return results.stream()
                .filter(r -> !r.observed().isEmpty())
                .collect(Collectors.toUnmodifiableMap(SignalResult::signal, SignalResult::observed, (a, b) -> a));
    }
}
