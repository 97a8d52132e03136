package dev.ciamkit.sms.spi;

/**
 * The gateway did not take the message. The message names the reason, never the number or the text; {@link #reason()}
 * is the event error code a caller records, {@link #gatewayStatus()} the gateway's HTTP status when it answered.
 */
public final class SmsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a message was not sent, each with the event error code of the {@code ciamkit_sms_*} family. */
    public enum Reason {
        /** The sender's configuration cannot send (no URL, a broken body template, a sender not allowed here). */
        NOT_CONFIGURED("ciamkit_sms_not_configured"),
        /** The gateway answered, and not with 2xx (after retries, for a 5xx). */
        REJECTED("ciamkit_sms_rejected"),
        /** No answer within the time the request may wait. */
        TIMEOUT("ciamkit_sms_timeout"),
        /** The gateway could not be reached (connection refused, DNS, TLS), or a local outbox could not be written. */
        UNREACHABLE("ciamkit_sms_unreachable");

        private final String eventError;

        Reason(String eventError) {
            this.eventError = eventError;
        }

        public String eventError() {
            return eventError;
        }
    }

    private final Reason reason;
    private final int gatewayStatus;
    private final boolean afterUncertainAttempt;

    /** @deprecated name the reason; kept so that senders built before it still load (they count as unreachable) */
    @Deprecated
    public SmsException(String message) {
        this(Reason.UNREACHABLE, 0, message, null);
    }

    /** @deprecated name the reason; kept so that senders built before it still load (they count as unreachable) */
    @Deprecated
    public SmsException(String message, Throwable cause) {
        this(Reason.UNREACHABLE, 0, message, cause);
    }

    public SmsException(Reason reason, String message) {
        this(reason, 0, message, null);
    }

    public SmsException(Reason reason, String message, Throwable cause) {
        this(reason, 0, message, cause);
    }

    public SmsException(Reason reason, int gatewayStatus, String message, Throwable cause) {
        this(reason, gatewayStatus, message, cause, false);
    }

    private SmsException(
            Reason reason, int gatewayStatus, String message, Throwable cause, boolean afterUncertainAttempt) {
        super(message, cause);
        this.reason = reason == null ? Reason.UNREACHABLE : reason;
        this.gatewayStatus = gatewayStatus;
        this.afterUncertainAttempt = afterUncertainAttempt;
    }

    /** The same failure, known to follow an earlier attempt of the same message that may have been delivered. */
    public SmsException afterUncertainAttempt() {
        return new SmsException(reason, gatewayStatus, getMessage(), getCause(), true);
    }

    /**
     * The message certainly did not leave: the configuration could not send, or the gateway refused it (4xx, or 503
     * "not now") and no earlier attempt of it may have got through. A timeout, a dropped connection or another 5xx may
     * come after the gateway queued it.
     */
    public boolean provablyNotSent() {
        if (afterUncertainAttempt) {
            return false;
        }
        return switch (reason) {
            case NOT_CONFIGURED -> true;
            case REJECTED -> gatewayStatus >= 400 && gatewayStatus < 500 || gatewayStatus == 503;
            case TIMEOUT, UNREACHABLE -> false;
        };
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status the gateway answered with; 0 when it did not answer. */
    public int gatewayStatus() {
        return gatewayStatus;
    }
}
