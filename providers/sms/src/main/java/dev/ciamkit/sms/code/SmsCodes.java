package dev.ciamkit.sms.code;

import java.security.SecureRandom;
import java.text.Normalizer;

/** One-time codes for SMS: uniformly random digits from {@link SecureRandom}, leading zeros kept. */
public final class SmsCodes {

    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 8;

    private final SecureRandom random;

    public SmsCodes(SecureRandom random) {
        this.random = random;
    }

    public String next(int digits) {
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("an SMS code has 6 to 8 digits");
        }
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /**
     * What the user typed, as ASCII digits: NFKC turns full-width digits (a Korean or Japanese keyboard in full-width
     * mode) into ASCII; spaces and hyphens are dropped; anything else, or more than 32 characters, gives null.
     */
    public static String typed(String input) {
        if (input == null || input.length() > 32) {
            return null;
        }
        String normalized = Normalizer.normalize(input, Normalizer.Form.NFKC);
        StringBuilder digits = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-') {
                return null;
            }
        }
        return digits.isEmpty() ? null : digits.toString();
    }
}
