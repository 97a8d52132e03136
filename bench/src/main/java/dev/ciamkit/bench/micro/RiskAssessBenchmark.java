package dev.ciamkit.bench.micro;

import dev.ciamkit.common.crypto.Envelope;
import dev.ciamkit.common.crypto.IdentifierHasher;
import dev.ciamkit.common.crypto.KeyMaterial;
import dev.ciamkit.common.crypto.KeyRing;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.risk.device.Browser;
import dev.ciamkit.risk.device.DeviceSignalFactory;
import dev.ciamkit.risk.device.KnownDevices;
import dev.ciamkit.risk.device.UserAgents;
import dev.ciamkit.risk.engine.RiskAssessment;
import dev.ciamkit.risk.engine.RiskEngine;
import dev.ciamkit.risk.profile.RiskProfile;
import dev.ciamkit.risk.signal.location.LocationSignalFactory;
import dev.ciamkit.risk.signal.network.NetworkSignalFactory;
import dev.ciamkit.risk.signal.time.TimeSignalFactory;
import dev.ciamkit.risk.signal.transaction.TransactionClaim;
import dev.ciamkit.risk.signal.transaction.TransactionSignalFactory;
import dev.ciamkit.risk.signal.velocity.VelocitySignalFactory;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.RiskSignalFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.keycloak.Config;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserLoginFailureProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
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
 * One risk assessment with every signal on (network lists, location from the shipped CSV sample with impossible-travel
 * arithmetic, device cookie id against 10 remembered browsers with the peppered HMAC, user agent from the caching
 * parser, hour-of-week profile, velocity with the user's login-failure record and the address's slots, a pushed transaction against the client's threshold), excluding I/O:
 * Keycloak's stores are in-memory stand-ins here. The uncached user-agent parse is reported apart. Sample mode, so
 * JMH reports p50/p99 per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RiskAssessBenchmark {

    private static final String CHROME =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private RiskInput input;
    private UserAgents userAgents;
    private final AtomicLong unique = new AtomicLong();

    @Setup
    public void setUp() throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] envelopeKey = new byte[32];
        byte[] pepperKey = new byte[32];
        random.nextBytes(envelopeKey);
        random.nextBytes(pepperKey);
        KeyMaterial keys = new KeyMaterial(
                KeyRing.of(Map.of("k1", envelopeKey), "k1", "AES"),
                KeyRing.of(Map.of("p1", pepperKey), "p1", IdentifierHasher.ALGORITHM));
        EnvelopeProvider envelope = envelope(keys.envelope(random), keys.identifierHasher());

        Path csv = Files.createTempFile("ciamkit-geo", ".csv");
        Files.writeString(
                csv,
                "network,country,city,latitude,longitude\n192.0.2.0/24,KR,Seoul,37.5665,126.9780\n"
                        + "198.51.100.0/24,JP,Tokyo,35.6762,139.6503\n203.0.113.0/24,US,New York,40.7128,-74.0060\n");
        LocationSignalFactory location = new LocationSignalFactory();
        location.init(scope(Map.of(LocationSignalFactory.CSV, csv.toString())));
        DeviceSignalFactory device = new DeviceSignalFactory();
        device.init(scope(Map.of()));
        userAgents = device.userAgents();
        List<RiskSignalFactory> factories = List.of(
                new NetworkSignalFactory(),
                location,
                device,
                new TimeSignalFactory(),
                new VelocitySignalFactory(),
                new TransactionSignalFactory());

        Map<String, Boolean> singleUse = new ConcurrentHashMap<>();
        List<CredentialModel> credentials = new ArrayList<>();
        KeycloakSession[] session = new KeycloakSession[1];
        KeycloakSessionFactory sessionFactory = proxy(KeycloakSessionFactory.class, (p, m, a) -> switch (m.getName()) {
            case "getProviderFactoriesStream" -> factories.stream();
            default -> null;
        });
        SingleUseObjectProvider store = proxy(SingleUseObjectProvider.class, (p, m, a) -> switch (m.getName()) {
            case "contains" -> singleUse.containsKey((String) a[0]);
            case "putIfAbsent" -> singleUse.putIfAbsent((String) a[0], true) == null;
            default -> null;
        });
        UserLoginFailureProvider failures = proxy(UserLoginFailureProvider.class, (p, m, a) -> null);
        session[0] = proxy(KeycloakSession.class, (p, m, a) -> switch (m.getName()) {
            case "getKeycloakSessionFactory" -> sessionFactory;
            case "loginFailures" -> failures;
            case "getProvider" -> {
                Class<?> type = (Class<?>) a[0];
                if (type == EnvelopeProvider.class) {
                    yield envelope;
                }
                if (type == SingleUseObjectProvider.class) {
                    yield store;
                }
                if (type == RiskSignal.class) {
                    yield factories.stream()
                            .filter(f -> f.getId().equals(a[1]))
                            .findFirst()
                            .orElseThrow()
                            .create(session[0]);
                }
                yield null;
            }
            default -> null;
        });
        RealmModel realm = proxy(RealmModel.class, (p, m, a) -> switch (m.getName()) {
            case "getId" -> "bench-realm";
            case "getName" -> "bench";
            default -> null;
        });
        SubjectCredentialManager manager = proxy(SubjectCredentialManager.class, (p, m, a) -> switch (m.getName()) {
            case "getStoredCredentialsByTypeStream" ->
                credentials.stream().filter(c -> c.getType().equals(a[0])).toList().stream();
            case "getStoredCredentialsStream" -> credentials.stream();
            case "createStoredCredential" -> {
                CredentialModel c = (CredentialModel) a[0];
                c.setId(UUID.randomUUID().toString());
                credentials.add(c);
                yield c;
            }
            case "updateStoredCredential" -> null;
            case "removeStoredCredentialById" ->
                credentials.removeIf(c -> c.getId().equals(a[0]));
            default -> null;
        });
        UserModel user = proxy(UserModel.class, (p, m, a) -> switch (m.getName()) {
            case "getId" -> "bench-user";
            case "credentialManager" -> manager;
            default -> null;
        });

        Instant now = Instant.parse("2026-11-23T09:30:00Z");
        String deviceId = null;
        for (int i = 0; i < 10; i++) {
            String id = "device-" + i;
            KnownDevices.remember(
                    session[0],
                    realm,
                    user,
                    id,
                    null,
                    new Browser("Chrome", "131", "Windows"),
                    "KR",
                    "Seoul",
                    now.minus(Duration.ofDays(i)),
                    10);
            deviceId = id;
        }
        RiskProfile profile = RiskProfile.empty();
        for (int i = 0; i < 40; i++) {
            profile = profile.learn(now.minus(Duration.ofDays(7L * i)), "KR", 37.5665, 126.9780);
        }
        Map<String, String> config = Map.of(
                "network.allow", "10.0.0.0/8##172.16.0.0/12##198.18.0.0/15",
                "network.deny", "203.0.113.0/24##2001:db8:bad::/48",
                "transaction.thresholds", "bench-other=5000000##bench-app=1000000");
        // a transfer of 50,000 KRW pushed (PAR) by the client, as the executor records it in the authorization request
        ClientModel client = proxy(ClientModel.class, (p, m, a) -> switch (m.getName()) {
            case "getClientId" -> "bench-app";
            default -> null;
        });
        String transaction = new TransactionClaim(
                        TransactionClaim.Source.PAR,
                        new BigDecimal("50000"),
                        Currency.getInstance("KRW"),
                        "transfer",
                        null)
                .encode();
        AuthenticationSessionModel authSession =
                proxy(AuthenticationSessionModel.class, (p, m, a) -> switch (m.getName()) {
                    case "getClient" -> client;
                    case "getClientNote" -> "ciamkit.risk.transaction".equals(a[0]) ? transaction : null;
                    default -> null;
                });
        input = new RiskInput(
                session[0],
                realm,
                user,
                RiskPhase.LOGIN,
                "192.0.2.10",
                CHROME,
                deviceId,
                authSession,
                profile,
                config,
                now);
        RiskAssessment check = RiskEngine.assess(input);
        if (check.results().size() < 6 || !check.reasons().isEmpty()) {
            throw new IllegalStateException(
                    "the bench input should pass every signal quietly: " + check.reasons() + " " + check.results());
        }
    }

    /** Every signal on, the user agent from the parser's cache: the goal is p99 at most 100 us. */
    @Benchmark
    public RiskAssessment assess_every_signal() {
        return RiskEngine.assess(input);
    }

    /** A user agent the parser has not seen: reported apart (uap-java's regular expressions). */
    @Benchmark
    public Browser user_agent_uncached() {
        return userAgents.parse(CHROME.replace("131.0.0.0", "131.0." + unique.incrementAndGet() + ".0"));
    }

    @Benchmark
    public Browser user_agent_cached() {
        return userAgents.parse(CHROME);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(RiskAssessBenchmark.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Config.Scope scope(Map<String, String> values) {
        return proxy(Config.Scope.class, (p, m, a) -> switch (m.getName()) {
            case "get" -> a.length > 1 ? values.getOrDefault((String) a[0], (String) a[1]) : values.get((String) a[0]);
            case "getBoolean" -> a.length > 1 ? a[1] : null;
            case "getInt" -> a.length > 1 ? a[1] : null;
            case "getLong" -> a.length > 1 ? a[1] : null;
            case "getArray" -> null;
            case "getPropertyNames" -> Set.copyOf(values.keySet());
            case "scope" -> scope(Map.of());
            default -> null;
        });
    }

    private static EnvelopeProvider envelope(Envelope envelope, IdentifierHasher hasher) {
        return new EnvelopeProvider() {
            @Override
            public String seal(byte[] plaintext, String context) {
                return envelope.seal(plaintext, context);
            }

            @Override
            public byte[] open(String sealed, String context) {
                return envelope.open(sealed, context);
            }

            @Override
            public boolean needsRewrap(String sealed) {
                return false;
            }

            @Override
            public String hashIdentifier(String purpose, String value) {
                return hasher.hash(purpose, value);
            }

            @Override
            public boolean identifierMatches(String storedHash, String purpose, String value) {
                return hasher.matches(storedHash, purpose, value);
            }

            @Override
            public List<String> identifierCandidates(String purpose, String value) {
                return hasher.candidates(purpose, value);
            }
        };
    }
}
