package dev.ciamkit.bench.data;

import dev.ciamkit.common.crypto.Envelope;
import dev.ciamkit.common.crypto.KeyFile;
import dev.ciamkit.otp.credential.DeviceData;
import dev.ciamkit.otp.credential.DeviceHistory;
import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import dev.ciamkit.otp.engine.DeviceState;
import dev.ciamkit.otp.engine.OtpPolicy;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code bench-stock}, our seed sealed with the server's key file in {@code bench-ciamkit}). Also writes one CSV per
 * realm ({@code username,seedHex}) for the load generator to compute codes.
 *
 * <p>Usage: {@code BenchRealms <users> <key file> <output dir>}
 */
public final class BenchRealms {

    public static final String STOCK = "bench-stock";
    public static final String CIAMKIT = "bench-ciamkit";
    public static final String APP = "bench-app";
    public static final String API = "bench-api";
    public static final String API_SECRET = "bench-api-secret";
    public static final String PASSWORD = "Bench-password-2026";
    public static final String REDIRECT_URI = "http://localhost:8765/callback";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private BenchRealms() {}

    public static void main(String[] args) throws IOException {
        write(Integer.parseInt(args[0]), Path.of(args[1]), Path.of(args[2]));
    }

    /**
     * Writes {@code <realm>-realm.json}, {@code <realm>-users-<n>.json} (chunks of {@value #CHUNK} users, the layout
     * {@code kc.sh import --dir} reads) and {@code <realm>-users.csv} for both realms into {@code out}. Users are
     * streamed chunk by chunk, so a million of them need no more memory than one chunk.
     */
    public static void write(int users, Path keyFile, Path out) throws IOException {
        Files.createDirectories(out);
        // One hash for all users: each login still pays the full Argon2 verification.
        PasswordCredentialModel password = new Argon2PasswordHashProvider("1.3", "id", 32, 7168, 5, 1, new Semaphore(1))
                .encodedCredential(PASSWORD, 5);
        Envelope envelope = KeyFile.load(keyFile).envelope(RANDOM);
        writeRealm(STOCK, users, password, null, out);
        writeRealm(CIAMKIT, users, password, envelope, out);
    }

    public static final int CHUNK = 5000;

    private static void writeRealm(
            String name, int users, PasswordCredentialModel password, Envelope envelope, Path out) throws IOException {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        realm.setSslRequired("none");
        realm.setBruteForceProtected(true);
        realm.setFailureFactor(30);
        realm.setClients(clients(name));
        if (envelope != null) {
            ciamkitFlow(realm);
        }
        Files.writeString(out.resolve(name + "-realm.json"), JsonSerialization.writeValueAsString(realm));
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve(name + "-users.csv")))) {
            csv.println("username,seedHex");
            for (int first = 0, chunk = 0; first < users; first += CHUNK, chunk++) {
                RealmRepresentation part = new RealmRepresentation();
                part.setRealm(name);
                List<UserRepresentation> list = new ArrayList<>();
                for (int i = first; i < Math.min(users, first + CHUNK); i++) {
                    list.add(user(name, i, password, envelope, csv));
                }
                part.setUsers(list);
                Files.writeString(
                        out.resolve(name + "-users-" + chunk + ".json"), JsonSerialization.writeValueAsString(part));
            }
        }
    }

    private static UserRepresentation user(
            String realm, int i, PasswordCredentialModel password, Envelope envelope, PrintWriter csv) {
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
        CredentialRepresentation otp;
        if (envelope == null) {
            String secret = randomSecret();
            seed = secret.getBytes(StandardCharsets.UTF_8);
            otp = credential(OTPCredentialModel.createTOTP(secret, 6, 30, "HmacSHA1"), "otp", "Phone");
        } else {
            seed = new byte[20];
            RANDOM.nextBytes(seed);
            String deviceId = UUID.randomUUID().toString();
            String sealed = envelope.seal(seed, MobileOtpCredentialModel.seedContext(user.getId(), deviceId));
            DeviceData data = DeviceData.enrolled(deviceId, OtpPolicy.DEFAULT, DeviceState.NEW, 0);
            MobileOtpCredentialModel model = MobileOtpCredentialModel.create("Phone", data, sealed, 0L);
            otp = credential(model, MobileOtpCredentialModel.TYPE, "Phone");
            // As enrolment leaves it, so the measured logins are steady-state ones, not a first login's one-off write.
            user.setAttributes(Map.of(DeviceHistory.ATTRIBUTE, List.of("true")));
        }
        user.setCredentials(List.of(credential(password, PasswordCredentialModel.TYPE, null), otp));
        csv.println(username + "," + HexFormat.of().formatHex(seed));
        return user;
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
        AuthenticationFlowRepresentation top = flow(
                "ciamkit browser",
                true,
                List.of(
                        execution("auth-cookie", null, "ALTERNATIVE", 10, null),
                        execution(null, "ciamkit browser forms", "ALTERNATIVE", 20, null)));
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
        realm.setRequiredActions(List.of(action, verifyProfile));
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
