package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.step.EkycProgress.Person;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.utils.FormMessage;

/**
 * The names the user confirmed or corrected on the confirm page. Only a misread character may be corrected: the name
 * as a whole (family and given name joined) may differ from what OCR read by one character at most, and the split
 * between family and given name may move. Birth date, ID number and issue date are the ones read from the ID and cannot
 * be typed: otherwise a user could show their own card (which their selfie matches) and type someone else's details,
 * which the issuing authority would confirm. A card OCR misread is photographed again.
 */
final class ConfirmedFields {

    private static final int MAX_NAME = 50;

    private ConfirmedFields() {}

    static Optional<Person> read(FormInput input, Person read) {
        if (!problems(input, read).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Person(
                read.type(),
                name(input, EkycPages.FIELD_FAMILY_NAME).orElseThrow(),
                name(input, EkycPages.FIELD_GIVEN_NAME).orElse(""),
                read.birthDate(),
                read.idNumber(),
                read.issueDate(),
                read.expiryDate()));
    }

    static List<FormMessage> problems(FormInput input, Person read) {
        List<FormMessage> problems = new ArrayList<>();
        Optional<String> family = name(input, EkycPages.FIELD_FAMILY_NAME);
        Optional<String> given = name(input, EkycPages.FIELD_GIVEN_NAME);
        if (family.isEmpty()) {
            problems.add(new FormMessage(EkycPages.FIELD_FAMILY_NAME, "ciamkitEkycNameInvalid"));
        }
        if (given.isEmpty() && !read.givenName().isEmpty()) {
            problems.add(new FormMessage(EkycPages.FIELD_GIVEN_NAME, "ciamkitEkycNameInvalid"));
        }
        if (problems.isEmpty()) {
            String typed = compact(family.get() + given.orElse(""));
            String ocr = compact(read.familyName() + read.givenName());
            if (distance(typed, ocr) > 1) {
                problems.add(new FormMessage(EkycPages.FIELD_FAMILY_NAME, "ciamkitEkycNameTooDifferent"));
            }
        }
        return problems;
    }

    /** A name as typed, NFC; empty when missing, too long, or carrying markup, control or invisible characters. */
    private static Optional<String> name(FormInput input, String field) {
        return input.text(field)
                .map(value -> Normalizer.normalize(value, Normalizer.Form.NFC))
                .filter(value -> value.length() <= MAX_NAME)
                .filter(value -> value.codePoints().noneMatch(ConfirmedFields::refused));
    }

    private static boolean refused(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c)
                || type == Character.FORMAT
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED
                || "<>\"'&".indexOf(c) >= 0;
    }

    private static String compact(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("\\s+", "");
    }

    /** Levenshtein distance over code points (names are short). */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
