package dev.ciamkit.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.ciamkit.common.metrics.FactorMetrics.Factor;
import dev.ciamkit.common.metrics.FactorMetrics.Outcome;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

class FactorMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FactorMetrics metrics = new FactorMetrics(registry);

    @Test
    void counts_each_outcome_per_factor_and_realm() {
        KeycloakSession session = sessionOf("bank");
        metrics.record(Factor.MOBILE_OTP, Outcome.SUCCESS, session, FactorMetrics.start());
        metrics.record(Factor.MOBILE_OTP, Outcome.SUCCESS, session, FactorMetrics.start());
        metrics.record(Factor.MOBILE_OTP, Outcome.REPLAYED, session, FactorMetrics.start());
        metrics.record(Factor.PIN, Outcome.LOCKED, session, FactorMetrics.start());

        assertThat(count("mobile_otp", "success", "bank")).isEqualTo(2);
        assertThat(count("mobile_otp", "replayed", "bank")).isEqualTo(1);
        assertThat(count("pin", "locked", "bank")).isEqualTo(1);
        assertThat(registry.find(FactorMetrics.ATTEMPTS)
                        .tag("factor", "sms_otp")
                        .counter())
                .isNull();
    }

    @Test
    void times_each_verification_per_factor_in_fixed_buckets() {
        long start = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(30);
        metrics.record(Factor.SMS_OTP, Outcome.INVALID, sessionOf("bank"), start);

        Timer timer = registry.get(FactorMetrics.VERIFICATION)
                .tags("factor", "sms_otp")
                .timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(30);
        CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
        assertThat(buckets).hasSize(Meters.LATENCY_BUCKETS.length);
        // 30 ms and more: not in the buckets up to 25 ms, in every one from 50 ms up (or above 10 s on a stalled box)
        assertThat(Arrays.stream(buckets).filter(b -> b.bucket(TimeUnit.MILLISECONDS) <= 25))
                .allSatisfy(b -> assertThat(b.count()).isZero());
    }

    @Test
    void labels_are_the_factor_the_outcome_and_the_realm_and_nothing_else() {
        metrics.record(Factor.EKYC, Outcome.ERROR, sessionOf("bank"), FactorMetrics.start());

        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags())
                    .extracting(tag -> tag.getKey())
                    // "le": a bucket's bound, from the fixed set
                    .isSubsetOf("factor", "outcome", "realm", "le");
        }
        assertThat(registry.get(FactorMetrics.VERIFICATION).timer().getId().getTag("realm"))
                .as("latency is the server's, per factor: no realm multiplies its buckets")
                .isNull();
    }

    @Test
    void label_values_are_lower_case_names() {
        assertThat(Arrays.stream(Factor.values()).map(Factor::tag))
                .containsExactly("mobile_otp", "pin", "sms_otp", "transaction_signing", "ekyc");
        assertThat(Outcome.NOT_SET.tag()).isEqualTo("not_set");
    }

    @Test
    void a_session_without_a_realm_is_labelled_none() {
        metrics.record(Factor.PIN, Outcome.SUCCESS, mock(KeycloakSession.class), FactorMetrics.start());
        metrics.record(Factor.PIN, Outcome.SUCCESS, null, FactorMetrics.start());

        assertThat(count("pin", "success", FactorMetrics.NO_REALM)).isEqualTo(2);
    }

    @Test
    void a_registry_that_refuses_never_reaches_the_caller() {
        KeycloakSession broken = mock(KeycloakSession.class);
        given(broken.getContext()).willThrow(new IllegalStateException("no context"));

        assertThatNoException()
                .isThrownBy(() -> metrics.record(Factor.PIN, Outcome.SUCCESS, broken, FactorMetrics.start()));
        assertThat(registry.getMeters()).isEmpty();
    }

    private double count(String factor, String outcome, String realm) {
        return registry.get(FactorMetrics.ATTEMPTS)
                .tags("factor", factor, "outcome", outcome, "realm", realm)
                .counter()
                .count();
    }

    private static KeycloakSession sessionOf(String realmName) {
        KeycloakSession session = mock(KeycloakSession.class);
        KeycloakContext context = mock(KeycloakContext.class);
        RealmModel realm = mock(RealmModel.class);
        given(session.getContext()).willReturn(context);
        given(context.getRealm()).willReturn(realm);
        given(realm.getName()).willReturn(realmName);
        return session;
    }
}
