package dev.ciamkit.sms.spi;

/**
 * @param to E.164 number, e.g. {@code +821012345678}
 * @param text the message body
 */
public record SmsMessage(String to, String text) {

    /** Masks the number and leaves out the text, so a message can never end up in a log by accident. */
    @Override
    public String toString() {
        String tail = to == null || to.length() < 4 ? "" : to.substring(to.length() - 2);
        return "SmsMessage[to=***" + tail + ", text=(" + (text == null ? 0 : text.length()) + " chars)]";
    }
}
