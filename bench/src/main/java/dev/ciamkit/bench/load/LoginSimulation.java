package dev.ciamkit.bench.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.ciamkit.bench.data.BenchRealms;
import dev.ciamkit.otp.engine.Hotp;
import dev.ciamkit.otp.engine.OtpAlgorithm;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Full authorization-code logins with PKCE and code exchange, codes computed here from the users' seeds: (a) stock
 * Keycloak's browser flow with its own OTP form (realm bench-stock) and (b) the CIAM Kit flow of
 * {@code bench.scenario} ({@code otp}: "ciamkit browser", password then mobile OTP, realm bench-ciamkit;
 * {@code pin-otp}: "ciamkit pin-otp", username then PIN and mobile OTP on one page, realm bench-ciamkit-pin;
 * {@code risk}: "ciamkit browser" with the risk evaluator before the OTP, realm bench-ciamkit-risk) at the
 * same time, half of the closed model's users each, phase after phase, then (c) client
 * credentials. Each phase is its own group, so Gatling's statistics come per phase, and round n compares (b) with (a)
 * over the same seconds: whatever the server or this load generator does meanwhile (JIT, GC, a neighbour on the
 * machine) weighs on both alike. Settings are system properties {@code bench.*} (see the fields).
 *
 * <p>{@code bench.realmA} and {@code bench.baseUrlB} turn it into a comparison of two servers instead: (a) logs in to
 * {@code bench.realmA} at {@code bench.baseUrl}, (b) to the scenario's realm at {@code bench.baseUrlB}
 * ({@code run-audit-load}: the same realm on two builds of the same server, the audit listener off and on).
 *
 * <p>{@code bench.mode=warmup} runs one warm-up window instead ({@code bench.windowSeconds}). {@code run-load} repeats
 * such windows against the running server until both throughputs are flat, so the measured rounds never start on a
 * server that is still speeding up.
 */
public class LoginSimulation extends Simulation {

    private final String base = System.getProperty("bench.baseUrl", "http://localhost:8080");
    private final String data = System.getProperty("bench.dataDir", "target/load-realms");
    /** Users in the closed model, both scenarios together; each scenario gets half. */
    private final int concurrency = Integer.getInteger("bench.concurrency", 4);
    /** A first phase of this run, not reported, that warms this JVM (the load generator) up. */
    private final int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 15);

    private final int phaseSeconds = Integer.getInteger("bench.phaseSeconds", 40);
    private final int rounds = Integer.getInteger("bench.rounds", 5);
    private final boolean failOnErrors = Boolean.getBoolean("bench.failOnErrors");
    private final boolean warmupWindow = "warmup".equals(System.getProperty("bench.mode"));
    private final int windowSeconds = Integer.getInteger("bench.windowSeconds", 15);

    private final BenchRealms.Scenario scenario = BenchRealms.Scenario.of(System.getProperty("bench.scenario", "otp"));
    private final String ciamkitRealm = scenario.realm();
    private final String realmA = System.getProperty("bench.realmA", BenchRealms.STOCK);
    private final String baseB = System.getProperty("bench.baseUrlB", base);
    /** {@code false} leaves out (c), so the CPU a server used during the run is the logins'. */
    private final boolean clientCredentials =
            Boolean.parseBoolean(System.getProperty("bench.clientCredentials", "true"));

    /** Where each realm's feeder stopped in the previous run (warm-up windows are runs of their own). */
    private final Path positions = Path.of(data, "feeder-positions.properties");

    private final Map<String, SharedUsers> users = feeders();

    private final HttpProtocolBuilder protocol = protocol(base);
    private final HttpProtocolBuilder protocolB = protocol(baseB);

    {
        if (concurrency < 2 || concurrency % 2 != 0) {
            throw new IllegalArgumentException("bench.concurrency must be even: half the users run each scenario");
        }
        List<PopulationBuilder> stock = new ArrayList<>();
        List<PopulationBuilder> ciamkit = new ArrayList<>();
        if (warmupWindow) {
            stock.add(phase("w-a", realmA, windowSeconds));
            ciamkit.add(phase("w-b", ciamkitRealm, windowSeconds).protocols(protocolB));
        } else {
            if (warmupSeconds > 0) {
                stock.add(phase("warmup-a", realmA, warmupSeconds));
                ciamkit.add(phase("warmup-b", ciamkitRealm, warmupSeconds).protocols(protocolB));
            }
            for (int round = 1; round <= rounds; round++) {
                stock.add(phase("a" + round, realmA, phaseSeconds));
                ciamkit.add(phase("b" + round, ciamkitRealm, phaseSeconds).protocols(protocolB));
            }
            // (c) follows the last (a); the last (b) ends within one login of it.
            if (clientCredentials) {
                stock.add(scenario("c")
                        .exec(group("c").on(clientCredentials()))
                        .injectClosed(constantConcurrentUsers(concurrency).during(Duration.ofSeconds(phaseSeconds))));
            }
        }
        SetUp setUp = setUp(sequence(stock), sequence(ciamkit)).protocols(protocol);
        if (failOnErrors) {
            setUp.assertions(global().failedRequests().count().is(0L));
        }
    }

    private Map<String, SharedUsers> feeders() {
        Properties start = new Properties();
        if (Files.isRegularFile(positions)) {
            try (Reader in = Files.newBufferedReader(positions)) {
                start.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, SharedUsers> feeders = new HashMap<>();
        // one feeder when (a) and (b) use the same realm: no user logs in twice within a step, on either server
        for (String realm : new java.util.LinkedHashSet<>(List.of(realmA, ciamkitRealm))) {
            feeders.put(
                    realm,
                    SharedUsers.load(
                            Path.of(data, realm + "-users.csv"), Long.parseLong(start.getProperty(realm, "0"))));
        }
        return Map.copyOf(feeders);
    }

    @Override
    public void after() {
        Properties stop = new Properties();
        users.forEach((realm, feeder) -> stop.setProperty(realm, Long.toString(feeder.position())));
        try (Writer out = Files.newBufferedWriter(positions)) {
            stop.store(out, "next user per realm for the next run against the same server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpProtocolBuilder protocol(String baseUrl) {
        return http.baseUrl(baseUrl)
                .disableFollowRedirect()
                .acceptHeader("text/html,application/json")
                .acceptLanguageHeader("en");
    }

    private static PopulationBuilder sequence(List<PopulationBuilder> phases) {
        PopulationBuilder chain = phases.get(0);
        for (PopulationBuilder next : phases.subList(1, phases.size())) {
            chain = chain.andThen(next);
        }
        return chain;
    }

    private PopulationBuilder phase(String name, String realm, int seconds) {
        return scenario(name)
                .exec(group(name).on(login(realm)))
                .injectClosed(constantConcurrentUsers(concurrency / 2).during(Duration.ofSeconds(seconds)));
    }

    private ChainBuilder login(String realm) {
        String realmUrl = "/realms/" + realm + "/protocol/openid-connect";
        return exec(flushCookieJar())
                .feed(users.get(realm))
                .exec(session -> {
                    Pkce pkce = Pkce.create();
                    return session.set("verifier", pkce.verifier())
                            .set("challenge", pkce.challenge())
                            .set("state", UUID.randomUUID().toString());
                })
                .exec(http("authorize")
                        .get(realmUrl + "/auth")
                        .queryParam("client_id", BenchRealms.APP)
                        .queryParam("response_type", "code")
                        .queryParam("scope", "openid")
                        .queryParam("redirect_uri", BenchRealms.REDIRECT_URI)
                        .queryParam("state", "#{state}")
                        .queryParam("code_challenge", "#{challenge}")
                        .queryParam("code_challenge_method", "S256")
                        .check(status().is(200), css("#kc-form-login", "action").saveAs("passwordAction")))
                .exec(http("password")
                        .post("#{passwordAction}")
                        .formParamMap(session -> {
                            // The PIN + OTP flow's first page asks for the username only.
                            Map<String, Object> form = new HashMap<>();
                            form.put("username", session.getString("username"));
                            if (!session.contains("pin")) {
                                form.put("password", BenchRealms.PASSWORD);
                            }
                            return form;
                        })
                        .check(
                                status().is(200),
                                css("#kc-otp-login-form, #ciamkit-otp-form, #ciamkit-pin-otp-form", "action")
                                        .saveAs("otpAction"),
                                css("input[name=deviceId]", "value").optional().saveAs("deviceId")))
                .exec(http("otp")
                        .post("#{otpAction}")
                        .formParamMap(session -> {
                            Map<String, Object> form = new HashMap<>();
                            form.put("otp", code(session.getString("seedHex")));
                            if (session.contains("deviceId")) {
                                form.put("deviceId", session.getString("deviceId"));
                            }
                            if (session.contains("pin")) {
                                form.put("pin", session.getString("pin"));
                            }
                            return form;
                        })
                        .check(
                                status().is(302),
                                header("Location")
                                        .transform(LoginSimulation::authorizationCode)
                                        .saveAs("code")))
                .exec(http("token")
                        .post(realmUrl + "/token")
                        .formParam("grant_type", "authorization_code")
                        .formParam("client_id", BenchRealms.APP)
                        .formParam("code", "#{code}")
                        .formParam("redirect_uri", BenchRealms.REDIRECT_URI)
                        .formParam("code_verifier", "#{verifier}")
                        .check(status().is(200), jsonPath("$.access_token").exists()));
    }

    private ChainBuilder clientCredentials() {
        return exec(http("client_credentials")
                .post("/realms/" + BenchRealms.STOCK + "/protocol/openid-connect/token")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", BenchRealms.API)
                .formParam("client_secret", BenchRealms.API_SECRET)
                .check(status().is(200), jsonPath("$.access_token").exists()));
    }

    private static String code(String seedHex) {
        long step = Instant.now().getEpochSecond() / 30;
        return Hotp.code(HexFormat.of().parseHex(seedHex), step, OtpAlgorithm.SHA1, 6);
    }

    static String authorizationCode(String location) {
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            if (pair.startsWith("code=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no code in the redirect");
    }
}
