package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.ekyc.sandbox.SandboxConfig;
import dev.ciamkit.ekyc.sandbox.TestImages;
import dev.ciamkit.it.pages.EkycPage;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.EkycGateway;
import dev.ciamkit.it.support.EkycJourney;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/**
 * Two users verify with one ID number at the same moment, in two browsers that send their selfies together, so both
 * confirm checks wait for the gateway side by side and store their records within moments of each other. Whichever way
 * the two requests interleave, the record that commits first cannot see the other at its write: only the vault's
 * re-check after the commit flags it. Both records end flagged for review; with the re-check taken out this test failed
 * (the first record unflagged). It does not prove that a given run interleaved; the vault's unit tests hold the
 * re-check's own order. Sequential duplicates are {@link EkycVaultIT}'s. The realm is this class's own, so no earlier
 * record of the number exists.
 */
@ExtendWith(KeycloakServerExtension.class)
class EkycDuplicateRaceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Keycloak admin;
    private static TestRealm realm;

    @BeforeAll
    static void start() throws Exception {
        admin = Admin.client();
        realm = TestRealm.create(admin, "ekyc-race", TestRealm::passwordOnlyBrowserFlow);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            EkycGateway.sandbox().reset();
            realm.close();
        } finally {
            admin.close();
        }
    }

    /** Up to the confirm page with Kim's ID, then waits for the other browser before sending the selfie. */
    private static int verifyAsKim(TestUser user, CyclicBarrier together) throws Exception {
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = EkycJourney.startVerification(browser, realm, user);
            new EkycPage.IdPage(browser).send(EkycGateway.image(TestImages.ID_KIM));
            EkycPage.ConfirmPage confirm = new EkycPage.ConfirmPage(browser);
            together.await(60, TimeUnit.SECONDS);
            confirm.verifyWithSelfie(EkycGateway.image(TestImages.SELFIE_KIM));
            return journey.finish().status();
        }
    }

    @Test
    void two_users_verifying_one_id_number_at_the_same_moment_are_both_flagged_for_review() throws Exception {
        List<TestUser> users = List.of(realm.createUser("ekyc-race-a"), realm.createUser("ekyc-race-b"));
        // each confirm check waits this long for the authority and the face match, so the two are in flight together
        // and store their records within moments of each other
        EkycGateway.sandbox().configure(SandboxConfig.defaults().withLatency(700));
        CyclicBarrier together = new CyclicBarrier(users.size());
        ExecutorService browsers = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (TestUser user : users) {
                runs.add(browsers.submit(() -> verifyAsKim(user, together)));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get(180, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            browsers.shutdownNow();
            EkycGateway.sandbox().reset();
        }

        String viewer = EkycJourney.viewerToken(KeycloakServer.BASE_URL, realm.resource(), realm.name());
        for (TestUser user : users) {
            HttpResponse<String> records =
                    AdminApi.get(realm.name(), "/ciamkit-ekyc/records?user=" + user.id(), viewer);
            assertThat(records.statusCode()).isEqualTo(200);
            JsonNode record = JSON.readTree(records.body()).get(0);
            assertThat(record.path("duplicate").asBoolean())
                    .as("%s's record is flagged: %s", user.username(), records.body())
                    .isTrue();
        }
        HttpResponse<String> duplicates = AdminApi.get(realm.name(), "/ciamkit-ekyc/duplicates", viewer);
        assertThat(duplicates.body())
                .contains(users.get(0).id())
                .contains(users.get(1).id());
    }
}
