package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.spi.IdFields;
import dev.ciamkit.ekyc.vault.EkycMethod;
import dev.ciamkit.ekyc.vault.MethodResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Where one verification stands within a login, kept sealed in the authentication session between pages (so it is
 * gone with the login: a verification that does not complete leaves no record). Plain values so Jackson writes it.
 */
record EkycProgress(
        Stage stage,
        long startedAt,
        Person person,
        boolean personChecked,
        List<Passed> passed,
        List<EkycMethod> lost,
        int faceFailures,
        String transferId,
        int idChecks) {

    /** Authenticity calls one verification may make (a check that did not answer may be retried, not forever). */
    static final int MAX_ID_CHECKS = 3;

    enum Stage {
        /** Capture the ID document. */
        ID,
        /** Confirm the fields read from it, with a selfie where the policy allows the face match. */
        CONFIRM,
        /** Name the account for the 1-won transfer. */
        ACCOUNT,
        /** Type the code from the deposit memo. */
        CODE
    }

    /** The ID fields, as read and then as the user confirmed them; dates as ISO strings. */
    record Person(
            IdDocumentType type,
            String familyName,
            String givenName,
            String birthDate,
            String idNumber,
            String issueDate,
            String expiryDate) {

        static Person of(IdFields fields) {
            Names names = Names.split(fields.name());
            return new Person(
                    fields.type(),
                    names.family(),
                    names.given(),
                    fields.birthDate().toString(),
                    fields.idNumber(),
                    fields.issueDate() == null ? null : fields.issueDate().toString(),
                    fields.expiryDate() == null ? null : fields.expiryDate().toString());
        }

        IdFields fields() {
            return new IdFields(
                    type,
                    Names.join(familyName, givenName),
                    LocalDate.parse(birthDate),
                    idNumber,
                    issueDate == null ? null : LocalDate.parse(issueDate),
                    expiryDate == null ? null : LocalDate.parse(expiryDate));
        }

        @Override
        public String toString() {
            return "Person[" + type + ", (withheld)]";
        }
    }

    record Passed(EkycMethod method, String vendorReference, Double score, long at) {
        MethodResult result() {
            return new MethodResult(
                    method,
                    Optional.ofNullable(vendorReference),
                    score == null ? OptionalDouble.empty() : OptionalDouble.of(score),
                    Instant.ofEpochMilli(at));
        }
    }

    static EkycProgress start(Instant now) {
        return new EkycProgress(Stage.ID, now.toEpochMilli(), null, false, List.of(), List.of(), 0, null, 0);
    }

    Set<EkycMethod> passedMethods() {
        Set<EkycMethod> methods = EnumSet.noneOf(EkycMethod.class);
        passed.forEach(p -> methods.add(p.method()));
        return methods;
    }

    Set<EkycMethod> lostMethods() {
        return lost.isEmpty() ? EnumSet.noneOf(EkycMethod.class) : EnumSet.copyOf(lost);
    }

    EkycProgress at(Stage next) {
        return new EkycProgress(
                next, startedAt, person, personChecked, passed, lost, faceFailures, transferId, idChecks);
    }

    EkycProgress withPerson(Person read) {
        return new EkycProgress(
                Stage.CONFIRM, startedAt, read, false, passed, lost, faceFailures, transferId, idChecks);
    }

    EkycProgress withPersonChecked(Person confirmed) {
        return new EkycProgress(stage, startedAt, confirmed, true, passed, lost, faceFailures, transferId, idChecks);
    }

    EkycProgress withPassed(Passed method) {
        List<Passed> all = new ArrayList<>(passed);
        all.removeIf(p -> p.method() == method.method());
        all.add(method);
        return new EkycProgress(
                stage, startedAt, person, personChecked, List.copyOf(all), lost, faceFailures, transferId, idChecks);
    }

    EkycProgress withLost(EkycMethod method) {
        List<EkycMethod> all = new ArrayList<>(lost);
        if (!all.contains(method)) {
            all.add(method);
        }
        return new EkycProgress(
                stage, startedAt, person, personChecked, passed, List.copyOf(all), faceFailures, transferId, idChecks);
    }

    EkycProgress withFaceFailure() {
        return new EkycProgress(
                stage, startedAt, person, personChecked, passed, lost, faceFailures + 1, transferId, idChecks);
    }

    EkycProgress withIdCheck() {
        return new EkycProgress(
                stage, startedAt, person, personChecked, passed, lost, faceFailures, transferId, idChecks + 1);
    }

    EkycProgress withTransfer(String id) {
        return new EkycProgress(Stage.CODE, startedAt, person, personChecked, passed, lost, faceFailures, id, idChecks);
    }
}
