package dev.ciamkit.otp.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.sms.spi.SmsException;
import dev.ciamkit.sms.spi.SmsException.Reason;
import org.junit.jupiter.api.Test;

class SmsLinkSenderTest {

    @Test
    void only_a_message_that_provably_did_not_leave_gives_its_rate_limit_slots_back() {
        assertThat(SmsLinkSender.provablyNotSent(failure(Reason.NOT_CONFIGURED, 0)))
                .isTrue();
        assertThat(SmsLinkSender.provablyNotSent(failure(Reason.REJECTED, 400))).isTrue();
        assertThat(SmsLinkSender.provablyNotSent(failure(Reason.REJECTED, 429))).isTrue();
        assertThat(SmsLinkSender.provablyNotSent(failure(Reason.REJECTED, 503))).isTrue();

        assertThat(SmsLinkSender.provablyNotSent(failure(Reason.REJECTED, 500)))
                .as("a 500 may come after the gateway queued the message")
                .isFalse();
        assertThat(SmsLinkSender.provablyNotSent(failure(Reason.REJECTED, 504))).isFalse();
        assertThat(SmsLinkSender.provablyNotSent(failure(Reason.TIMEOUT, 0))).isFalse();
        assertThat(SmsLinkSender.provablyNotSent(failure(Reason.UNREACHABLE, 0)))
                .isFalse();
    }

    private static SmsException failure(Reason reason, int status) {
        return new SmsException(reason, status, "test", null);
    }
}
