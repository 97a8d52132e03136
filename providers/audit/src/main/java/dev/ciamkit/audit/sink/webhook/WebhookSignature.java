package dev.ciamkit.audit.sink.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's request signature. Each POST carries
 *
 * <pre>
 * X-CiamKit-Timestamp: 1764057600
 * X-CiamKit-Signature: v1=3f1c...e9   (lower-case hex)
 * </pre>
 *
 * where the timestamp is the sender's clock in epoch seconds and the signature is HMAC-SHA256 keyed with the shared
 * secret (its UTF-8 bytes) over the timestamp header's exact text, a {@code .}, and the raw body bytes. A receiver
 * recomputes it over the bytes it received, compares in constant time, and refuses a timestamp more than the replay
 * window (default 300 s) away from its own clock, so a captured request cannot be replayed later; within the window
 * the records' sequence numbers make a replay a visible duplicate. The header may list several comma-separated
 * {@code v1=} values (a secret rotation); one match is enough. {@link #verify} is that check, for receivers and
 * tests.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-CiamKit-Timestamp";
    public static final String SIGNATURE_HEADER = "X-CiamKit-Signature";
    public static final String SCHEME = "v1=";
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(300);

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /** The {@value #SIGNATURE_HEADER} value for {@code body} sent with {@code timestamp}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * True when {@code signatureHeader} holds a {@code v1=} signature of {@code body} with {@code timestamp} under
     * {@code secret}, and the timestamp lies within {@code window} of {@code now} (either side: clocks drift).
     */
    public static boolean verify(
            String secret, String timestamp, byte[] body, String signatureHeader, Instant now, Duration window) {
        if (secret == null
                || secret.isEmpty()
                || timestamp == null
                || !timestamp.matches("[0-9]{1,12}")
                || body == null
                || signatureHeader == null) {
            return false;
        }
        long age = now.getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > window.getSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : signatureHeader.split(",")) {
            // every candidate is compared, in constant time: no early exit tells how much matched
            match |= MessageDigest.isEqual(
                    expected, candidate.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }
}
