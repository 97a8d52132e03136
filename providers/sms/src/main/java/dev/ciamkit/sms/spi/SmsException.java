package dev.ciamkit.sms.spi;

/** The gateway did not take the message. The message names the reason, never the number or the text. */
public final class SmsException extends Exception {

    private static final long serialVersionUID = 1L;

    public SmsException(String message) {
        super(message);
    }

    public SmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
