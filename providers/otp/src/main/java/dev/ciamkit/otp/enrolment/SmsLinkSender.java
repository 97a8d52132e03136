package dev.ciamkit.otp.enrolment;

import dev.ciamkit.common.ratelimit.SlotLimiter;
import dev.ciamkit.otp.form.OtpErrors;
import dev.ciamkit.sms.spi.SmsException;
import dev.ciamkit.sms.spi.SmsMessage;
import dev.ciamkit.sms.spi.SmsSender;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.EventType;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * Sends the one-time registration link by SMS, within {@link SmsSendLimits}; a new link revokes the previous one. The
 * message leaves the server only after the transaction commits, so a rolled-back request never texts anyone.
 */
final class SmsLinkSender {

    private static final Logger LOG = Logger.getLogger(SmsLinkSender.class);

    private final RequiredActionContext context;
    private final EnrolmentConfig config;

    SmsLinkSender(RequiredActionContext context, EnrolmentConfig config) {
        this.context = context;
        this.config = config;
    }

    static boolean available(UserModel user, EnrolmentConfig config) {
        String phone = user.getFirstAttribute(config.phoneAttribute());
        return config.smsSender() != null && phone != null && !phone.isBlank();
    }

    void send(PendingEnrolment pending) {
        UserModel user = context.getUser();
        KeycloakSession session = context.getSession();
        SmsSender sender = config.smsSender() == null ? null : session.getProvider(SmsSender.class, config.smsSender());
        if (!available(user, config) || sender == null) {
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
        SmsMessage message =
                new SmsMessage(user.getFirstAttribute(config.phoneAttribute()), text(session, user, issuer, link));
        Map<String, String> senderConfig = config.smsSenderConfig();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    sender.send(message, senderConfig);
                } catch (SmsException e) {
                    LOG.warnf("CIAM Kit: registration link SMS not sent: %s", e.getMessage());
                } catch (RuntimeException e) {
                    // After commit nothing may reach the user's response; the class name carries no number or text.
                    LOG.warnf(
                            "CIAM Kit: registration link SMS not sent: %s",
                            e.getClass().getName());
                }
            }

            @Override
            protected void rollbackImpl() {}
        });
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
