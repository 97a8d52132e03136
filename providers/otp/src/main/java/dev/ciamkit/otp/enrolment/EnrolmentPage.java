package dev.ciamkit.otp.enrolment;

import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;

/** What the enrolment page shows: QR, grouped text key, the policy, the apps that support it, the SMS option. */
final class EnrolmentPage {

    private final RequiredActionContext context;
    private final EnrolmentConfig config;
    private final PendingEnrolment pending;

    EnrolmentPage(RequiredActionContext context, EnrolmentConfig config, PendingEnrolment pending) {
        this.context = context;
        this.config = config;
        this.pending = pending;
    }

    Response render(LoginFormsProvider form) {
        UserModel user = context.getUser();
        String issuer = issuer(context, config);
        String uri = OtpAuthUri.of(issuer, user.getUsername(), pending.seed, pending.policy);
        boolean hasDevice = user.credentialManager()
                .getStoredCredentialsByTypeStream(MobileOtpCredentialModel.TYPE)
                .findAny()
                .isPresent();
        return form.setAttribute("ciamkitQr", QrCodes.pngDataUri(uri))
                .setAttribute("ciamkitKey", OtpAuthUri.grouped(OtpAuthUri.base32(pending.seed)))
                .setAttribute("ciamkitPolicyType", pending.policy.type().name())
                .setAttribute(
                        "ciamkitPolicyAlgorithm", pending.policy.algorithm().name())
                .setAttribute("ciamkitPolicyDigits", pending.policy.digits())
                .setAttribute("ciamkitPolicyPeriod", pending.policy.period())
                .setAttribute("ciamkitMicrosoftCompatible", pending.policy.microsoftAuthenticatorCompatible())
                .setAttribute("ciamkitSmsAvailable", SmsLinkSender.available(user, config))
                .setAttribute("ciamkitLabelRequired", hasDevice)
                .createForm(MobileOtpEnrolmentAction.TEMPLATE);
    }

    static String issuer(RequiredActionContext context, EnrolmentConfig config) {
        String realmName = context.getRealm().getDisplayName();
        return config.issuer(
                realmName == null || realmName.isBlank() ? context.getRealm().getName() : realmName);
    }
}
