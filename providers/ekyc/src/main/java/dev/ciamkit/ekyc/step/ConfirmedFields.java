package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.step.EkycProgress.Person;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.utils.FormMessage;

/**
 * The fields the user confirmed or corrected on the confirm page. Names and birth date are required; the ID number
 * and issue date are kept as read unless the user typed new ones (the page shows the number masked).
 */
final class ConfirmedFields {

    private static final int MAX_NAME = 50;

    private ConfirmedFields() {}

    static Optional<Person> read(FormInput input, Person read) {
        if (!problems(input).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Person(
                read.type(),
                input.text(EkycPages.FIELD_FAMILY_NAME).orElseThrow(),
                input.text(EkycPages.FIELD_GIVEN_NAME).orElseThrow(),
                date(input.text(EkycPages.FIELD_BIRTH_DATE).orElseThrow())
                        .orElseThrow()
                        .toString(),
                input.text(EkycPages.FIELD_ID_NUMBER).orElse(read.idNumber()),
                input.text(EkycPages.FIELD_ISSUE_DATE)
                        .flatMap(ConfirmedFields::date)
                        .map(LocalDate::toString)
                        .orElse(read.issueDate()),
                read.expiryDate()));
    }

    static List<FormMessage> problems(FormInput input) {
        List<FormMessage> problems = new ArrayList<>();
        name(input, EkycPages.FIELD_FAMILY_NAME, problems);
        name(input, EkycPages.FIELD_GIVEN_NAME, problems);
        if (input.text(EkycPages.FIELD_BIRTH_DATE)
                .flatMap(ConfirmedFields::date)
                .isEmpty()) {
            problems.add(new FormMessage(EkycPages.FIELD_BIRTH_DATE, "ciamkitEkycDateInvalid"));
        }
        Optional<String> issue = input.text(EkycPages.FIELD_ISSUE_DATE);
        if (issue.isPresent() && date(issue.get()).isEmpty()) {
            problems.add(new FormMessage(EkycPages.FIELD_ISSUE_DATE, "ciamkitEkycDateInvalid"));
        }
        Optional<String> number = input.text(EkycPages.FIELD_ID_NUMBER);
        if (number.isPresent() && !number.get().matches("[0-9A-Za-z -]{6,20}")) {
            problems.add(new FormMessage(EkycPages.FIELD_ID_NUMBER, "ciamkitEkycIdNumberInvalid"));
        }
        return problems;
    }

    private static void name(FormInput input, String field, List<FormMessage> problems) {
        Optional<String> value = input.text(field);
        if (value.isEmpty()
                || value.get().length() > MAX_NAME
                || value.get().codePoints().anyMatch(c -> Character.isISOControl(c) || "<>\"'&".indexOf(c) >= 0)) {
            problems.add(new FormMessage(field, "ciamkitEkycNameInvalid"));
        }
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
