package dev.ciamkit.it.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

/**
 * What an authenticator app does with a scanned {@code otpauth://} URI, written independently of our engine so the
 * tests check it rather than repeat it. Never hands out a code for a time step it already used, as a careful user
 * would wait for the next code.
 */
public final class AuthenticatorApp {

    private final URI uri;
    private final byte[] seed;
    private final String algorithm;
    private final int digits;
    private final int period;
    private long lastStep = -1;

    private AuthenticatorApp(URI uri) {
        this.uri = uri;
        Map<String, String> params = params(uri);
        this.seed = base32(params.get("secret"));
        this.algorithm = "Hmac" + params.getOrDefault("algorithm", "SHA1");
        this.digits = Integer.parseInt(params.getOrDefault("digits", "6"));
        this.period = Integer.parseInt(params.getOrDefault("period", "30"));
    }

    public static AuthenticatorApp fromUri(String otpauth) {
        return new AuthenticatorApp(URI.create(otpauth));
    }

    /** Scans a QR code given as a {@code data:image/png;base64,...} URI. */
    public static AuthenticatorApp scan(String dataUri) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.PURE_BARCODE, true, DecodeHintType.TRY_HARDER, true);
        return fromUri(new MultiFormatReader().decode(bitmap, hints).getText());
    }

    private int lookAhead = 1;

    /** How close to the end of a step no code is handed out. */
    private static final long EDGE_MILLIS = 3_000;

    public URI uri() {
        return uri;
    }

    public Map<String, String> parameters() {
        return params(uri);
    }

    /**
     * Lets {@link #nextCode()} hand out codes up to this many steps ahead without waiting, for a server whose
     * look-around window is that wide (default 1, the shipped window).
     */
    public synchronized AuthenticatorApp lookingAhead(int steps) {
        lookAhead = steps;
        return this;
    }

    /** The code for the current step, or the next unused one (waiting for it if it is not yet in the window). */
    public synchronized String nextCode() throws InterruptedException {
        awayFromStepEdge();
        long step = Math.max(currentStep(), lastStep + 1);
        while (step > currentStep() + lookAhead) {
            Thread.sleep(500);
        }
        lastStep = step;
        return code(step);
    }

    /** The time step of the last code {@link #nextCode()} handed out; -1 before the first. */
    public synchronized long lastStep() {
        return lastStep;
    }

    /** A code that will not be accepted: the one from far in the past. */
    public String wrongCode() {
        String right = code(currentStep());
        String wrong = code(1);
        return wrong.equals(right) ? code(2) : wrong;
    }

    /** The code an event-based (HOTP) app shows at this counter value. */
    public String hotp(long counter) {
        return code(counter);
    }

    /**
     * Never hands out a code in the last seconds of its step: the server checks it a moment later, in the next step,
     * and learns a drift of -1 from it; a later look-ahead code (two steps from that drift) is then refused. MobileOtpIT's
     * device-lock test failed that way once in CI.
     */
    private void awayFromStepEdge() throws InterruptedException {
        long periodMillis = period * 1000L;
        long intoStep = Instant.now().toEpochMilli() % periodMillis;
        if (intoStep > periodMillis - EDGE_MILLIS) {
            Thread.sleep(periodMillis - intoStep + 50);
        }
    }

    private long currentStep() {
        return Instant.now().getEpochSecond() / period;
    }

    private String code(long step) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(seed, algorithm));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format(Locale.ROOT, "%0" + digits + "d", bin % (int) Math.pow(10, digits));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seed as the app holds it, to prove the database does not. */
    public byte[] seed() {
        return seed.clone();
    }

    private static Map<String, String> params(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
