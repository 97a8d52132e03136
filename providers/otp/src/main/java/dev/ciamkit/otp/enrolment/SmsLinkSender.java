package dev.ciamkit.otp.enrolment;

import dev.ciamkit.common.ratelimit.SlotLimiter;
import dev.ciamkit.otp.form.OtpErrors;
import dev.ciamkit.sms.code.SmsDelivery;
import dev.ciamkit.sms.code.SmsErrors;
import dev.ciamkit.sms.phone.PhoneCredentials;
import dev.ciamkit.sms.spi.SmsException;
import dev.ciamkit.sms.spi.SmsMessage;
import dev.ciamkit.sms.spi.SmsSender;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * Sends the one-time registration link by SMS, within {@link SmsSendLimits}; a new link revokes the previous one. The
 * message is sent during the request, within the sender's deadline (default 3 s), so the page says whether it left:
 * when the gateway refuses or does not answer, the link is revoked, the page says so in the user's language and offers
 * a retry and the QR code, and the event records the {@code ciamkit_sms_*} error with the gateway's status (never the
 * number or the text).
 */
final class SmsLinkSender {

    private final RequiredActionContext context;
    private final EnrolmentConfig config;

    SmsLinkSender(RequiredActionContext context, EnrolmentConfig config) {
        this.context = context;
        this.config = config;
    }

    /** Whether a link can be texted: a sender is configured and the user has a bound phone (never a profile field). */
    static boolean available(UserModel user, EnrolmentConfig config) {
        return config.smsSender() != null && PhoneCredentials.stored(user).isPresent();
    }

    void send(PendingEnrolment pending) {
        UserModel user = context.getUser();
        KeycloakSession session = context.getSession();
        SmsSender sender = config.smsSender() == null ? null : session.getProvider(SmsSender.class, config.smsSender());
        String number = PhoneCredentials.number(session, user).orElse(null);
        if (number == null || sender == null) {
            context.getEvent()
                    .clone()
                    .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                    .error(OtpErrors.SMS_NOT_SENT);
            context.challenge(new EnrolmentPage(context, config, pending)
                    .render(MobileOtpEnrolmentAction.form(context, "sms", "ciamkitOtpSmsUnavailable")));
            return;
        }
        SlotLimiter.Decision allowed = SmsSendLimits.acquire(context, config);
        if (!allowed.allowed()) {
            context.getEvent()
                    .clone()
                    .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                    .detail("custom_required_action", MobileOtpEnrolmentActionFactory.ID)
                    .detail("ciamkit_limit", allowed.refusedBy())
                    .error(OtpErrors.SMS_RATE_LIMITED);
            context.challenge(new EnrolmentPage(context, config, pending)
                    .render(MobileOtpEnrolmentAction.form(context, "sms", "ciamkitOtpSmsRateLimited")));
            return;
        }
        String issuer = EnrolmentPage.issuer(context, config);
        String token = EnrolmentLinks.create(
                session,
                context.getAuthenticationSession(),
                new EnrolmentLinks.Link(
                        issuer, user.getUsername(), PendingEnrolment.encode(pending.policy), pending.seed),
                config.linkMinutes());
        String link = context.getUriInfo()
                .getBaseUriBuilder()
                .path("realms")
                .path(context.getRealm().getName())
                .path(EnrolmentLinkResourceFactory.ID)
                .path("enrol")
                .path(token)
                .build()
                .toString();
        SmsMessage message = new SmsMessage(number, text(session, user, issuer, link));
        // Sent now, within the sender's own deadline, so the page tells the truth.
        SmsException failure = SmsDelivery.deliver(
                session, config.smsSender(), config.smsSenderConfig(), message, "registration link SMS");
        if (failure != null) {
            EnrolmentLinks.revoke(session, context.getAuthenticationSession());
            if (failure.provablyNotSent()) {
                // The user may retry at once: the cooldown and the user's cap give their slot back; the address cap
                // keeps it (it bounds what one client can make us try). After a timeout or a dropped answer the
                // message may still arrive, so every slot stays taken.
                new SlotLimiter(session.singleUseObjects()).release(allowed, List.of("cooldown", "user"));
            }
            context.getEvent()
                    .clone()
                    .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                    .detail("custom_required_action", MobileOtpEnrolmentActionFactory.ID)
                    .detail(SmsErrors.SMS_STATUS, Integer.toString(failure.gatewayStatus()))
                    .error(failure.reason().eventError());
            context.challenge(new EnrolmentPage(context, config, pending)
                    .render(MobileOtpEnrolmentAction.form(context, "sms", "ciamkitOtpSmsNotSent")));
            return;
        }
        context.getEvent()
                .clone()
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail("custom_required_action", MobileOtpEnrolmentActionFactory.ID)
                .detail("ciamkit_otp_link", "sms")
                .success();
        context.challenge(new EnrolmentPage(context, config, pending)
                .render(context.form().setInfo("ciamkitOtpLinkSent", config.linkMinutes())));
    }

    private static String text(KeycloakSession session, UserModel user, String issuer, String link) {
        Locale locale = session.getContext().resolveLocale(user);
        try {
            Properties messages = session.theme()
                    .getTheme(Theme.Type.LOGIN)
                    .getEnhancedMessages(session.getContext().getRealm(), locale);
            String pattern = messages.getProperty("ciamkitOtpSmsText", "[{0}] Register your authenticator app: {1}");
            return new MessageFormat(pattern, locale).format(new Object[] {issuer, link});
        } catch (IOException e) {
            return "[" + issuer + "] " + link;
        }
    }
}
