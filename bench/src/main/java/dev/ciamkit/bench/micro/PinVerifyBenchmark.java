package dev.ciamkit.bench.micro;

import dev.ciamkit.common.crypto.IdentifierHasher;
import dev.ciamkit.common.crypto.KeyRing;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.keycloak.crypto.hash.Argon2PasswordHashProvider;
import org.keycloak.models.credential.PasswordCredentialModel;
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
 * Checking one PIN as {@code ciamkit-pin} does (HMAC-SHA256 of the PIN with the pepper, then Keycloak's Argon2 over
 * that), beside Keycloak checking a password with the same Argon2 provider and its default parameters (Argon2id 1.3,
 * 7168 KiB, 5 iterations, parallelism 1): the keyed input costs one HMAC on top of the hash.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PinVerifyBenchmark {

    private static final String PURPOSE = "ciamkit-pin:bench-user";
    private static final String PIN = "583920";
    private static final String PASSWORD = "CiamKit-bench-2026";

    private IdentifierHasher pepper;
    private Argon2PasswordHashProvider argon2;
    private PasswordCredentialModel pinHash;
    private PasswordCredentialModel passwordHash;

    @Setup
    public void setUp() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        pepper = new IdentifierHasher(KeyRing.of(Map.of("p1", key), "p1", IdentifierHasher.ALGORITHM));
        argon2 = new Argon2PasswordHashProvider(
                "1.3", "id", 32, 7168, 5, 1, new Semaphore(Runtime.getRuntime().availableProcessors()));
        pinHash = argon2.encodedCredential(pepper.hash(PURPOSE, PIN), -1);
        passwordHash = argon2.encodedCredential(PASSWORD, -1);
    }

    /** What the PIN check adds to Keycloak's: the keyed input alone (microseconds, beside Argon2's milliseconds). */
    @Benchmark
    public String ciamkit_pin_keyed_input() {
        return pepper.hash(PURPOSE, PIN);
    }

    @Benchmark
    public boolean ciamkit_pin_right() {
        return argon2.verify(pepper.hash(PURPOSE, PIN), pinHash);
    }

    @Benchmark
    public boolean ciamkit_pin_wrong() {
        return argon2.verify(pepper.hash(PURPOSE, "583921"), pinHash);
    }

    @Benchmark
    public boolean keycloak_password_right() {
        return argon2.verify(PASSWORD, passwordHash);
    }

    @Benchmark
    public boolean keycloak_password_wrong() {
        return argon2.verify(PASSWORD + "x", passwordHash);
    }
}
