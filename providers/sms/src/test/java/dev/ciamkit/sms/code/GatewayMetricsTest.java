package dev.ciamkit.sms.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

import dev.ciamkit.sms.spi.SmsException;
import dev.ciamkit.sms.spi.SmsMessage;
import dev.ciamkit.sms.spi.SmsSender;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;

/** {@link SmsDelivery#deliver} times each hand-over to the gateway, by sender and outcome. */
class GatewayMetricsTest {

    private static final SmsMessage MESSAGE = new SmsMessage("+821055550123", "code 123456");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final SmsSender sender = mock(SmsSender.class);

    @BeforeEach
    void listen() {
        Metrics.addRegistry(registry);
        given(session.getProvider(SmsSender.class, "http")).willReturn(sender);
    }

    @AfterEach
    void stopListening() {
        Metrics.removeRegistry(registry);
        Metrics.globalRegistry.clear();
    }

    @Test
    void a_text_the_gateway_took_is_sent() {
        assertThat(SmsDelivery.deliver(session, "http", Map.of(), MESSAGE, "SMS code"))
                .isNull();

        assertThat(send("http", "sent").count()).isEqualTo(1);
    }

    @Test
    void a_refusal_is_labelled_with_its_reason() throws Exception {
        willThrow(new SmsException(SmsException.Reason.REJECTED, 503, "refused", null))
                .given(sender)
                .send(any(), any());

        SmsDelivery.deliver(session, "http", Map.of(), MESSAGE, "SMS code");

        assertThat(send("http", "rejected").count()).isEqualTo(1);
    }

    @Test
    void a_sender_that_throws_anything_else_is_unreachable() throws Exception {
        willThrow(new IllegalStateException("+821055550123")).given(sender).send(any(), any());

        SmsDelivery.deliver(session, "http", Map.of(), MESSAGE, "SMS code");

        assertThat(send("http", "unreachable").count()).isEqualTo(1);
    }

    @Test
    void a_sender_that_is_not_deployed_is_labelled_none_not_with_the_configured_value() {
        SmsDelivery.deliver(session, "made-up-by-an-admin", Map.of(), MESSAGE, "SMS code");

        assertThat(send("none", "not_configured").count()).isEqualTo(1);
        assertThat(registry.find(GatewayMetrics.SEND)
                        .tag("provider", "made-up-by-an-admin")
                        .timer())
                .isNull();
    }

    private Timer send(String provider, String outcome) {
        return registry.get(GatewayMetrics.SEND)
                .tags("provider", provider, "outcome", outcome)
                .timer();
    }
}
