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
    /**
     * Korean resident registration / alien registration numbers: YYMMDD-GNNNNNN, with or without the dash (any dash,
     * spaces around it), glued to letters or not.
     */
    private static final Pattern RRN = Pattern.compile("(?<!\\d)(\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))"
            + "(?: {0,3}[-\u2010-\u2015\u2212] {0,3}| {1,3})?([1-8])\\d{6}(?!\\d)");
    /**
     * A phone number: international ({@code +82 10-...}, or Korea's and Japan's country code without the +:
     * {@code 82-10-...}, {@code 81 90 ...}) or national with its leading 0 ({@code 010-1234-5678}, {@code 090 1234 5678}),
     * 9 to 15 digits with spaces, dots, dashes or parentheses between, glued to letters or not. Epoch times and other
     * numbers without +, 81/82 or a leading 0 are left alone, and so are IPv4 addresses and UUIDs.
     */
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\d.+])(?:\\+\\d|0\\d|8[12][ .-]?\\d)[\\d .()-]{6,}\\d(?!\\d)");

    /** Identifiers (Keycloak's ids are UUIDs): never masked, whatever digits they hold. */
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    private Masking() {}

    /** Field names whose values are personal data not needed to review a record: kept as a first letter. */
    private static final java.util.Set<String> PERSONAL_NAMES = java.util.Set.of(
            "first_name", "last_name", "firstname", "lastname", "x509_cert_subject_distinguished_name");

    /** How a value of a personal field is recorded ({@code J***}), or null for a field that is not personal. */
    public static String personal(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("previous_") || lower.startsWith("updated_")) {
            // Keycloak's profile-change details carry any attribute's old and new value
            return "[changed]";
        }
        if (PERSONAL_NAMES.contains(lower)) {
            return initial(value);
        }
        return null;
    }

    /** The first character and {@code ***}: enough to tell two values apart by eye, not to read them. */
    public static String initial(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return value.substring(0, Character.charCount(value.codePointAt(0))) + "***";
    }

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
        // the parts between UUIDs are masked, the UUIDs kept as they are
        Matcher ids = UUID.matcher(value);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (ids.find()) {
            out.append(maskText(value.substring(from, ids.start()))).append(ids.group());
            from = ids.end();
        }
        return out.append(maskText(value.substring(from))).toString();
    }

    private static String maskText(String value) {
        if (value.isEmpty()) {
            return value;
        }
        String out = replace(EMAIL, value, m -> m.group(1) + "***@" + m.group(2));
        out = replace(RRN, out, m -> m.group(1) + "-" + m.group(2) + "******");
        out = replace(PHONE, out, m -> maskPhone(m.group()));
        return out;
    }

    private static String maskPhone(String phone) {
        if (IPV4.matcher(phone.strip()).matches()) {
            return phone;
        }
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
