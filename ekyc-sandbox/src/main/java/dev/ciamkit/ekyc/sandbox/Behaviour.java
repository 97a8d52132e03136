package dev.ciamkit.ekyc.sandbox;

/**
 * How one operation misbehaves; a null component takes the value of the sandbox-wide setting.
 *
 * @param latencyMs how long each request waits before it is answered
 * @param failureRate the share of requests that fail, 0 to 1, spread evenly and deterministically (0.25: the 1st,
 *     5th, 9th, ... request)
 * @param failStatus the HTTP status of a failed request (400 to 599)
 * @param malformed a failed request gets 200 with a body that is not JSON instead of {@code failStatus}
 */
public record Behaviour(Long latencyMs, Double failureRate, Integer failStatus, Boolean malformed) {

    public Behaviour {
        SandboxConfig.check(latencyMs, failureRate, failStatus);
    }

    /** Inherits everything. */
    public static Behaviour inherit() {
        return new Behaviour(null, null, null, null);
    }

    /** Every request waits {@code latencyMs}, then is answered as usual. */
    public static Behaviour slow(long latencyMs) {
        return new Behaviour(latencyMs, null, null, null);
    }

    /** Every request fails with {@code status}. */
    public static Behaviour failing(int status) {
        return new Behaviour(null, 1.0, status, false);
    }

    /** Every request gets 200 with a body that is not JSON. */
    public static Behaviour malformedAnswers() {
        return new Behaviour(null, 1.0, null, true);
    }
}
