package dev.ciamkit.bench.micro;

import dev.ciamkit.otp.engine.DeviceState;
import dev.ciamkit.otp.engine.Hotp;
import dev.ciamkit.otp.engine.OtpPolicy;
import dev.ciamkit.otp.engine.OtpVerifier;
import dev.ciamkit.otp.engine.Verification;
import dev.ciamkit.otp.engine.VerifierSettings;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.keycloak.models.utils.TimeBasedOTP;
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
 * Verifying one TOTP code with a look-around window of 1 (three candidate steps), ours against Keycloak's own
 * {@link TimeBasedOTP}. "hit" is a current code; "miss" is a wrong code, which has to try every step in the window.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OtpVerifyBenchmark {

    private final OtpVerifier verifier = new OtpVerifier(VerifierSettings.DEFAULT);
    private final TimeBasedOTP keycloak = new TimeBasedOTP("HmacSHA1", 6, 30, 1);
    private byte[] seed;
    private String current;
    private String wrong;
    private long now;

    @Setup
    public void setUp() {
        seed = new byte[20];
        new SecureRandom().nextBytes(seed);
        now = Instant.now().getEpochSecond();
        current = Hotp.code(seed, OtpVerifier.step(now, 30), OtpPolicy.DEFAULT.algorithm(), 6);
        String candidate = "000000";
        for (int i = 0; i < 1000 && !(verify(candidate) instanceof Verification.Rejected); i++) {
            candidate = String.format("%06d", i);
        }
        wrong = candidate;
    }

    private Verification verify(String code) {
        return verifier.verify(seed, OtpPolicy.DEFAULT, DeviceState.NEW, code, now);
    }

    @Benchmark
    public Verification ciamkit_hit() {
        return verify(current);
    }

    @Benchmark
    public Verification ciamkit_miss() {
        return verify(wrong);
    }

    @Benchmark
    public boolean keycloak_hit() {
        return keycloak.validateTOTP(current, seed);
    }

    @Benchmark
    public boolean keycloak_miss() {
        return keycloak.validateTOTP(wrong, seed);
    }
}
