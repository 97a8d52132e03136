package dev.ciamkit.risk.spi;

import java.util.Map;
import java.util.Objects;

/**
 * What one signal found, never null.
 *
 * @param signal the id of the signal's factory
 * @param state {@link State#FIRED} (looks risky), {@link State#CLEAR} (nothing risky), {@link State#UNKNOWN} (could not
 *     tell: no data, bad input, a failure)
 * @param points how risky, 0–100, before the realm's weight for this signal; 0 unless fired
 * @param reason a short reason code for events and the report (e.g. {@code new_device}); never PII
 * @param evidence whether this result rests on the user's own history (a known device, a usual hour): only such results
 *     count toward the minimum of evidence a LOW level needs
 * @param observed what the signal saw that the learner keeps after a successful login (country, browser family, ...):
 *     never put in events or pages
 * @param decisive whether this finding alone may justify refusing the login (a denied network, a known-bad address,
 *     impossible travel); soft findings (a new device, recent failures) only ever ask for another factor, however many
 */
public record SignalResult(
        String signal,
        State state,
        int points,
        String reason,
        boolean evidence,
        Map<String, String> observed,
        boolean decisive) {

    /** How a signal came out. */
    public enum State {
        FIRED,
        CLEAR,
        UNKNOWN
    }

    public SignalResult {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        points = state == State.FIRED ? Math.max(0, Math.min(100, points)) : 0;
        evidence = evidence && state == State.CLEAR;
        observed = observed == null ? Map.of() : Map.copyOf(observed);
        decisive = decisive && state == State.FIRED;
    }

    public SignalResult(
            String signal, State state, int points, String reason, boolean evidence, Map<String, String> observed) {
        this(signal, state, points, reason, evidence, observed, false);
    }

    /** A finding that may justify refusing the login on its own (see {@link #decisive()}). */
    public static SignalResult decisive(String signal, int points, String reason) {
        return new SignalResult(signal, State.FIRED, points, reason, false, Map.of(), true);
    }

    public static SignalResult fired(String signal, int points, String reason) {
        return new SignalResult(signal, State.FIRED, points, reason, false, Map.of());
    }

    /** Nothing risky, and the user's own history says so. */
    public static SignalResult known(String signal, String reason) {
        return new SignalResult(signal, State.CLEAR, 0, reason, true, Map.of());
    }

    /** Nothing risky, but nothing learned about this user either (no evidence). */
    public static SignalResult clear(String signal, String reason) {
        return new SignalResult(signal, State.CLEAR, 0, reason, false, Map.of());
    }

    public static SignalResult unknown(String signal, String reason) {
        return new SignalResult(signal, State.UNKNOWN, 0, reason, false, Map.of());
    }

    /** The same result with what the signal observed, for the learner. */
    public SignalResult observing(Map<String, String> values) {
        return new SignalResult(signal, state, points, reason, evidence, values, decisive);
    }

    public boolean fired() {
        return state == State.FIRED;
    }
}
