package dev.ciamkit.risk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.risk.engine.RiskScoring.Weighted;
import dev.ciamkit.risk.spi.SignalResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskScoringTest {

    private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
    private final RiskScoring defaults = RiskScoring.from(Map.of());

    @ParameterizedTest
    @CsvSource({"0,LOW", "24,LOW", "25,MEDIUM", "49,MEDIUM", "50,HIGH", "79,HIGH", "80,VERY_HIGH", "100,VERY_HIGH"})
    void levels_follow_the_default_thresholds(int score, RiskLevel level) {
        assertThat(defaults.level(score)).isEqualTo(level);
    }

    @Test
    void fired_points_count_by_weight_and_the_score_caps_at_100() {
        RiskAssessment assessment = defaults.assess(
                List.of(
                        new Weighted(SignalResult.decisive("network", 100, "deny_listed"), 100),
                        new Weighted(SignalResult.fired("device", 40, "new_device"), 50)),
                NOW);
        assertThat(assessment.score()).isEqualTo(100);
        assertThat(assessment.level()).isEqualTo(RiskLevel.VERY_HIGH);
        assertThat(assessment.reasons()).isEqualTo("network:deny_listed,device:new_device");

        RiskAssessment halved =
                defaults.assess(List.of(new Weighted(SignalResult.fired("device", 40, "new_device"), 50)), NOW);
        assertThat(halved.score()).isEqualTo(20);
    }

    @Test
    void soft_signals_alone_never_add_up_to_a_refusal() {
        RiskAssessment soft = defaults.assess(
                List.of(
                        new Weighted(SignalResult.fired("device", 50, "new_browser_family"), 100),
                        new Weighted(SignalResult.fired("velocity", 65, "user_and_address_failures"), 100),
                        new Weighted(SignalResult.fired("time", 30, "unusual_hour"), 100)),
                NOW);
        assertThat(soft.score()).isEqualTo(100);
        assertThat(soft.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(soft.reasons()).endsWith("engine:" + RiskScoring.NOT_DECISIVE);

        RiskAssessment travel = defaults.assess(
                List.of(
                        new Weighted(SignalResult.decisive("location", 60, "impossible_travel"), 100),
                        new Weighted(SignalResult.fired("device", 40, "new_device"), 100)),
                NOW);
        assertThat(travel.level()).as("impossible travel is decisive").isEqualTo(RiskLevel.VERY_HIGH);

        RiskAssessment halfWeighted = defaults.assess(
                List.of(
                        new Weighted(SignalResult.decisive("location", 60, "impossible_travel"), 50),
                        new Weighted(SignalResult.fired("device", 50, "new_browser_family"), 100),
                        new Weighted(SignalResult.fired("velocity", 35, "user_failures"), 100)),
                NOW);
        assertThat(halfWeighted.level()).as("decisive by its weighted points").isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void an_account_action_is_never_low() {
        RiskAssessment low = defaults.assess(
                List.of(
                        new Weighted(SignalResult.known("device", "known_device"), 100),
                        new Weighted(SignalResult.known("time", "usual_hour"), 100)),
                NOW);
        RiskAssessment raised = low.atLeast(RiskLevel.MEDIUM, "account_action");
        assertThat(raised.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(raised.reasons()).isEqualTo("engine:account_action");
        assertThat(raised.atLeast(RiskLevel.LOW, "x")).isSameAs(raised);
    }

    @Nested
    class Minimum_of_evidence {

        @Test
        void a_login_with_nothing_fired_but_no_history_is_not_low() {
            RiskAssessment first = defaults.assess(
                    List.of(
                            new Weighted(SignalResult.clear("device", "x"), 100),
                            new Weighted(SignalResult.clear("time", "learning"), 100)),
                    NOW);
            assertThat(first.score()).isZero();
            assertThat(first.level()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(first.reasons()).contains("engine:" + RiskAssessment.INSUFFICIENT_EVIDENCE);
        }

        @Test
        void two_results_from_the_users_history_make_it_low() {
            RiskAssessment known = defaults.assess(
                    List.of(
                            new Weighted(SignalResult.known("device", "known_device"), 100),
                            new Weighted(SignalResult.known("time", "usual_hour"), 100)),
                    NOW);
            assertThat(known.level()).isEqualTo(RiskLevel.LOW);
            assertThat(known.evidence()).isEqualTo(2);
            assertThat(known.reasons()).isEmpty();
        }

        @Test
        void zero_minimum_lets_a_quiet_first_login_be_low() {
            RiskAssessment quiet = RiskScoring.from(Map.of(RiskScoring.MIN_EVIDENCE, "0"))
                    .assess(List.of(new Weighted(SignalResult.clear("device", "x"), 100)), NOW);
            assertThat(quiet.level()).isEqualTo(RiskLevel.LOW);
        }
    }

    @Test
    void a_signal_that_cannot_tell_adds_the_unknown_points_and_no_evidence() {
        RiskAssessment blind = defaults.assess(
                List.of(
                        new Weighted(SignalResult.unknown("location", "no_location_source"), 100),
                        new Weighted(SignalResult.known("device", "known_device"), 100),
                        new Weighted(SignalResult.known("time", "usual_hour"), 100)),
                NOW);
        assertThat(blind.score()).isEqualTo(10);
        assertThat(blind.evidence()).isEqualTo(2);
        assertThat(blind.reasons()).isEqualTo("location:unknown");
    }

    @Test
    void no_signal_at_all_is_high_never_low() {
        assertThat(defaults.assess(List.of(), NOW).level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void thresholds_that_do_not_rise_fall_back_to_the_defaults() {
        RiskScoring odd = RiskScoring.from(Map.of(RiskScoring.MEDIUM_FROM, "60", RiskScoring.HIGH_FROM, "30"));
        assertThat(odd.mediumFrom()).isEqualTo(25);
        assertThat(odd.highFrom()).isEqualTo(50);
        assertThat(RiskScoring.from(Map.of(RiskScoring.MEDIUM_FROM, "banana")).mediumFrom())
                .isEqualTo(25);
    }

    @Test
    void a_result_never_carries_points_unless_fired_nor_evidence_unless_clear() {
        SignalResult unknown = new SignalResult("x", SignalResult.State.UNKNOWN, 90, "r", true, null);
        assertThat(unknown.points()).isZero();
        assertThat(unknown.evidence()).isFalse();
        assertThat(SignalResult.fired("x", 500, "r").points()).isEqualTo(100);
    }
}
