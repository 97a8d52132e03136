package dev.ciamkit.sms.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads what a user typed as a phone number with libphonenumber: E.164 for storage and sending, and the masked national
 * form ({@code 010-****-5678}) that pages and the account console show.
 */
public final class PhoneNumbers {

    /** Longer input is refused before parsing: no phone number needs more. */
    static final int MAX_INPUT_LENGTH = 40;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /**
     * A number that can receive SMS (mobile, or a type the region does not tell apart from mobile), in E.164; empty for
     * anything else, including fixed lines, short codes and text that is no number.
     *
     * @param defaultRegion ISO 3166 code used when the input has no {@code +country} prefix, e.g. {@code KR}
     */
    public static Optional<String> toE164(String input, String defaultRegion) {
        if (input == null || input.isBlank() || input.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(input.strip(), region(defaultRegion));
            if (!UTIL.isValidNumber(number) || !canReceiveSms(UTIL.getNumberType(number))) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The number as its owner writes it at home, with every digit but the first group and the last four hidden:
     * {@code +821012345678} → {@code 010-****-5678}. A number from another country keeps its {@code +country} prefix.
     *
     * @param e164 a value from {@link #toE164}
     * @param homeRegion the realm's default region: its numbers are shown in national form
     */
    public static String masked(String e164, String homeRegion) {
        PhoneNumber number;
        try {
            number = UTIL.parse(e164, region(homeRegion));
        } catch (NumberParseException e) {
            return "****";
        }
        boolean home = region(homeRegion).equals(UTIL.getRegionCodeForNumber(number));
        String formatted = UTIL.format(number, home ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        return mask(formatted);
    }

    /** Hides the digits between the first group and the last four; separators stay. */
    static String mask(String formatted) {
        int totalDigits = (int) formatted.chars().filter(Character::isDigit).count();
        int firstGroupEnd = firstGroupEnd(formatted);
        int seen = 0;
        StringBuilder out = new StringBuilder(formatted.length());
        for (int i = 0; i < formatted.length(); i++) {
            char c = formatted.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                boolean keep = i < firstGroupEnd || seen > totalDigits - 4;
                out.append(keep ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Index just after the first run of digits that is not the {@code +country} code. */
    private static int firstGroupEnd(String formatted) {
        int i = 0;
        if (formatted.startsWith("+")) {
            // the country code
            i = 1;
            while (i < formatted.length() && Character.isDigit(formatted.charAt(i))) {
                i++;
            }
            while (i < formatted.length() && !Character.isDigit(formatted.charAt(i))) {
                i++;
            }
        }
        while (i < formatted.length() && Character.isDigit(formatted.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The ISO 3166 region of an E.164 number, e.g. {@code KR}; {@code ZZ} when unknown. */
    public static String regionOf(String e164) {
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
            return region == null ? "ZZ" : region;
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }

    static String region(String region) {
        return region == null || region.isBlank() ? "KR" : region.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean canReceiveSms(PhoneNumberType type) {
        return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
    }
}
