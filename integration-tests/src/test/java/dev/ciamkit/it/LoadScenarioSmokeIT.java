package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.bench.data.BenchRealms;
import dev.ciamkit.bench.load.LoginSimulation;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.KeycloakServerExtension.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/**
 * A few iterations of every load scenario of bench/ (stock login, CIAM Kit login with password + OTP and with PIN +
 * OTP, client credentials) against the assembled server, so the scenarios never rot. No numbers are asserted: only
 * that every request succeeded.
 */
@ExtendWith(KeycloakServerExtension.class)
class LoadScenarioSmokeIT {

    private static final List<String> REALMS =
            List.of("bench-stock", "bench-ciamkit", "bench-ciamkit-pin", "bench-ciamkit-risk");
    private static final List<String> SCENARIOS = List.of("otp", "pin-otp", "risk");
    private static final Map<String, String> SMOKE = Map.of(
            "bench.concurrency", "2",
            "bench.warmupSeconds", "0",
            "bench.phaseSeconds", "2",
            "bench.rounds", "1",
            "bench.failOnErrors", "true");

    @Test
    void every_load_scenario_runs_without_errors() throws Exception {
        Path realms = Path.of(System.getProperty("ciamkit.bench.smoke.dir"));
        try (Keycloak admin = Admin.client()) {
            SMOKE.forEach(System::setProperty);
            System.setProperty("bench.dataDir", realms.toString());
            try {
                for (String scenario : SCENARIOS) {
                    // Fresh realms (new credential ids) and the feeders from their first user for each scenario: a
                    // realm's 60 users then never come round again within the 90 s Keycloak keeps a used code, which
                    // on a fast machine three scenarios against the same stock realm did (the stock logins failed as
                    // replays).
                    List<String> used = List.of(
                            BenchRealms.STOCK, BenchRealms.Scenario.of(scenario).realm());
                    for (String realm : used) {
                        create(admin, realms, realm);
                    }
                    Files.deleteIfExists(realms.resolve("feeder-positions.properties"));
                    System.setProperty("bench.scenario", scenario);
                    int exit = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                        "--simulation", LoginSimulation.class.getName(),
                        "--results-folder",
                                TestPaths.outputDir().resolve("gatling-smoke").toString(),
                        "--no-reports"
                    });

                    assertThat(exit)
                            .as("Gatling exit code of scenario " + scenario + " (non-zero when a request failed)")
                            .isZero();
                    for (String realm : used) {
                        AdminApi.deleteRealm(admin, realm);
                    }
                }
            } finally {
                SMOKE.keySet().forEach(System::clearProperty);
                System.clearProperty("bench.dataDir");
                System.clearProperty("bench.scenario");
                for (String realm : REALMS) {
                    AdminApi.deleteRealm(admin, realm);
                }
            }
        }
    }

    private static void create(Keycloak admin, Path realms, String realm) throws Exception {
        AdminApi.deleteRealm(admin, realm);
        String json = Files.readString(realms.resolve(realm + "-realm.json"));
        assertThat(AdminApi.createRealm(admin, json).statusCode())
                .as("create " + realm)
                .isEqualTo(201);
        String users = Files.readString(realms.resolve(realm + "-users-0.json"));
        assertThat(AdminApi.partialImport(admin, realm, users).statusCode())
                .as("users of " + realm)
                .isEqualTo(200);
    }
}
