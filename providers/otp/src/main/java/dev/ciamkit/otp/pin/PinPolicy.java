package dev.ciamkit.otp.pin;

import dev.ciamkit.otp.engine.OtpVerifier;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which PINs a user may choose: exactly {@code length} ASCII digits after the same normalisation as a typed OTP code
 * (full-width digits and spaces from Japanese and Korean input methods fold to ASCII), not a run (1234, 4321, 7890),
 * not a repeat (1111, 1212, 123123), not the user's birth date in a form that fits the length, and not on the
 * server's blocklist. Pure: the caller gives the blocklist and the birth date.
 */
public final class PinPolicy {

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 8;
    public static final int DEFAULT_LENGTH = 6;

    /** What the policy says about a PIN; each refusal has its own message key (ko/ja/en). */
    public enum Verdict {
        ACCEPTED(null),
        NOT_DIGITS("ciamkitPinNotDigits"),
        WRONG_LENGTH("ciamkitPinWrongLength"),
        RUN("ciamkitPinRun"),
        REPEAT("ciamkitPinRepeat"),
        BIRTH_DATE("ciamkitPinBirthDate"),
        BLOCKLISTED("ciamkitPinBlocklisted");

        private final String message;

        Verdict(String message) {
            this.message = message;
        }

        /** The message key, null for {@link #ACCEPTED}. */
        public String message() {
            return message;
        }
    }

    private final int length;
    private final Set<String> blocklist;

    public PinPolicy(int length, Set<String> blocklist) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("PIN length must be from 4 to 8, not " + length);
        }
        this.length = length;
        this.blocklist = Set.copyOf(blocklist);
    }

    public int length() {
        return length;
    }

    /** A PIN as typed, normalised as OTP codes are (NFKC, spaces removed); null when nothing is left. */
    public static String typed(String value) {
        return OtpVerifier.typedCode(value);
    }

    /** @param pin normalised by {@link #typed}; @param birthDate the user's profile value, or null */
    public Verdict check(String pin, String birthDate) {
        if (pin == null || !digitsOnly(pin)) {
            return Verdict.NOT_DIGITS;
        }
        if (pin.length() != length) {
            return Verdict.WRONG_LENGTH;
        }
        if (run(pin)) {
            return Verdict.RUN;
        }
        if (repeat(pin)) {
            return Verdict.REPEAT;
        }
        if (birthDateForms(birthDate).contains(pin)) {
            return Verdict.BIRTH_DATE;
        }
        return blocklist.contains(pin) ? Verdict.BLOCKLISTED : Verdict.ACCEPTED;
    }

    /** ASCII digits only: other scripts' digits that NFKC does not fold are refused, never compared. */
    public static boolean digitsOnly(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Every digit one more than the one before, or every digit one less, around the keypad (7890, 2109). */
    static boolean run(String pin) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < pin.length(); i++) {
            int step = Math.floorMod(pin.charAt(i) - pin.charAt(i - 1), 10);
            up &= step == 1;
            down &= step == 9;
        }
        return up || down;
    }

    /** A block of at most half the PIN repeated: 1111, 1212, 12121, 123123. */
    static boolean repeat(String pin) {
        for (int period = 1; period <= pin.length() / 2; period++) {
            boolean periodic = true;
            for (int i = period; i < pin.length() && periodic; i++) {
                periodic = pin.charAt(i) == pin.charAt(i - period);
            }
            if (periodic) {
                return true;
            }
        }
        return false;
    }

    /**
     * The forms of a birth date people type as a PIN. The profile holds it as {@code YYYY-MM-DD} (OIDC's
     * {@code birthdate}), or with {@code /}, {@code .} or nothing between the parts; anything else gives no form.
     */
    static Set<String> birthDateForms(String birthDate) {
        if (birthDate == null) {
            return Set.of();
        }
        String digits = birthDate.strip().replaceAll("[-/.]", "");
        if (digits.length() != 8 || !digitsOnly(digits)) {
            return Set.of();
        }
        String yyyy = digits.substring(0, 4);
        String yy = digits.substring(2, 4);
        String mm = digits.substring(4, 6);
        String dd = digits.substring(6, 8);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(yyyy + mm + dd);
        forms.add(dd + mm + yyyy);
        forms.add(mm + dd + yyyy);
        forms.add(yy + mm + dd);
        forms.add(dd + mm + yy);
        forms.add(mm + dd + yy);
        forms.add(mm + dd);
        forms.add(dd + mm);
        forms.add(yyyy);
        return forms;
    }
}
