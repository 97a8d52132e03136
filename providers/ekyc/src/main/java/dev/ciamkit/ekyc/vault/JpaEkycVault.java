package dev.ciamkit.ekyc.vault;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.ekyc.credential.EkycCredentialModel;
import dev.ciamkit.ekyc.credential.EkycCredentials;
import dev.ciamkit.ekyc.metrics.CheckEvent;
import dev.ciamkit.ekyc.spi.EkycImage;
import dev.ciamkit.ekyc.vault.jpa.AttemptCounter;
import dev.ciamkit.ekyc.vault.jpa.EkycEvidenceEntity;
import dev.ciamkit.ekyc.vault.jpa.EkycRecordEntity;
import dev.ciamkit.ekyc.vault.jpa.VaultStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** The vault on Keycloak's database (tables {@code CIAMKIT_EKYC_*}), in the session's transaction. */
final class JpaEkycVault implements EkycVault {

    private static final Logger LOG = Logger.getLogger(JpaEkycVault.class);

    private final KeycloakSession session;

    JpaEkycVault(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Optional<Verification> current(RealmModel realm, UserModel user, Instant now) {
        return store().validOf(realm.getId(), user.getId(), now.toEpochMilli()).stream()
                .filter(r -> EkycCredentials.exists(user, r.getCredentialId()))
                .map(Records::verification)
                .flatMap(Optional::stream)
                .findFirst();
    }

    @Override
    public Verification record(RealmModel realm, UserModel user, CompletedVerification done, Duration validity) {
        Objects.requireNonNull(validity, "validity");
        if (done.methods().isEmpty()) {
            throw new IllegalArgumentException("a verification needs at least one method");
        }
        VaultStore store = store();
        EnvelopeProvider envelope = envelope();
        VerifiedPerson person = done.person();
        String id = KeycloakModelUtils.generateId();
        String hashInput = IdNumbers.hashInput(person.documentType(), person.idNumber());
        long now = Time.currentTimeMillis();

        // Everything that can fail without the database first (hashing, masking, sealing): a failure then changes
        // nothing, where after the first write below it would leave the user's earlier verification withdrawn and
        // no new one in a transaction that still commits.
        EkycRecordEntity r = new EkycRecordEntity();
        r.setId(id);
        r.setRealmId(realm.getId());
        r.setUserId(user.getId());
        r.setStatus(EkycRecordEntity.VERIFIED);
        r.setMethods(Records.methods(done.methods()));
        r.setVendorRefs(VendorRefs.write(done.methods()));
        r.setDocumentType(person.documentType().name());
        r.setIdHash(envelope.hashIdentifier(IdNumbers.HASH_PURPOSE, hashInput));
        r.setIdMasked(IdNumbers.mask(person.documentType(), person.idNumber()));
        r.setPersonSealed(SealedPerson.seal(envelope, realm.getId(), id, person));
        r.setStartedAt(done.startedAt().toEpochMilli());
        r.setVerifiedAt(done.completedAt().toEpochMilli());
        r.setValidUntil(done.completedAt().plus(validity).toEpochMilli());
        r.setCreatedAt(now);
        List<String> candidates = envelope.identifierCandidates(IdNumbers.HASH_PURPOSE, hashInput);
        List<EkycEvidenceEntity> evidence = new ArrayList<>(2);
        done.idImage().ifPresent(image -> evidence.add(evidence(envelope, r, EkycEvidenceEntity.ID_IMAGE, image, now)));
        done.selfie().ifPresent(image -> evidence.add(evidence(envelope, r, EkycEvidenceEntity.SELFIE, image, now)));
        List<EkycMethod> methods = Records.methods(Records.methods(done.methods()));
        EkycCredentialModel credential = EkycCredentialModel.create(id, methods, done.completedAt());

        // the newest verification replaces the user's earlier ones: their sealed names and images go now
        store.withdrawUser(realm.getId(), user.getId(), now);
        // only read here: the other users' records are flagged after the commit, in id order (recheck), so this
        // request takes no locks on them that another verification of the number could take the other way round
        List<Object[]> sameNumber = store.sameNumber(realm.getId(), candidates);
        r.setDuplicate(sameNumber.stream().anyMatch(row -> !user.getId().equals(row[1])));
        r.setCredentialId(EkycCredentials.replace(user, credential).getId());
        store.persist(r);
        evidence.forEach(store::persist);
        // written here, not at the commit: the step's own time (CheckEvent) then holds the vault's writes
        store.flush();
        recheckAfterCommit(realm.getId(), user.getId(), id, candidates);
        return Records.verification(r).orElseThrow();
    }

    /**
     * Two users verifying one ID number at the same moment do not see each other's uncommitted record; after the
     * commit, whichever commits second sees the other's and flags both. Never fails the request it follows.
     */
    private void recheckAfterCommit(String realmId, String userId, String recordId, List<String> candidates) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String login = session.getContext() == null
                ? null
                : CheckEvent.loginOf(session.getContext().getAuthenticationSession());
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                CheckEvent event = CheckEvent.started(CheckEvent.RECHECK);
                event.stage("complete");
                event.login(login);
                try {
                    KeycloakModelUtils.runJobInTransaction(
                            factory, s -> recheck(VaultStore.of(s), realmId, userId, recordId, candidates));
                } catch (RuntimeException e) {
                    LOG.warnf(
                            "CIAM Kit eKYC: the duplicate re-check after a verification failed (%s); the record"
                                    + " stays as flagged at its commit",
                            e.getClass().getName());
                } finally {
                    event.finish();
                }
            }

            @Override
            protected void rollbackImpl() {}
        });
    }

    /**
     * When another user has a record of the number: flags those and this record, one row at a time in the order of
     * their ids (two re-checks running at once then take their row locks in the same order), each by an UPDATE of the
     * flag alone, so a withdrawal committed meanwhile is never written back.
     */
    static void recheck(VaultStore store, String realmId, String userId, String recordId, List<String> candidates) {
        List<Object[]> rows = store.sameNumber(realmId, candidates);
        if (rows.stream().noneMatch(row -> !userId.equals(row[1]))) {
            return;
        }
        rows.stream()
                .filter(row -> !Boolean.TRUE.equals(row[2]))
                .filter(row -> !userId.equals(row[1]) || recordId.equals(row[0]))
                .map(row -> (String) row[0])
                .sorted()
                .forEach(id -> store.flagDuplicate(realmId, id));
    }

    @Override
    public Optional<VerifiedClaims> claims(RealmModel realm, Verification verification) {
        return store().find(realm.getId(), verification.id())
                .filter(r -> r.getUserId().equals(verification.userId()))
                .flatMap(r -> Records.claims(envelope(), r));
    }

    @Override
    public int countAttempt(RealmModel realm, UserModel user, LocalDate day) {
        return AttemptCounter.of(session.getKeycloakSessionFactory())
                .increment(realm.getId(), user.getId(), day.toEpochDay());
    }

    static String evidenceContext(String realmId, String recordId, String kind) {
        return "ekyc-evidence:" + realmId + ':' + recordId + ':' + kind;
    }

    private static EkycEvidenceEntity evidence(
            EnvelopeProvider envelope, EkycRecordEntity r, String kind, EkycImage image, long now) {
        byte[] plain = image.bytes();
        String sealed = envelope.seal(plain, evidenceContext(r.getRealmId(), r.getId(), kind));
        java.util.Arrays.fill(plain, (byte) 0);
        EkycEvidenceEntity e = new EkycEvidenceEntity();
        e.setId(KeycloakModelUtils.generateId());
        e.setRecordId(r.getId());
        e.setKind(kind);
        e.setSealed(sealed.getBytes(StandardCharsets.US_ASCII));
        e.setMediaType(image.mediaType().length() > 64 ? "application/octet-stream" : image.mediaType());
        e.setCreatedAt(now);
        return e;
    }

    private VaultStore store() {
        return VaultStore.of(session);
    }

    private EnvelopeProvider envelope() {
        return session.getProvider(EnvelopeProvider.class);
    }
}
