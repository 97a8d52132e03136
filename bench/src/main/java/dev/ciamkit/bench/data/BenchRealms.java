package dev.ciamkit.bench.data;

import dev.ciamkit.common.crypto.Envelope;
import dev.ciamkit.common.crypto.IdentifierHasher;
import dev.ciamkit.common.crypto.KeyFile;
import dev.ciamkit.common.crypto.KeyMaterial;
import dev.ciamkit.otp.credential.DeviceData;
import dev.ciamkit.otp.credential.DeviceHistory;
import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import dev.ciamkit.otp.engine.DeviceState;
import dev.ciamkit.otp.engine.OtpPolicy;
import dev.ciamkit.otp.pin.PinCredentialModel;
import dev.ciamkit.otp.pin.PinData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import org.keycloak.crypto.hash.Argon2PasswordHashProvider;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.util.JsonSerialization;

/**
 * Two realms identical but for the login flow, with users created in bulk the way an import does it: passwords
 * pre-hashed (Keycloak's own Argon2 provider and default parameters), OTP seeds ready (Keycloak's plaintext seed in
 * {@code bench-stock}, our seed sealed with the server's key file in the CIAM Kit realm). Also writes one CSV per
 * realm ({@code username,seedHex[,pin]}) for the load generator to compute codes.
 *
 * <p>The CIAM Kit realm depends on the {@link Scenario}: {@code otp} is {@code bench-ciamkit} with the "ciamkit
 * browser" flow (password, then mobile OTP); {@code pin-otp} is {@code bench-ciamkit-pin} with the "ciamkit pin-otp"
 * flow (username, then PIN and mobile OTP on one page), each user with a PIN hashed as {@code ciamkit-pin} does it
 * (Argon2 with Keycloak's defaults over the PIN's HMAC under the key file's pepper, bound to the user).
 *
 * <p>Usage: {@code BenchRealms <users> <key file> <output dir> [otp|pin-otp]}
 */
public final class BenchRealms {

    public static final String STOCK = "bench-stock";
    public static final String CIAMKIT = "bench-ciamkit";
    public static final String CIAMKIT_PIN = "bench-ciamkit-pin";
    public static final String CIAMKIT_RISK = "bench-ciamkit-risk";
    public static final String APP = "bench-app";
    public static final String API = "bench-api";
    public static final String API_SECRET = "bench-api-secret";
    public static final String PASSWORD = "Bench-password-2026";
    public static final String REDIRECT_URI = "http://localhost:8765/callback";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private BenchRealms() {}

    /** What scenario (b) measures against stock Keycloak's password + OTP login (a). */
    public enum Scenario {
        OTP("otp", CIAMKIT, "CIAM Kit `ciamkit browser` flow: password, then mobile OTP"),
        PIN_OTP(
                "pin-otp",
                CIAMKIT_PIN,
                "CIAM Kit `ciamkit pin-otp` flow: username, then PIN (Argon2id with Keycloak's defaults over the PIN's "
                        + "HMAC with the pepper) and mobile OTP on one page"),
        RISK(
                "risk",
                CIAMKIT_RISK,
                "CIAM Kit `ciamkit browser` flow with adaptive risk: password, the risk evaluator (network, location"
                        + " from the sample CSV, device, time and velocity; learning and a report row after each login),"
                        + " then mobile OTP when the risk is MEDIUM or more (every login here: each comes from a browser"
                        + " never seen)");

        private final String id;
        private final String realm;
        private final String description;

        Scenario(String id, String realm, String description) {
            this.id = id;
            this.realm = realm;
            this.description = description;
        }

        public String realm() {
            return realm;
        }

        public String description() {
            return description;
        }

        public static Scenario of(String id) {
            for (Scenario scenario : values()) {
                if (scenario.id.equals(id)) {
                    return scenario;
                }
            }
            throw new IllegalArgumentException("unknown bench scenario '" + id + "' (otp, pin-otp or risk)");
        }
    }

    /** The one PIN all bench users share: each still gets a hash of its own, as the keyed input is per user. */
    public static final String PIN = "583920";

    public static void main(String[] args) throws IOException {
        write(
                Integer.parseInt(args[0]),
                Path.of(args[1]),
                Path.of(args[2]),
                Scenario.of(args.length > 3 ? args[3] : "otp"));
    }

    /**
     * Writes {@code <realm>-realm.json}, {@code <realm>-users-<n>.json} (chunks of {@value #CHUNK} users, the layout
     * {@code kc.sh import --dir} reads) and {@code <realm>-users.csv} for both realms into {@code out}. Users are
     * streamed chunk by chunk, so a million of them need no more memory than one chunk.
     */
    public static void write(int users, Path keyFile, Path out, Scenario scenario) throws IOException {
        Files.createDirectories(out);
        // One hash for all users: each login still pays the full Argon2 verification.
        PasswordCredentialModel password = argon2().encodedCredential(PASSWORD, 5);
        KeyMaterial keys = KeyFile.load(keyFile);
        Envelope envelope = keys.envelope(RANDOM);
        writeRealm(STOCK, null, users, password, null, null, out);
        writeRealm(
                scenario.realm(),
                scenario,
                users,
                password,
                envelope,
                scenario == Scenario.PIN_OTP ? keys.identifierHasher() : null,
                out);
    }

    /** Keycloak's Argon2 provider with its default parameters, as many at once as there are cores. */
    private static Argon2PasswordHashProvider argon2() {
        return new Argon2PasswordHashProvider(
                "1.3", "id", 32, 7168, 5, 1, new Semaphore(Runtime.getRuntime().availableProcessors()));
    }

    public static final int CHUNK = 5000;

    private static void writeRealm(
            String name,
            Scenario scenario,
            int users,
            PasswordCredentialModel password,
            Envelope envelope,
            IdentifierHasher pepper,
            Path out)
            throws IOException {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        realm.setSslRequired("none");
        realm.setBruteForceProtected(true);
        realm.setFailureFactor(30);
        realm.setClients(clients(name));
        if (scenario == Scenario.PIN_OTP) {
            pinOtpFlow(realm);
        } else if (scenario == Scenario.RISK) {
            riskFlow(realm);
        } else if (scenario == Scenario.OTP) {
            ciamkitFlow(realm);
        }
        Files.writeString(out.resolve(name + "-realm.json"), JsonSerialization.writeValueAsString(realm));
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve(name + "-users.csv")))) {
            csv.println(pepper == null ? "username,seedHex" : "username,seedHex,pin");
            Argon2PasswordHashProvider argon2 = argon2();
            for (int first = 0, chunk = 0; first < users; first += CHUNK, chunk++) {
                RealmRepresentation part = new RealmRepresentation();
                part.setRealm(name);
                // Each PIN is an Argon2 hash of its own (tens of ms): the users of a chunk are made on every core.
                List<BenchUser> made = IntStream.range(first, Math.min(users, first + CHUNK))
                        .parallel()
                        .mapToObj(i -> user(name, i, password, envelope, pepper, argon2))
                        .toList();
                made.forEach(user -> csv.println(user.csvRow()));
                part.setUsers(made.stream().map(BenchUser::user).toList());
                Files.writeString(
                        out.resolve(name + "-users-" + chunk + ".json"), JsonSerialization.writeValueAsString(part));
            }
        }
    }

    /** A generated user and its CSV row for the load generator. */
    private record BenchUser(UserRepresentation user, String csvRow) {}

    private static BenchUser user(
            String realm,
            int i,
            PasswordCredentialModel password,
            Envelope envelope,
            IdentifierHasher pepper,
            Argon2PasswordHashProvider argon2) {
        String username = "user" + i;
        UserRepresentation user = new UserRepresentation();
        user.setId(UUID.nameUUIDFromBytes((realm + ":" + username).getBytes(StandardCharsets.UTF_8))
                .toString());
        user.setUsername(username);
        user.setEmail(username + "@bench.ciamkit.dev");
        user.setEmailVerified(true);
        user.setFirstName("Bench");
        user.setLastName("User " + i);
        user.setEnabled(true);
        byte[] seed;
        List<CredentialRepresentation> credentials = new ArrayList<>();
        credentials.add(credential(password, PasswordCredentialModel.TYPE, null));
        if (envelope == null) {
            String secret = randomSecret();
            seed = secret.getBytes(StandardCharsets.UTF_8);
            credentials.add(credential(OTPCredentialModel.createTOTP(secret, 6, 30, "HmacSHA1"), "otp", "Phone"));
        } else {
            seed = new byte[20];
            RANDOM.nextBytes(seed);
            String deviceId = UUID.randomUUID().toString();
            String sealed = envelope.seal(seed, MobileOtpCredentialModel.seedContext(user.getId(), deviceId));
            DeviceData data = DeviceData.enrolled(deviceId, OtpPolicy.DEFAULT, DeviceState.NEW, 0);
            MobileOtpCredentialModel model = MobileOtpCredentialModel.create("Phone", data, sealed, 0L);
            credentials.add(credential(model, MobileOtpCredentialModel.TYPE, "Phone"));
            // As enrolment leaves it, so the measured logins are steady-state ones, not a first login's one-off write.
            user.setAttributes(Map.of(DeviceHistory.ATTRIBUTE, List.of("true")));
        }
        String csvRow = username + "," + HexFormat.of().formatHex(seed);
        if (pepper != null) {
            credentials.add(pin(user.getId(), pepper, argon2));
            csvRow += "," + PIN;
        }
        user.setCredentials(credentials);
        return new BenchUser(user, csvRow);
    }

    /**
     * The user's PIN as {@code ciamkit-pin} stores it (see {@code PinHasher}): Argon2 over the HMAC of the PIN under
     * the current pepper with the purpose {@code ciamkit-pin:<user id>}; the credential data names the pepper and
     * holds Keycloak's hash parameters.
     */
    private static CredentialRepresentation pin(
            String userId, IdentifierHasher pepper, Argon2PasswordHashProvider argon2) {
        String keyed = pepper.hash("ciamkit-pin:" + userId, PIN);
        PasswordCredentialModel hashed = argon2.encodedCredential(keyed, -1);
        CredentialRepresentation pin = new CredentialRepresentation();
        pin.setType(PinCredentialModel.TYPE);
        pin.setUserLabel("PIN");
        pin.setCreatedDate(0L);
        pin.setSecretData(hashed.getSecretData());
        try {
            pin.setCredentialData(JsonSerialization.writeValueAsString(
                    new PinData(PIN.length(), keyed.split("\\.", 3)[1], hashed.getCredentialData())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pin;
    }

    private static List<ClientRepresentation> clients(String realm) {
        ClientRepresentation app = new ClientRepresentation();
        app.setClientId(APP);
        app.setPublicClient(true);
        app.setStandardFlowEnabled(true);
        app.setDirectAccessGrantsEnabled(false);
        app.setRedirectUris(List.of(REDIRECT_URI));
        app.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        ClientRepresentation api = new ClientRepresentation();
        api.setClientId(API);
        api.setPublicClient(false);
        api.setSecret(API_SECRET);
        api.setServiceAccountsEnabled(true);
        api.setStandardFlowEnabled(false);
        return List.of(app, api);
    }

    /** The same flow as the demo realm's "ciamkit browser": password, then our mobile OTP form. */
    private static void ciamkitFlow(RealmRepresentation realm) {
        AuthenticationFlowRepresentation top = cookieOr("ciamkit browser", "ciamkit browser forms");
        AuthenticationFlowRepresentation forms = flow(
                "ciamkit browser forms",
                false,
                List.of(
                        execution("auth-username-password-form", null, "REQUIRED", 10, null),
                        execution("ciamkit-mobile-otp-form", null, "REQUIRED", 20, "ciamkit mobile otp")));
        realm.setAuthenticationFlows(List.of(top, forms));
        AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
        config.setAlias("ciamkit mobile otp");
        config.setConfig(Map.of("otp-window", "1", "otp-device-max-failures", "5"));
        realm.setAuthenticatorConfig(List.of(config));
        realm.setBrowserFlow("ciamkit browser");
        realm.setRequiredActions(requiredActions());
    }

    /**
     * The demo realm's "ciamkit browser" with its risk steps: password, the evaluator (every signal at its default
     * weight), then mobile OTP when the risk is at least MEDIUM. Each bench login comes from a browser never seen (its
     * cookie jar is emptied), so every login runs the whole of it, learning and the report row included.
     */
    private static void riskFlow(RealmRepresentation realm) {
        AuthenticationFlowRepresentation top = cookieOr("ciamkit browser", "ciamkit browser forms");
        AuthenticationFlowRepresentation forms = flow(
                "ciamkit browser forms",
                false,
                List.of(
                        execution("auth-username-password-form", null, "REQUIRED", 10, null),
                        execution("ciamkit-risk-evaluator", null, "REQUIRED", 20, "ciamkit risk"),
                        execution(null, "ciamkit risk step-up", "CONDITIONAL", 30, null)));
        AuthenticationFlowRepresentation stepUp = flow(
                "ciamkit risk step-up",
                false,
                List.of(
                        execution("ciamkit-risk-level", null, "REQUIRED", 10, "ciamkit risk medium"),
                        execution("ciamkit-mobile-otp-form", null, "REQUIRED", 20, "ciamkit mobile otp")));
        realm.setAuthenticationFlows(List.of(top, forms, stepUp));
        AuthenticatorConfigRepresentation otp = new AuthenticatorConfigRepresentation();
        otp.setAlias("ciamkit mobile otp");
        otp.setConfig(Map.of("otp-window", "1", "otp-device-max-failures", "5"));
        AuthenticatorConfigRepresentation risk = new AuthenticatorConfigRepresentation();
        risk.setAlias("ciamkit risk");
        risk.setConfig(Map.of("risk-medium-from", "25", "risk-high-from", "50"));
        AuthenticatorConfigRepresentation medium = new AuthenticatorConfigRepresentation();
        medium.setAlias("ciamkit risk medium");
        medium.setConfig(Map.of("risk-level", "MEDIUM", "risk-comparison", "at-least"));
        realm.setAuthenticatorConfig(List.of(otp, risk, medium));
        realm.setBrowserFlow("ciamkit browser");
        realm.setRequiredActions(requiredActions());
    }

    private static List<RequiredActionProviderRepresentation> requiredActions() {
        RequiredActionProviderRepresentation action = new RequiredActionProviderRepresentation();
        action.setAlias("ciamkit-mobile-otp-register");
        action.setName("CIAM Kit: register mobile OTP device");
        action.setProviderId("ciamkit-mobile-otp-register");
        action.setEnabled(true);
        action.setPriority(70);
        RequiredActionProviderRepresentation verifyProfile = new RequiredActionProviderRepresentation();
        verifyProfile.setAlias("VERIFY_PROFILE");
        verifyProfile.setName("Verify Profile");
        verifyProfile.setProviderId("VERIFY_PROFILE");
        verifyProfile.setEnabled(true);
        verifyProfile.setPriority(100);
        return List.of(action, verifyProfile);
    }

    /** The same flow as the demo realm's "ciamkit pin-otp": username, then PIN and mobile OTP on one page. */
    private static void pinOtpFlow(RealmRepresentation realm) {
        AuthenticationFlowRepresentation top = cookieOr("ciamkit pin-otp", "ciamkit pin-otp forms");
        AuthenticationFlowRepresentation forms = flow(
                "ciamkit pin-otp forms",
                false,
                List.of(
                        execution("auth-username-form", null, "REQUIRED", 10, null),
                        execution("ciamkit-pin-otp", null, "REQUIRED", 20, "ciamkit pin otp")));
        realm.setAuthenticationFlows(List.of(top, forms));
        AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
        config.setAlias("ciamkit pin otp");
        config.setConfig(Map.of("pin-max-failures", "5", "otp-window", "1", "otp-device-max-failures", "5"));
        realm.setAuthenticatorConfig(List.of(config));
        realm.setBrowserFlow("ciamkit pin-otp");
        realm.setRequiredActions(requiredActions());
    }

    /** A top-level flow: Keycloak's SSO cookie, or else the forms of a sub-flow. */
    private static AuthenticationFlowRepresentation cookieOr(String alias, String forms) {
        return flow(
                alias,
                true,
                List.of(
                        execution("auth-cookie", null, "ALTERNATIVE", 10, null),
                        execution(null, forms, "ALTERNATIVE", 20, null)));
    }

    private static AuthenticationFlowRepresentation flow(
            String alias, boolean topLevel, List<AuthenticationExecutionExportRepresentation> executions) {
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(alias);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(topLevel);
        flow.setBuiltIn(false);
        flow.setAuthenticationExecutions(executions);
        return flow;
    }

    private static AuthenticationExecutionExportRepresentation execution(
            String authenticator, String subFlow, String requirement, int priority, String config) {
        AuthenticationExecutionExportRepresentation execution = new AuthenticationExecutionExportRepresentation();
        execution.setAuthenticator(authenticator);
        execution.setFlowAlias(subFlow);
        execution.setAuthenticatorFlow(subFlow != null);
        execution.setRequirement(requirement);
        execution.setPriority(priority);
        execution.setAuthenticatorConfig(config);
        execution.setUserSetupAllowed(false);
        return execution;
    }

    private static CredentialRepresentation credential(
            org.keycloak.credential.CredentialModel model, String type, String label) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(type);
        credential.setUserLabel(label);
        credential.setSecretData(model.getSecretData());
        credential.setCredentialData(model.getCredentialData());
        credential.setCreatedDate(0L);
        return credential;
    }

    private static String randomSecret() {
        StringBuilder secret = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            secret.append(SECRET_CHARS.charAt(RANDOM.nextInt(SECRET_CHARS.length())));
        }
        return secret.toString();
    }
}
