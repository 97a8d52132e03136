package dev.ciamkit.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void a_phone_number_with_its_country_code_but_no_plus_is_masked() {
        assertThat(Masking.mask("82-10-1234-5678")).doesNotContain("1234-5678").endsWith("5678");
        assertThat(Masking.mask("call 8210 1234 5678")).doesNotContain("1234 5678");
        assertThat(Masking.mask("81 90 1234 5678")).doesNotContain("1234 5678");
    }

    @Test
    void a_number_glued_to_letters_is_still_masked() {
        assertThat(Masking.mask("tel010-1234-5678")).doesNotContain("010-1234").startsWith("tel");
        assertThat(Masking.mask("phone:01012345678x")).doesNotContain("01012345678");
        assertThat(Masking.mask("rrn9001011234567")).doesNotContain("1234567");
    }

    @Test
    void an_id_number_written_with_spaces_around_the_dash_is_masked() {
        assertThat(Masking.mask("900101 - 1234567")).isEqualTo("900101-1******");
        assertThat(Masking.mask("900101 1234567")).isEqualTo("900101-1******");
        assertThat(Masking.mask("900101–1234567")).isEqualTo("900101-1******");
    }

    @Test
    void identifiers_are_left_whole() {
        String uuid = "3f2a9c1e-0b7d-4e2a-9f1b-012345678901";
        assertThat(Masking.mask(uuid)).isEqualTo(uuid);
        assertThat(Masking.mask("/admin/realms/r/users/" + uuid + "/credentials"))
                .contains(uuid);
        assertThat(Masking.mask("203.0.113.100")).isEqualTo("203.0.113.100");
        assertThat(Masking.mask("1764057600000")).isEqualTo("1764057600000");
    }
}
