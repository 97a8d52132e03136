package dev.ciamkit.ekyc.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.ekyc.vault.EkycMethod;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

class EkycCredentialModelTest {

    private static final Instant AT = Instant.parse("2026-11-25T23:30:00Z");

    @Test
    void the_label_names_the_utc_date_and_the_methods() {
        assertThat(EkycCredentialLabel.of(AT, List.of(EkycMethod.ID_DOCUMENT, EkycMethod.FACE_MATCH)))
                .isEqualTo("eKYC 2026-11-25 \u00b7 id, face");
        assertThat(EkycCredentialLabel.of(AT, List.of(EkycMethod.ID_DOCUMENT, EkycMethod.BANK_ACCOUNT)))
                .isEqualTo("eKYC 2026-11-25 \u00b7 id, account");
    }

    @Test
    void its_data_reads_back_and_holds_no_secret() {
        EkycCredentialModel created =
                EkycCredentialModel.create("rec-1", List.of(EkycMethod.ID_DOCUMENT, EkycMethod.FACE_MATCH), AT);
        created.setId("cred-1");

        EkycCredentialModel read = EkycCredentialModel.read(created).orElseThrow();
        assertThat(read.data()).isEqualTo(new EkycCredentialData("rec-1", List.of("id", "face"), AT.toEpochMilli()));
        assertThat(read.getSecretData()).isEqualTo("{}");
        assertThat(read.getType()).isEqualTo("ciamkit-ekyc");
    }

    @Test
    void another_type_or_garbage_data_reads_as_absent() {
        CredentialModel otp = new CredentialModel();
        otp.setType("otp");
        CredentialModel garbage = new CredentialModel();
        garbage.setType(EkycCredentialModel.TYPE);
        garbage.setCredentialData("{not json");

        assertThat(EkycCredentialModel.read(otp)).isEmpty();
        assertThat(EkycCredentialModel.read(garbage)).isEmpty();
        assertThat(EkycCredentialModel.read(null)).isEmpty();
    }
}
