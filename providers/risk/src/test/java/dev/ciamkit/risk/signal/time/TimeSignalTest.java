package dev.ciamkit.risk.signal.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.risk.profile.RiskProfile;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.SignalResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeSignalTest {

    private static final Instant MONDAY_0930 = Instant.parse("2026-11-23T09:30:00Z");
    private final TimeSignal signal = new TimeSignal();

    private static RiskProfile mondayMornings(int logins) {
        RiskProfile profile = RiskProfile.empty();
        for (int i = 0; i < logins; i++) {
            profile = profile.learn(MONDAY_0930.minus(Duration.ofDays(7L * i)), "KR", null, null);
        }
        return profile;
    }

    private SignalResult at(Instant now, RiskProfile profile) {
        return signal.evaluate(
                new RiskInput(null, null, null, RiskPhase.LOGIN, "192.0.2.1", "", null, null, profile, Map.of(), now));
    }

    @Test
    void too_few_logins_say_nothing_and_give_no_evidence() {
        SignalResult result = at(MONDAY_0930, mondayMornings(9));
        assertThat(result.state()).isEqualTo(SignalResult.State.CLEAR);
        assertThat(result.evidence()).isFalse();
    }

    @Test
    void the_usual_hour_and_its_neighbours_are_evidence() {
        assertThat(at(MONDAY_0930, mondayMornings(10)).evidence()).isTrue();
        assertThat(at(MONDAY_0930.plus(Duration.ofHours(1)), mondayMornings(10)).evidence())
                .isTrue();
    }

    @Test
    void a_sunday_night_login_of_a_monday_morning_user_fires() {
        SignalResult result = at(Instant.parse("2026-11-29T03:00:00Z"), mondayMornings(10));
        assertThat(result.fired()).isTrue();
        assertThat(result.reason()).isEqualTo("unusual_hour");
        assertThat(result.points()).isEqualTo(30);
    }
}
