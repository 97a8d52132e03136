package dev.ciamkit.ekyc.step;

/**
 * An ID number as a page may show it: a resident registration number keeps its birth date and the digit after the
 * hyphen ({@code 900101-1******}), any other number its first two characters.
 */
final class MaskedId {

    private MaskedId() {}

    static String of(String idNumber) {
        String value = idNumber.strip();
        if (value.matches("\\d{6}-?\\d{7}")) {
            String digits = value.replace("-", "");
            return digits.substring(0, 6) + "-" + digits.charAt(6) + "******";
        }
        int keep = Math.min(2, value.length());
        return value.substring(0, keep) + "*".repeat(Math.max(0, value.length() - keep));
    }
}
