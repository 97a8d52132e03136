package dev.ciamkit.bench.micro;

import dev.ciamkit.common.crypto.Envelope;
import dev.ciamkit.common.crypto.KeyRing;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
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
 * Sealing and opening a 20-byte OTP seed, beside the cost every Keycloak login already pays: one password hash with
 * Keycloak's default Argon2id parameters (type id, version 19, 32-byte hash, 7168 KiB, 5 iterations, 1 lane).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnvelopeBenchmark {

    private static final String CONTEXT = "ciamkit-otp-seed:user:device";

    private Envelope envelope;
    private byte[] seed;
    private String sealed;
    private byte[] salt;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        envelope = new Envelope(KeyRing.of(Map.of("k1", key), "k1", "AES"), random);
        seed = new byte[20];
        random.nextBytes(seed);
        sealed = envelope.seal(seed, CONTEXT);
        salt = new byte[16];
        random.nextBytes(salt);
    }

    @Benchmark
    public String ciamkit_seal() {
        return envelope.seal(seed, CONTEXT);
    }

    @Benchmark
    public byte[] ciamkit_open() {
        return envelope.open(sealed, CONTEXT);
    }

    @Benchmark
    public byte[] keycloak_default_password_hash() {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(7168)
                .withIterations(5)
                .withParallelism(1)
                .build());
        byte[] hash = new byte[32];
        generator.generateBytes("correct horse battery staple".toCharArray(), hash);
        return hash;
    }
}
