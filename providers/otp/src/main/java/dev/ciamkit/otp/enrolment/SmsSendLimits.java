package dev.ciamkit.otp.enrolment;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.common.ratelimit.SlotLimiter;
import dev.ciamkit.common.ratelimit.SlotLimiter.Limit;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.authentication.RequiredActionContext;

/**
 * How often registration links may be texted: a resend cooldown and an hourly cap per user, and an hourly cap per
 * client address (one attacker cycling through many accounts). Slots live in Keycloak's single-use store, so the caps
 * hold across the cluster.
 */
final class SmsSendLimits {

    private SmsSendLimits() {}

    /** Takes one slot of every limit, or none; the decision names the limit that refused. */
    static SlotLimiter.Decision acquire(RequiredActionContext context, EnrolmentConfig config) {
        String realm = context.getRealm().getId();
        String user = context.getUser().getId();
        // The address is personal data: the store keeps only its peppered hash.
        String address = context.getSession()
                .getProvider(EnvelopeProvider.class)
                .hashIdentifier(
                        "otp-sms-address",
                        String.valueOf(context.getConnection().getRemoteAddr()));
        List<Limit> limits = new ArrayList<>();
        if (config.smsCooldownSeconds() > 0) {
            limits.add(new Limit("cooldown", "otp-sms:cooldown:" + realm + ":" + user, 1, config.smsCooldownSeconds()));
        }
        limits.add(new Limit(
                "user", "otp-sms:user:" + realm + ":" + user, config.smsMaxPerUser(), config.smsCapWindowSeconds()));
        limits.add(new Limit(
                "address",
                "otp-sms:address:" + realm + ":" + address,
                config.smsMaxPerAddress(),
                config.smsCapWindowSeconds()));
        return new SlotLimiter(context.getSession().singleUseObjects()).tryAcquire(limits);
    }
}
