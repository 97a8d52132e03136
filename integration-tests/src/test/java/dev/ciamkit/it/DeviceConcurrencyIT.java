package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ciamkit.it.pages.OtpEnrolmentPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AuthenticatorApp;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.HttpLogin;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import dev.ciamkit.otp.form.OtpErrors;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/**
 * A device's state is decided atomically: parallel requests for one device, each in its own authentication session,
 * queue on the device's row. Every wrong code counts, nothing answers 5xx, and an HOTP counter only moves forward, so
 * an HOTP code is accepted once however long after.
 */
@ExtendWith(KeycloakServerExtension.class)
class DeviceConcurrencyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARALLEL = 8;

    private static Keycloak admin;
    private static TestRealm totp;
    private static TestRealm hotp;

    @BeforeAll
    static void start() {
        admin = Admin.client();
        totp = TestRealm.create(admin, "concurrency", DeviceConcurrencyIT::farLimits);
        hotp = TestRealm.create(admin, "hotp", farLimits().andThen(DeviceConcurrencyIT::hotpEnrolment));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            totp.close();
            hotp.close();
        } finally {
            admin.close();
        }
    }

    @Test
    void parallel_wrong_codes_for_one_device_each_count_and_none_is_a_server_error(KeycloakServer server)
            throws Exception {
        TestUser user = totp.createUser("parallel");
        AuthenticatorApp phone = OtpJourney.enrolled(totp.name(), user.username());
        List<HttpLogin> logins = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            logins.add(HttpLogin.toOtpForm(totp.name(), user.username()));
        }

        List<HttpResponse<String>> responses = atOnce(logins, login -> login.submitOtp(phone.wrongCode()));

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.statusCode())
                        .as("a wrong code answers the form again, never a server error")
                        .isEqualTo(200));
        JsonNode device = JSON.readTree(totp.adminGet("/ciamkit-otp/registrations?search=" + user.username())
                        .body())
                .at("/users/0/devices/0");
        assertThat(device.get("failures").asInt()).as("failures in the report").isEqualTo(PARALLEL);
        assertThat(column(server, device.get("credentialId").asText(), "FAILURES"))
                .isEqualTo(PARALLEL);
    }

    /**
     * One right TOTP code sent eight times at once signs in once; the others are refused as used (never a server
     * error), and the one accepted writes the device's row: it clears the failures before it and moves the last step
     * forward, so no older code is accepted after it.
     */
    @Test
    void one_right_code_sent_in_parallel_signs_in_once_and_clears_the_failures_before_it(KeycloakServer server)
            throws Exception {
        TestUser user = totp.createUser("samecode");
        AuthenticatorApp phone = OtpJourney.enrolled(totp.name(), user.username());
        String credentialId = totp.devices(user).get(0).getId();
        long enrolledStep = column(server, credentialId, "LAST_STEP");
        for (int i = 0; i < 2; i++) {
            assertThat(HttpLogin.toOtpForm(totp.name(), user.username())
                            .submitOtp(phone.wrongCode())
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(column(server, credentialId, "FAILURES")).isEqualTo(2);
        List<HttpLogin> logins = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            logins.add(HttpLogin.toOtpForm(totp.name(), user.username()));
        }
        String code = phone.nextCode();

        List<HttpResponse<String>> responses = atOnce(logins, login -> login.submitOtp(code));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 302));
        assertThat(responses.stream().filter(r -> r.statusCode() == 302))
                .as("signed in with the code")
                .hasSize(1);
        assertThat(totp.events(user, "LOGIN_ERROR"))
                .filteredOn(e -> OtpErrors.REPLAYED.equals(e.getError()))
                .as("the others refused as a replay")
                .hasSize(PARALLEL - 1);
        assertThat(column(server, credentialId, "FAILURES")).isZero();
        assertThat(column(server, credentialId, "LAST_STEP"))
                .as("the last step, after %d at enrolment", enrolledStep)
                .isEqualTo(phone.lastStep());
    }

    @Test
    void an_hotp_counter_only_moves_forward_and_a_code_is_accepted_once(KeycloakServer server) throws Exception {
        TestUser user = hotp.createUser("hotp");
        AuthenticatorApp phone = enrolHotp(user);
        String credentialId = hotp.devices(user).get(0).getId();
        assertThat(column(server, credentialId, "COUNTER"))
                .as("the enrolment used counter 0")
                .isEqualTo(1);

        // Codes for counters 1 to 4 at once: the highest is accepted whatever the order, and the counter ends past it.
        List<HttpLogin> logins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            logins.add(HttpLogin.toOtpForm(hotp.name(), user.username()));
        }
        List<String> codes = List.of(phone.hotp(1), phone.hotp(2), phone.hotp(3), phone.hotp(4));
        List<HttpResponse<String>> responses =
                atOnce(logins, login -> login.submitOtp(codes.get(logins.indexOf(login))));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 302));
        assertThat(responses.get(3).statusCode()).as("the highest code").isEqualTo(302);
        assertThat(column(server, credentialId, "COUNTER")).isEqualTo(5);

        // Used or passed codes stay refused, with no replay key to rely on: the counter alone refuses them.
        for (String used : codes) {
            HttpResponse<String> again =
                    HttpLogin.toOtpForm(hotp.name(), user.username()).submitOtp(used);
            assertThat(again.statusCode()).as("code %s again", used).isEqualTo(200);
        }
        assertThat(HttpLogin.toOtpForm(hotp.name(), user.username())
                        .submitOtp(phone.hotp(5))
                        .statusCode())
                .isEqualTo(302);
        assertThat(column(server, credentialId, "COUNTER")).isEqualTo(6);
    }

    private static AuthenticatorApp enrolHotp(TestUser user) throws Exception {
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, hotp.name()).start().password(user.username());
            OtpEnrolmentPage page = new OtpEnrolmentPage(browser);
            AuthenticatorApp phone = AuthenticatorApp.scan(page.qrDataUri());
            assertThat(phone.parameters()).containsEntry("counter", "0");
            page.register(phone.hotp(0), "Phone");
            assertThat(journey.finish().status()).isEqualTo(200);
            return phone;
        }
    }

    /** Fires one request per login from its own thread, all released together. */
    private static List<HttpResponse<String>> atOnce(List<HttpLogin> logins, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(logins.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (HttpLogin login : logins) {
                Callable<HttpResponse<String>> call = () -> {
                    go.await();
                    return request.send(login);
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long column(KeycloakServer server, String credentialId, String column) throws Exception {
        try (Connection db = server.database().connect();
                PreparedStatement query =
                        db.prepareStatement("select " + column + " from CIAMKIT_OTP_DEVICE where CREDENTIAL_ID = ?")) {
            query.setString(1, credentialId);
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).as("state row of " + credentialId).isTrue();
                return result.getLong(1);
            }
        }
    }

    /**
     * The device lock out of reach of the parallel attempts, so each one must be counted on the device. Keycloak's
     * brute-force protector is off here: it refuses a user's parallel attempts itself (user_temporarily_disabled while
     * a failure is being recorded), so with it on most requests would never reach the device. Its own counting of our
     * failures is MobileOtpBruteForceIT's subject.
     */
    private static void farLimits(ObjectNode realm) {
        realm.put("bruteForceProtected", false).put("failureFactor", 30).put("permanentLockout", false);
        for (JsonNode config : realm.withArray("authenticatorConfig")) {
            if ("ciamkit mobile otp".equals(config.get("alias").asText())) {
                ((ObjectNode) config.get("config")).put("otp-device-max-failures", "20");
            }
        }
    }

    private static Consumer<ObjectNode> farLimits() {
        return DeviceConcurrencyIT::farLimits;
    }

    private static void hotpEnrolment(ObjectNode realm) {
        for (JsonNode action : realm.withArray("requiredActions")) {
            if ("ciamkit-mobile-otp-register".equals(action.get("alias").asText())) {
                ((ObjectNode) action.get("config")).put("otp-type", "HOTP");
            }
        }
    }

    @FunctionalInterface
    private interface Request {
        HttpResponse<String> send(HttpLogin login) throws Exception;
    }
}
