package dev.ciamkit.ekyc.step;

/** Sends the eKYC step's error events, each on a copy of the flow's event so the flow's own event stays clean. */
final class Events {

    static final String REASON = "ekyc_reason";

    private Events() {}

    /** An error event with our code and the vendor's or our reason code (never a value the user typed). */
    static void error(EkycHost host, String error, String reason) {
        var event = host.event().clone().user(host.user());
        if (reason != null) {
            event.detail(REASON, reason);
        }
        event.error(error);
    }
}
