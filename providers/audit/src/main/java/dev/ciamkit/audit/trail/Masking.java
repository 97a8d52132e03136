package dev.ciamkit.audit.trail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a record may hold of a value: secrets never (by the name of the field they come in), e-mail addresses, phone
 * numbers and resident registration / ID numbers masked wherever they appear. A reviewer still sees whose record it
 * is (user id, masked address) and from where (the client address is kept).
 */
public final class Masking {

    /** Field names whose values are secrets: codes, PINs, seeds, tokens, passwords, cookies, signatures. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(code|pin|secret|seed|token|passw|otp|cookie|signature|nonce|assertion|credential_data|hash|key).*");

    /** Names that match the above but hold identifiers a reviewer needs, never a secret. */
    private static final java.util.Set<String> SAFE_NAMES = java.util.Set.of(
            "code_id",
            "token_id",
            "refresh_token_id",
            "refresh_token_type",
            "credential_type",
            "token_type",
            "response_type",
            "grant_type",
            "response_mode");

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])([\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]*+@([\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,})");
    /** Korean resident registration / alien registration numbers: YYMMDD-GNNNNNN, with or without the dash. */
    private static final Pattern RRN = Pattern.compile("(?<!\\d)(\\d{6})[- ]?([1-8])\\d{6}(?!\\d)");
    /** A phone number: 9 to 15 digits, optional +, spaces, dots, dashes or parentheses between. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w])\\+?\\d[\\d .()-]{7,}\\d(?![\\w])");

    private Masking() {}

    /** True when a field of this name must never reach a record. */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return !SAFE_NAMES.contains(lower) && SECRET_NAME.matcher(lower).matches();
    }

    /** Longest input masked; callers cut longer values first (the patterns are linear only per match start). */
    public static final int MAX_INPUT = 1024;

    /** The value with every e-mail address, ID number and phone number in it masked. */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.length() > MAX_INPUT) {
            value = value.substring(0, MAX_INPUT);
        }
        String out = replace(EMAIL, value, m -> m.group(1) + "***@" + m.group(2));
        out = replace(RRN, out, m -> m.group(1) + "-" + m.group(2) + "******");
        out = replace(PHONE, out, m -> maskPhone(m.group()));
        return out;
    }

    private static String maskPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 9 || digits.length() > 15) {
            return phone;
        }
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    private static String replace(Pattern pattern, String value, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
