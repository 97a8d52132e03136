package dev.ciamkit.risk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.SignalResult;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

class DeviceSignalTest {

    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    private static final String CHROME_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String FIREFOX_UA =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private static UserAgents agents;

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final InMemoryCredentials alice = new InMemoryCredentials("alice-id");
    private final DeviceSignal signal = new DeviceSignal(agents);

    @BeforeAll
    static void parser() {
        agents = UserAgents.create();
    }

    @BeforeEach
    void envelope() {
        given(session.getProvider(EnvelopeProvider.class)).willReturn(new FakeEnvelope());
    }

    private RiskInput input(UserModel user, String ua, String deviceId, Map<String, String> config) {
        return new RiskInput(
                session, realm, user, RiskPhase.LOGIN, "203.0.113.7", ua, deviceId, null, null, config, NOW);
    }

    private void known(String deviceId, Browser browser) {
        KnownDevices.remember(session, realm, alice.user, deviceId, null, browser, "KR", "Seoul", NOW, 10);
    }

    @Nested
    class Decisions {

        @Test
        void a_known_device_is_evidence() {
            known("dev-1", new Browser("Chrome", "131", "Windows"));

            SignalResult r = signal.evaluate(input(alice.user, CHROME_UA, "dev-1", Map.of()));

            assertThat(r.state()).isEqualTo(SignalResult.State.CLEAR);
            assertThat(r.evidence()).isTrue();
            assertThat(r.reason()).isEqualTo("known_device");
            assertThat(r.signal()).isEqualTo("device");
        }

        @Test
        void no_cookie_on_a_first_login_is_a_new_device_only() {
            SignalResult r = signal.evaluate(input(alice.user, CHROME_UA, null, Map.of()));

            assertThat(r.fired()).isTrue();
            assertThat(r.reason()).isEqualTo("new_device");
            assertThat(r.points()).isEqualTo(40);
        }

        @Test
        void a_new_device_of_a_known_family_is_a_new_device() {
            known("dev-1", new Browser("Chrome", "130", "Windows"));

            SignalResult r = signal.evaluate(input(alice.user, CHROME_UA, "dev-2", Map.of()));

            assertThat(r.reason()).isEqualTo("new_device");
            assertThat(r.points()).isEqualTo(40);
        }

        @Test
        void a_new_device_of_a_family_never_seen_adds_its_points() {
            known("dev-1", new Browser("Chrome", "131", "Windows"));

            SignalResult r = signal.evaluate(input(alice.user, FIREFOX_UA, "dev-2", Map.of()));

            assertThat(r.reason()).isEqualTo("new_browser_family");
            assertThat(r.points()).isEqualTo(50);
        }

        @Test
        void points_come_from_the_realm_config() {
            known("dev-1", new Browser("Chrome", "131", "Windows"));
            Map<String, String> config =
                    Map.of(DeviceSignalFactory.NEW_DEVICE_POINTS, "25", DeviceSignalFactory.NEW_BROWSER_POINTS, "30");

            assertThat(signal.evaluate(input(alice.user, FIREFOX_UA, null, config))
                            .points())
                    .isEqualTo(55);
            assertThat(signal.evaluate(input(alice.user, CHROME_UA, null, config))
                            .points())
                    .isEqualTo(25);
        }

        @Test
        void zero_family_points_turn_the_family_check_off() {
            known("dev-1", new Browser("Chrome", "131", "Windows"));
            Map<String, String> config = Map.of(DeviceSignalFactory.NEW_BROWSER_POINTS, "0");

            SignalResult r = signal.evaluate(input(alice.user, FIREFOX_UA, null, config));

            assertThat(r.reason()).isEqualTo("new_device");
            assertThat(r.points()).isEqualTo(40);
        }

        @Test
        void a_device_known_to_another_user_is_new() {
            known("dev-1", new Browser("Chrome", "131", "Windows"));
            InMemoryCredentials bob = new InMemoryCredentials("bob-id");
            bob.stored.addAll(alice.stored);

            assertThat(signal.evaluate(input(bob.user, CHROME_UA, "dev-1", Map.of()))
                            .fired())
                    .isTrue();
        }

        @Test
        void no_user_is_unknown() {
            SignalResult r = signal.evaluate(input(null, CHROME_UA, "dev-1", Map.of()));

            assertThat(r.state()).isEqualTo(SignalResult.State.UNKNOWN);
        }

        @Test
        void a_failing_store_is_unknown_not_an_exception() {
            given(alice.manager.getStoredCredentialsByTypeStream(any())).willThrow(new IllegalStateException("db"));

            SignalResult r = signal.evaluate(input(alice.user, CHROME_UA, "dev-1", Map.of()));

            assertThat(r.state()).isEqualTo(SignalResult.State.UNKNOWN);
        }
    }

    @Nested
    class Observations {

        @Test
        void reports_the_browser_it_saw_whatever_the_decision() {
            SignalResult fresh = signal.evaluate(input(alice.user, CHROME_UA, null, Map.of()));
            known("dev-1", new Browser("Chrome", "131", "Windows"));
            SignalResult known = signal.evaluate(input(alice.user, CHROME_UA, "dev-1", Map.of()));

            assertThat(fresh.observed()).isEqualTo(Map.of("browser", "Chrome 131", "os", "Windows"));
            assertThat(known.observed()).isEqualTo(fresh.observed());
            assertThat(Browser.fromObserved(known.observed())).isEqualTo(new Browser("Chrome", "131", "Windows"));
        }

        @Test
        void a_garbage_agent_is_other() {
            SignalResult r = signal.evaluate(input(alice.user, "", null, Map.of()));

            assertThat(r.observed()).isEqualTo(Map.of("browser", "Other", "os", "Other"));
        }
    }

    @Nested
    class Factory {

        private final DeviceSignalFactory factory = new DeviceSignalFactory();

        @Test
        void weighs_fully_and_skips_refreshes() {
            assertThat(factory.getId()).isEqualTo("device");
            assertThat(factory.defaultWeight()).isEqualTo(100);
            assertThat(factory.usefulAtRefresh()).isFalse();
        }

        @Test
        void shows_typed_settings_with_message_keys() {
            assertThat(factory.configProperties())
                    .extracting(ProviderConfigProperty::getName)
                    .containsExactly("device.new-device-points", "device.new-browser-points", "device.max-known");
            assertThat(factory.configProperties()).allSatisfy(p -> {
                assertThat(p.getType()).isEqualTo(ProviderConfigProperty.INTEGER_TYPE);
                assertThat(p.getLabel()).startsWith("ciamkitRiskDevice");
                assertThat(p.getHelpText()).endsWith("Help");
            });
        }

        @Test
        void bounds_the_known_devices_kept() {
            assertThat(DeviceSignalFactory.maxKnown(Map.of())).isEqualTo(10);
            assertThat(DeviceSignalFactory.maxKnown(Map.of("device.max-known", "3")))
                    .isEqualTo(3);
            assertThat(DeviceSignalFactory.maxKnown(Map.of("device.max-known", "51")))
                    .isEqualTo(10);
            assertThat(DeviceSignalFactory.maxKnown(Map.of("device.max-known", "0")))
                    .isEqualTo(10);
        }

        @Test
        void each_factory_builds_its_own_parser() {
            DeviceSignalFactory other = new DeviceSignalFactory();
            factory.init(null);
            other.init(null);

            assertThat(factory.userAgents()).isNotSameAs(other.userAgents());
        }
    }
}
