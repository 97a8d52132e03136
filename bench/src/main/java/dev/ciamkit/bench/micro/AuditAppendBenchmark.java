package dev.ciamkit.bench.micro;

import dev.ciamkit.audit.chain.ChainHash;
import dev.ciamkit.audit.trail.AuditEntries;
import dev.ciamkit.audit.trail.AuditEntry;
import dev.ciamkit.common.crypto.IdentifierHasher;
import dev.ciamkit.common.crypto.KeyRing;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.util.JsonSerialization;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU an audit record costs, step by step, without the database: what the request pays (the record built from the
 * event: masking and canonical JSON, then its insertion MAC, as {@code AuditTrail.insert} computes it) and what the
 * linker pays per record moments later, off the request (the insertion MAC checked, the chain hash, its MAC). Beside
 * them, what stock Keycloak pays for the same event when it stores it itself (its JPA event store writes the details as
 * JSON with Keycloak's {@code JsonSerialization}); the password hash every login pays is in {@link EnvelopeBenchmark}.
 * The key ring holds one random 32-byte pepper, as a key file does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AuditAppendBenchmark {

    private static final String ID = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918";

    private Event login;
    private Event codeToToken;
    private Event loginError;
    private AdminEvent adminUpdate;
    private IdentifierHasher peppers;
    private AuditEntry entry;
    private String insertMac;
    private String prevHash;

    @Setup
    public void setUp() {
        byte[] pepper = new byte[32];
        new SecureRandom().nextBytes(pepper);
        peppers = new IdentifierHasher(KeyRing.of(Map.of("p1", pepper), "p1", IdentifierHasher.ALGORITHM));
        login = AuditEvents.login();
        codeToToken = AuditEvents.codeToToken();
        loginError = AuditEvents.loginErrorUnknownUser();
        adminUpdate = AuditEvents.adminUpdateUser();
        entry = AuditEntries.of(ID, login);
        insertMac = ciamkit_insert_mac();
        prevHash = ChainHash.hash(ChainHash.GENESIS, 41, entry.realmId(), entry.columns(), entry.body());
    }

    @Benchmark
    public AuditEntry ciamkit_entry_login() {
        return AuditEntries.of(ID, login);
    }

    @Benchmark
    public AuditEntry ciamkit_entry_code_to_token() {
        return AuditEntries.of(ID, codeToToken);
    }

    @Benchmark
    public AuditEntry ciamkit_entry_login_error_unknown_user() {
        return AuditEntries.of(ID, loginError);
    }

    @Benchmark
    public AuditEntry ciamkit_entry_admin_update_user() {
        return AuditEntries.of(ID, adminUpdate);
    }

    /** What {@code AuditTrail.insert} computes before it persists the row. */
    @Benchmark
    public String ciamkit_insert_mac() {
        return peppers.hash(
                ChainHash.INSERT_PURPOSE,
                ChainHash.insertInput(entry.id(), entry.realmId(), entry.columns(), entry.body()));
    }

    /** Everything the request pays in CPU for a login's record: build, then insertion MAC. */
    @Benchmark
    public String ciamkit_request_total_login() {
        AuditEntry built = AuditEntries.of(ID, login);
        return peppers.hash(
                ChainHash.INSERT_PURPOSE,
                ChainHash.insertInput(built.id(), built.realmId(), built.columns(), built.body()));
    }

    /** What {@code ChainLinker.linkBatch} computes per record (off the request): check, hash, MAC. */
    @Benchmark
    public String ciamkit_link_record() {
        String columns = entry.columns();
        if (!peppers.matches(
                insertMac,
                ChainHash.INSERT_PURPOSE,
                ChainHash.insertInput(entry.id(), entry.realmId(), columns, entry.body()))) {
            throw new IllegalStateException("insertion MAC");
        }
        String hash = ChainHash.hash(prevHash, 42, entry.realmId(), columns, entry.body());
        return peppers.hash(ChainHash.MAC_PURPOSE, hash);
    }

    /** Stock Keycloak's JPA event store: the details as JSON, what it pays per stored event. */
    @Benchmark
    public String keycloak_event_store_details_json() throws IOException {
        return JsonSerialization.writeValueAsString(login.getDetails());
    }
}
