package dev.ciamkit.ekyc.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.ekyc.spi.IdDocumentType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Nested
    class Masking {
        @Test
        void a_resident_number_keeps_birth_date_and_first_back_digit() {
            assertThat(IdNumbers.mask(IdDocumentType.RESIDENT_CARD, "900101-1234567"))
                    .isEqualTo("900101-1******");
            assertThat(IdNumbers.mask(IdDocumentType.RESIDENT_CARD, "9001011234567"))
                    .isEqualTo("900101-1******");
            assertThat(IdNumbers.mask(IdDocumentType.RESIDENT_CARD, " 900101 - 1234567 "))
                    .isEqualTo("900101-1******");
        }

        @Test
        void a_licence_keeps_its_region_code_only() {
            assertThat(IdNumbers.mask(IdDocumentType.DRIVER_LICENCE, "11-12-345678-90"))
                    .isEqualTo("11**********");
        }

        @Test
        void a_passport_keeps_its_first_two_characters() {
            assertThat(IdNumbers.mask(IdDocumentType.PASSPORT, "m12345678")).isEqualTo("M1*******");
        }

        @Test
        void a_malformed_resident_number_shows_no_more_than_two_characters() {
            assertThat(IdNumbers.mask(IdDocumentType.RESIDENT_CARD, "900101-123456"))
                    .isEqualTo("90**********");
        }

        @Test
        void a_very_short_value_shows_at_most_half_of_itself() {
            assertThat(IdNumbers.mask(IdDocumentType.PASSPORT, "AB")).isEqualTo("A*");
            assertThat(IdNumbers.mask(IdDocumentType.PASSPORT, "A")).isEqualTo("*");
            assertThat(IdNumbers.mask(IdDocumentType.PASSPORT, "")).isEmpty();
        }
    }

    @Nested
    class Hashing {
        @Test
        void printed_and_typed_forms_of_one_number_hash_alike() {
            assertThat(IdNumbers.hashInput(IdDocumentType.RESIDENT_CARD, "900101-1234567"))
                    .isEqualTo(IdNumbers.hashInput(IdDocumentType.RESIDENT_CARD, "9001011234567"));
        }

        @Test
        void the_same_digits_on_two_document_types_do_not_collide() {
            assertThat(IdNumbers.hashInput(IdDocumentType.PASSPORT, "M12345678"))
                    .isNotEqualTo(IdNumbers.hashInput(IdDocumentType.DRIVER_LICENCE, "M12345678"));
        }

        @Test
        void equal_numbers_give_equal_hashes_under_the_pepper_and_never_the_number_itself() {
            dev.ciamkit.common.crypto.spi.EnvelopeProvider keys = TestEnvelope.create();
            String a = keys.hashIdentifier(
                    IdNumbers.HASH_PURPOSE, IdNumbers.hashInput(IdDocumentType.RESIDENT_CARD, "900101-1234567"));
            String b = keys.hashIdentifier(
                    IdNumbers.HASH_PURPOSE, IdNumbers.hashInput(IdDocumentType.RESIDENT_CARD, "9001011234567"));
            assertThat(a).isEqualTo(b).doesNotContain("900101").startsWith("h1.p1.");
        }
    }
}
