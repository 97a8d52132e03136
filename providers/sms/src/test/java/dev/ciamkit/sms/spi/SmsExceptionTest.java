package dev.ciamkit.sms.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.sms.spi.SmsException.Reason;
import org.junit.jupiter.api.Test;

class SmsExceptionTest {

    @Test
    void only_a_message_that_certainly_did_not_leave_is_provably_not_sent() {
        assertThat(failure(Reason.NOT_CONFIGURED, 0).provablyNotSent()).isTrue();
        assertThat(failure(Reason.REJECTED, 400).provablyNotSent()).isTrue();
        assertThat(failure(Reason.REJECTED, 429).provablyNotSent()).isTrue();
        assertThat(failure(Reason.REJECTED, 503).provablyNotSent()).isTrue();

        assertThat(failure(Reason.REJECTED, 500).provablyNotSent())
                .as("a 500 may come after the gateway queued the message")
                .isFalse();
        assertThat(failure(Reason.REJECTED, 504).provablyNotSent()).isFalse();
        assertThat(failure(Reason.TIMEOUT, 0).provablyNotSent()).isFalse();
        assertThat(failure(Reason.UNREACHABLE, 0).provablyNotSent()).isFalse();
    }

    @Test
    void a_refusal_after_an_attempt_that_may_have_got_through_proves_nothing() {
        SmsException later = failure(Reason.REJECTED, 400).afterUncertainAttempt();

        assertThat(later.provablyNotSent()).isFalse();
        assertThat(later.reason()).isEqualTo(Reason.REJECTED);
        assertThat(later.gatewayStatus()).isEqualTo(400);
    }

    private static SmsException failure(Reason reason, int status) {
        return new SmsException(reason, status, "test", null);
    }
}
