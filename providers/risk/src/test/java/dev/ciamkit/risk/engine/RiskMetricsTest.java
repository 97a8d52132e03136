package dev.ciamkit.risk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.RiskSignalFactory;
import dev.ciamkit.risk.spi.SignalResult;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

class RiskMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void listen() {
        // the engine records on Keycloak's (global) registry; a simple registry added to it sees every meter
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void stopListening() {
        Metrics.removeRegistry(registry);
        Metrics.globalRegistry.clear();
    }

    @Test
    void an_assessment_is_timed_and_each_signal_counted_by_its_factory_id_and_state() {
        KeycloakSession session = sessionWith(
                signal("device", input -> SignalResult.fired("whatever-the-signal-wrote", 40, "new_device")),
                signal("time", input -> {
                    throw new IllegalStateException("broken signal");
                }));

        RiskEngine.assess(input(session, RiskPhase.LOGIN));

        assertThat(registry.get(RiskMetrics.EVALUATION)
                        .tag("phase", "login")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(RiskMetrics.SIGNALS)
                        .tags("signal", "device", "state", "fired")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(RiskMetrics.SIGNALS)
                        .tags("signal", "time", "state", "unknown")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.find(RiskMetrics.SIGNALS)
                        .tag("signal", "whatever-the-signal-wrote")
                        .counter())
                .as("a label value comes from the deployed factory, not from what a signal returns")
                .isNull();
    }

    @Test
    void an_engine_that_fails_is_still_timed() {
        KeycloakSession session = mock(KeycloakSession.class);
        given(session.getKeycloakSessionFactory()).willThrow(new IllegalStateException("no factory"));

        RiskAssessment assessment = RiskEngine.assess(input(session, RiskPhase.REFRESH));

        assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(registry.get(RiskMetrics.EVALUATION)
                        .tag("phase", "refresh")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void a_decided_level_is_counted_by_phase_level_and_realm() {
        RealmModel realm = mock(RealmModel.class);
        given(realm.getName()).willReturn("bank");

        RiskMetrics.global().decided(RiskPhase.LOGIN, realm, RiskLevel.VERY_HIGH);
        RiskMetrics.global().decided(RiskPhase.LOGIN, null, RiskLevel.LOW);

        assertThat(registry.get(RiskMetrics.LEVELS)
                        .tags("phase", "login", "level", "very_high", "realm", "bank")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(RiskMetrics.LEVELS)
                        .tags("level", "low", "realm", "none")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    private static RiskInput input(KeycloakSession session, RiskPhase phase) {
        return new RiskInput(
                session, null, null, phase, "192.0.2.1", "agent", null, null, null, Map.of(), Instant.now());
    }

    private record Signal(String id, RiskSignalFactory factory, RiskSignal signal) {}

    private static Signal signal(String id, RiskSignal signal) {
        RiskSignalFactory factory = mock(RiskSignalFactory.class);
        given(factory.getId()).willReturn(id);
        given(factory.defaultWeight()).willReturn(50);
        given(factory.usefulAtRefresh()).willReturn(true);
        return new Signal(id, factory, signal);
    }

    private static KeycloakSession sessionWith(Signal... signals) {
        KeycloakSession session = mock(KeycloakSession.class);
        KeycloakSessionFactory factories = mock(KeycloakSessionFactory.class);
        given(session.getKeycloakSessionFactory()).willReturn(factories);
        given(factories.getProviderFactoriesStream(RiskSignal.class))
                .willAnswer(call -> Stream.of(signals).map(Signal::factory));
        for (Signal s : signals) {
            given(session.getProvider(RiskSignal.class, s.id())).willReturn(s.signal());
        }
        return session;
    }
}
