package dev.ciamkit.ekyc.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.ekyc.credential.EkycCredentialModel;
import dev.ciamkit.ekyc.spi.EkycImage;
import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.vault.jpa.EkycEvidenceEntity;
import dev.ciamkit.ekyc.vault.jpa.EkycRecordEntity;
import dev.ciamkit.ekyc.vault.jpa.VaultStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.mockito.ArgumentCaptor;

class JpaEkycVaultTest {

    private static final Instant DONE = Instant.parse("2026-11-25T10:00:00Z");
    private static final byte[] SELFIE = "selfie-bytes-0123456789".getBytes(StandardCharsets.US_ASCII);

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final EntityManager em = mock(EntityManager.class);
    private final dev.ciamkit.common.crypto.spi.EnvelopeProvider keys = TestEnvelope.create();
    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel user = mock(UserModel.class);
    private final SubjectCredentialManager credentials = mock(SubjectCredentialManager.class);

    @SuppressWarnings("unchecked")
    private final TypedQuery<Object[]> sameNumber = mock(TypedQuery.class, RETURNS_SELF);

    @SuppressWarnings("unchecked")
    private final TypedQuery<EkycRecordEntity> others = mock(TypedQuery.class, RETURNS_SELF);

    private final KeycloakTransactionManager transactions = mock(KeycloakTransactionManager.class);
    private final JpaEkycVault vault = new JpaEkycVault(session);

    @BeforeEach
    void wire() {
        JpaConnectionProvider jpa = mock(JpaConnectionProvider.class);
        given(session.getProvider(JpaConnectionProvider.class)).willReturn(jpa);
        given(jpa.getEntityManager()).willReturn(em);
        given(session.getProvider(EnvelopeProvider.class)).willReturn(keys);
        given(realm.getId()).willReturn("realm-1");
        given(user.getId()).willReturn("user-1");
        given(user.credentialManager()).willReturn(credentials);
        given(session.getTransactionManager()).willReturn(transactions);
        given(em.createQuery(contains("r.idHash in"), eq(Object[].class))).willReturn(sameNumber);
        given(em.createQuery(contains("r.status = :status"), eq(EkycRecordEntity.class)))
                .willReturn(others);
        given(em.createQuery(anyString())).willReturn(mock(Query.class, RETURNS_SELF));
    }

    private CompletedVerification done(boolean keepSelfie) {
        return new CompletedVerification(
                List.of(
                        new MethodResult(EkycMethod.ID_DOCUMENT, Optional.of("ocr-77"), OptionalDouble.empty(), DONE),
                        new MethodResult(EkycMethod.FACE_MATCH, Optional.of("face-88"), OptionalDouble.of(0.97), DONE)),
                new VerifiedPerson(IdDocumentType.RESIDENT_CARD, "홍", "길동", LocalDate.of(1990, 1, 1), "900101-1234567"),
                DONE.minusSeconds(30),
                DONE,
                Optional.empty(),
                keepSelfie ? Optional.of(new EkycImage(SELFIE, "image/jpeg")) : Optional.empty());
    }

    private EkycRecordEntity stored(String id, String userId, String credentialId) {
        EkycRecordEntity r = new EkycRecordEntity();
        r.setId(id);
        r.setRealmId("realm-1");
        r.setUserId(userId);
        r.setStatus(EkycRecordEntity.VERIFIED);
        r.setMethods("id,face");
        r.setDocumentType("RESIDENT_CARD");
        r.setIdMasked("900101-1******");
        r.setVerifiedAt(DONE.toEpochMilli());
        r.setValidUntil(DONE.plusSeconds(3600).toEpochMilli());
        r.setCredentialId(credentialId);
        return r;
    }

    @Nested
    class Recording {
        private final ArgumentCaptor<Object> persisted = ArgumentCaptor.forClass(Object.class);

        @BeforeEach
        void credentialStore() {
            CredentialModel created = new CredentialModel();
            created.setId("cred-new");
            given(credentials.getStoredCredentialsByTypeStream(EkycCredentialModel.TYPE))
                    .willReturn(Stream.empty());
            given(credentials.createStoredCredential(any())).willReturn(created);
        }

        @Test
        void stores_the_id_number_only_hashed_and_masked_and_the_names_sealed() {
            Verification v = vault.record(realm, user, done(false), Duration.ofDays(365));

            verify(em, atLeastOnce()).persist(persisted.capture());
            EkycRecordEntity r = (EkycRecordEntity) persisted.getAllValues().get(0);
            assertThat(r.getIdHash()).startsWith("h1.p1.").doesNotContain("1234567");
            assertThat(r.getIdMasked()).isEqualTo("900101-1******");
            assertThat(r.getPersonSealed()).startsWith("ck1.").doesNotContain("홍");
            assertThat(r.getMethods()).isEqualTo("id,face");
            assertThat(r.getVendorRefs()).isEqualTo("{\"id\":\"ocr-77\",\"face\":\"face-88\"}");
            assertThat(r.getCredentialId()).isEqualTo("cred-new");
            assertThat(v.validUntil()).isEqualTo(DONE.plus(Duration.ofDays(365)));
            assertThat(v.maskedIdNumber()).isEqualTo("900101-1******");
            assertThat(v.duplicateFlagged()).isFalse();
            assertThat(vault.claims(realm, v)).isEmpty(); // nothing found by the mock: absent, no exception
        }

        @Test
        void creates_the_credential_labelled_with_date_and_methods_and_no_pii() {
            vault.record(realm, user, done(false), Duration.ofDays(365));

            ArgumentCaptor<CredentialModel> credential = ArgumentCaptor.forClass(CredentialModel.class);
            verify(credentials).createStoredCredential(credential.capture());
            assertThat(credential.getValue().getUserLabel()).isEqualTo("eKYC 2026-11-25 \u00b7 id, face");
            assertThat(credential.getValue().getCredentialData())
                    .contains("\"methods\":[\"id\",\"face\"]")
                    .doesNotContain("900101")
                    .doesNotContain("홍");
        }

        @Test
        void flags_the_new_record_when_another_user_has_a_record_of_the_number_and_changes_no_other_row() {
            given(sameNumber.getResultList())
                    .willReturn(List.of(
                            new Object[] {"rec-mine-old", "user-1", false},
                            new Object[] {"rec-other", "user-2", false}));

            Verification v = vault.record(realm, user, done(false), Duration.ofDays(365));

            assertThat(v.duplicateFlagged()).isTrue();
            String hash = keys.hashIdentifier(
                    IdNumbers.HASH_PURPOSE, IdNumbers.hashInput(IdDocumentType.RESIDENT_CARD, "900101-1234567"));
            verify(sameNumber).setParameter(eq("hashes"), argThat((java.util.Collection<?> c) -> c.contains(hash)));
            verify(em, org.mockito.Mockito.never()).createQuery(contains("set r.duplicate = true"));
            verify(transactions).enlistAfterCompletion(any());
        }

        @Test
        void the_users_own_earlier_records_of_the_number_are_no_duplicate() {
            given(sameNumber.getResultList())
                    .willReturn(List.<Object[]>of(new Object[] {"rec-mine-old", "user-1", false}));

            assertThat(vault.record(realm, user, done(false), Duration.ofDays(365))
                            .duplicateFlagged())
                    .isFalse();
        }

        @Test
        void looks_again_after_the_commit_for_a_record_of_the_number_committed_at_the_same_moment() {
            vault.record(realm, user, done(false), Duration.ofDays(365));

            verify(transactions).enlistAfterCompletion(any());
            VaultStore store = mock(VaultStore.class);
            given(store.sameNumber(eq("realm-1"), any()))
                    .willReturn(List.of(
                            new Object[] {"rec-z-other", "user-2", false},
                            new Object[] {"rec-mine", "user-1", false},
                            new Object[] {"rec-mine-old", "user-1", false},
                            new Object[] {"rec-a-other", "user-3", true}));

            JpaEkycVault.recheck(store, "realm-1", "user-1", "rec-mine", List.of("h"));

            org.mockito.InOrder order = org.mockito.Mockito.inOrder(store);
            order.verify(store).flagDuplicate("realm-1", "rec-mine");
            order.verify(store).flagDuplicate("realm-1", "rec-z-other");
            verify(store, org.mockito.Mockito.never()).flagDuplicate("realm-1", "rec-mine-old");
            verify(store, org.mockito.Mockito.never()).flagDuplicate("realm-1", "rec-a-other");
        }

        @Test
        void the_re_check_flags_nothing_when_only_the_user_has_the_number() {
            VaultStore store = mock(VaultStore.class);
            given(store.sameNumber(eq("realm-1"), any()))
                    .willReturn(List.of(
                            new Object[] {"rec-mine", "user-1", false},
                            new Object[] {"rec-mine-old", "user-1", false}));

            JpaEkycVault.recheck(store, "realm-1", "user-1", "rec-mine", List.of("h"));

            verify(store, org.mockito.Mockito.never()).flagDuplicate(anyString(), anyString());
        }

        @Test
        void a_sealing_failure_leaves_the_earlier_verification_and_the_credential_untouched() {
            EkycRecordEntity earlier = stored("rec-old", "user-1", "cred-old");
            earlier.setPersonSealed("ck1.k1.old");
            given(others.getResultList()).willReturn(List.of(earlier));
            EnvelopeProvider broken = mock(EnvelopeProvider.class);
            given(broken.hashIdentifier(anyString(), anyString())).willReturn("h");
            given(broken.identifierCandidates(anyString(), anyString())).willReturn(List.of("h"));
            given(broken.seal(any(), anyString())).willThrow(new IllegalStateException("no key"));
            given(session.getProvider(EnvelopeProvider.class)).willReturn(broken);

            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> vault.record(realm, user, done(true), Duration.ofDays(365)))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(earlier.getStatus()).isEqualTo(EkycRecordEntity.VERIFIED);
            assertThat(earlier.getPersonSealed()).isEqualTo("ck1.k1.old");
            verify(credentials, org.mockito.Mockito.never()).createStoredCredential(any());
            verify(em, org.mockito.Mockito.never()).persist(any());
            verify(transactions, org.mockito.Mockito.never()).enlistAfterCompletion(any());
        }

        @Test
        void flags_nothing_when_no_other_user_has_the_number() {
            given(sameNumber.getResultList()).willReturn(List.of());

            assertThat(vault.record(realm, user, done(false), Duration.ofDays(365))
                            .duplicateFlagged())
                    .isFalse();
        }

        @Test
        void seals_a_kept_image_and_stores_no_plain_bytes() {
            vault.record(realm, user, done(true), Duration.ofDays(365));

            verify(em, atLeastOnce()).persist(persisted.capture());
            EkycEvidenceEntity e = (EkycEvidenceEntity) persisted.getAllValues().get(1);
            String sealed = new String(e.getSealed(), StandardCharsets.US_ASCII);
            assertThat(e.getKind()).isEqualTo(EkycEvidenceEntity.SELFIE);
            assertThat(sealed).startsWith("ck1.").doesNotContain("selfie-bytes");
            assertThat(keys.open(sealed, JpaEkycVault.evidenceContext("realm-1", e.getRecordId(), "SELFIE")))
                    .isEqualTo(SELFIE);
        }

        @Test
        void withdraws_the_users_earlier_verification() {
            EkycRecordEntity earlier = stored("rec-old", "user-1", "cred-old");
            earlier.setPersonSealed("ck1.k1.old");
            given(others.getResultList()).willReturn(List.of(earlier));

            vault.record(realm, user, done(false), Duration.ofDays(365));

            assertThat(earlier.getStatus()).isEqualTo(EkycRecordEntity.WITHDRAWN);
            assertThat(earlier.getPersonSealed()).isNull();
        }
    }

    @Nested
    class Reading {
        @SuppressWarnings("unchecked")
        private final TypedQuery<EkycRecordEntity> valid = mock(TypedQuery.class, RETURNS_SELF);

        @BeforeEach
        void queries() {
            given(em.createQuery(contains("r.validUntil > :now"), eq(EkycRecordEntity.class)))
                    .willReturn(valid);
        }

        @Test
        void current_skips_a_record_whose_credential_the_user_deleted() {
            given(valid.getResultList())
                    .willReturn(List.of(stored("rec-new", "user-1", "gone"), stored("rec-old", "user-1", "kept")));
            CredentialModel kept = new CredentialModel();
            kept.setId("kept");
            kept.setType(EkycCredentialModel.TYPE);
            given(credentials.getStoredCredentialById("kept")).willReturn(kept);

            assertThat(vault.current(realm, user, DONE)).map(Verification::id).contains("rec-old");
        }

        @Test
        void current_is_empty_when_no_credential_is_left() {
            given(valid.getResultList()).willReturn(List.of(stored("rec-new", "user-1", "gone")));

            assertThat(vault.current(realm, user, DONE)).isEmpty();
        }

        @Test
        void claims_of_an_unreadable_blob_are_empty_not_an_exception() {
            EkycRecordEntity r = stored("rec-1", "user-1", "c");
            r.setPersonSealed("ck1.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            given(em.find(EkycRecordEntity.class, "rec-1")).willReturn(r);

            assertThat(vault.claims(realm, Records.verification(r).orElseThrow()))
                    .isEmpty();
        }

        @Test
        void claims_open_for_the_records_own_user() {
            EkycRecordEntity r = stored("rec-1", "user-1", "c");
            r.setPersonSealed(
                    SealedPerson.seal(keys, "realm-1", "rec-1", done(false).person()));
            given(em.find(EkycRecordEntity.class, "rec-1")).willReturn(r);
            Verification v = Records.verification(r).orElseThrow();

            assertThat(vault.claims(realm, v)).map(VerifiedClaims::givenName).contains("길동");
            Verification forged = new Verification(
                    v.id(),
                    "user-2",
                    v.verifiedAt(),
                    v.validUntil(),
                    v.methods(),
                    v.documentType(),
                    v.maskedIdNumber(),
                    false);
            assertThat(vault.claims(realm, forged)).isEmpty();
        }
    }
}
