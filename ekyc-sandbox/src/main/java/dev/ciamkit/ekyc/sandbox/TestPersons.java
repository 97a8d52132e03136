package dev.ciamkit.ekyc.sandbox;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's test people: what their test ID images show (OCR answers with these fields) and what the issuing
 * authority's register says of them (authenticity). Every value is made up; the ID numbers only look like Korean ones.
 * The module README lists the same table.
 */
final class TestPersons {

    /** What the issuing authority says of a person's ID. */
    enum Standing {
        /** On the register, valid: authenticity passes when the details match. */
        GENUINE,
        /** Not on the register: the card was made up (authenticity fails with {@code id_forged}). */
        FORGED,
        /** Reported lost or stolen (authenticity fails with {@code id_revoked}). */
        REVOKED,
        /** Past its expiry date (authenticity fails with {@code id_expired}). */
        EXPIRED
    }

    record Person(
            String key,
            DocumentType type,
            String name,
            LocalDate birthDate,
            String idNumber,
            LocalDate issueDate,
            LocalDate expiryDate,
            Standing standing) {}

    static final List<Person> ALL = List.of(
            new Person(
                    "hong",
                    DocumentType.RESIDENT_CARD,
                    "홍길동",
                    LocalDate.of(1990, 1, 1),
                    "900101-1234567",
                    LocalDate.of(2020, 3, 15),
                    null,
                    Standing.GENUINE),
            new Person(
                    "kim",
                    DocumentType.RESIDENT_CARD,
                    "김영희",
                    LocalDate.of(1985, 12, 24),
                    "851224-2345678",
                    LocalDate.of(2019, 7, 1),
                    null,
                    Standing.GENUINE),
            new Person(
                    "lee",
                    DocumentType.DRIVER_LICENCE,
                    "이철수",
                    LocalDate.of(1992, 5, 5),
                    "11-92-123456-70",
                    LocalDate.of(2021, 6, 30),
                    LocalDate.of(2031, 12, 31),
                    Standing.GENUINE),
            new Person(
                    "park",
                    DocumentType.PASSPORT,
                    "박민수",
                    LocalDate.of(1988, 8, 8),
                    "M12345678",
                    LocalDate.of(2021, 1, 10),
                    LocalDate.of(2031, 1, 10),
                    Standing.GENUINE),
            new Person(
                    "forged",
                    DocumentType.RESIDENT_CARD,
                    "최위조",
                    LocalDate.of(1980, 1, 1),
                    "800101-1000001",
                    LocalDate.of(2018, 2, 2),
                    null,
                    Standing.FORGED),
            new Person(
                    "revoked",
                    DocumentType.RESIDENT_CARD,
                    "정분실",
                    LocalDate.of(1977, 7, 7),
                    "770707-2000002",
                    LocalDate.of(2015, 5, 5),
                    null,
                    Standing.REVOKED),
            new Person(
                    "expired",
                    DocumentType.PASSPORT,
                    "강만료",
                    LocalDate.of(1970, 10, 10),
                    "M00000001",
                    LocalDate.of(2009, 3, 1),
                    LocalDate.of(2019, 3, 1),
                    Standing.EXPIRED));

    private TestPersons() {}

    static Optional<Person> byKey(String key) {
        return ALL.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** By ID number, spaces and hyphens ignored, case-insensitive. */
    static Optional<Person> byIdNumber(String idNumber) {
        String wanted = normalized(idNumber);
        return ALL.stream().filter(p -> normalized(p.idNumber()).equals(wanted)).findFirst();
    }

    static String normalized(String idNumber) {
        return idNumber == null ? "" : idNumber.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
