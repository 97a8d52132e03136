package dev.ciamkit.ekyc.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciamkit.ekyc.spi.IdDocumentType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SealedPersonTest {

    private final dev.ciamkit.common.crypto.spi.EnvelopeProvider keys = TestEnvelope.create();
    private final VerifiedPerson person =
            new VerifiedPerson(IdDocumentType.RESIDENT_CARD, "홍", "길동", LocalDate.of(1990, 1, 1), "900101-1234567");

    @Test
    void names_and_birth_date_open_again_for_their_own_record() {
        String sealed = SealedPerson.seal(keys, "realm", "rec-1", person);

        assertThat(sealed).startsWith("ck1.k1.").doesNotContain("홍").doesNotContain("1990");
        assertThat(SealedPerson.open(keys, "realm", "rec-1", sealed))
                .contains(new VerifiedClaims("홍", "길동", LocalDate.of(1990, 1, 1)));
    }

    @Test
    void the_id_number_is_not_in_the_sealed_blob() {
        String sealed = SealedPerson.seal(keys, "realm", "rec-1", person);
        byte[] plain = keys.open(sealed, SealedPerson.context("realm", "rec-1"));

        assertThat(new String(plain, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("1234567");
    }

    @Test
    void a_blob_copied_to_another_record_reads_as_absent() {
        String sealed = SealedPerson.seal(keys, "realm", "rec-1", person);

        assertThat(SealedPerson.open(keys, "realm", "rec-2", sealed)).isEmpty();
    }

    @Test
    void a_tampered_garbage_or_foreign_key_blob_reads_as_absent_without_an_exception() {
        String sealed = SealedPerson.seal(keys, "realm", "rec-1", person);
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("AA") ? "BB" : "AA");

        assertThat(SealedPerson.open(keys, "realm", "rec-1", tampered)).isEmpty();
        assertThat(SealedPerson.open(keys, "realm", "rec-1", "not sealed")).isEmpty();
        assertThat(SealedPerson.open(keys, "realm", "rec-1", null)).isEmpty();
        assertThat(SealedPerson.open(TestEnvelope.create(), "realm", "rec-1", sealed))
                .isEmpty();
    }

    @Test
    void names_too_long_for_the_column_are_refused_without_naming_them() {
        String longName = "김".repeat(2000);
        VerifiedPerson huge =
                new VerifiedPerson(IdDocumentType.PASSPORT, longName, "x", LocalDate.of(1990, 1, 1), "M12345678");

        assertThatThrownBy(() -> SealedPerson.seal(keys, "realm", "rec-1", huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("김");
    }
}
