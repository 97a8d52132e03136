package dev.ciamkit.ekyc.vault;

import dev.ciamkit.ekyc.spi.IdDocumentType;
import java.util.Locale;

/**
 * What the vault keeps of an ID number: a normalised form that is only ever hashed, and a masked form for people.
 *
 * <p>Masking rule. Resident registration number (13 digits, printed {@code 900101-1234567}): the birth date and the
 * first digit of the back half stay, the rest is masked, {@code 900101-1******}, as Korean services show it. Driver's
 * licence and passport: the first two characters stay (the licence's region code; the passport's type letter and one
 * more), every other character is masked, separators dropped: {@code 11**********}, {@code M1*******}. A value that
 * does not have its type's shape (say a resident number of 12 digits) is masked by the licence/passport rule, so a
 * malformed value never shows more.
 */
public final class IdNumbers {

    /** The {@code IdentifierHasher} purpose of ID numbers; the hashed value also names the document type. */
    public static final String HASH_PURPOSE = "ekyc-id-number";

    private static final int KEPT = 2;

    private IdNumbers() {}

    /** Upper-case letters and digits only: {@code 900101-1234567} and {@code 9001011234567} are one number. */
    public static String normalise(String raw) {
        StringBuilder out = new StringBuilder(raw == null ? 0 : raw.length());
        if (raw != null) {
            raw.toUpperCase(Locale.ROOT)
                    .codePoints()
                    .filter(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
                    .forEach(out::appendCodePoint);
        }
        return out.toString();
    }

    /** What is hashed: the document type and the normalised number, so a licence and a passport never collide. */
    public static String hashInput(IdDocumentType type, String raw) {
        return type.wire() + ':' + normalise(raw);
    }

    public static String mask(IdDocumentType type, String raw) {
        String value = normalise(raw);
        if (type == IdDocumentType.RESIDENT_CARD
                && value.length() == 13
                && value.chars().allMatch(Character::isDigit)) {
            return value.substring(0, 6) + '-' + value.charAt(6) + "******";
        }
        int kept = Math.min(KEPT, value.length() / 2);
        return value.substring(0, kept) + "*".repeat(value.length() - kept);
    }
}
