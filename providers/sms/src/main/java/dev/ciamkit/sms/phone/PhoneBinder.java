package dev.ciamkit.sms.phone;

import dev.ciamkit.sms.code.SmsDelivery;
import dev.ciamkit.sms.spi.SmsMessage;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Replaces a user's phone binding with a verified number, and tells the old number after commit: a notice, unlike a
 * code, is only sent once the change is certain, and never fails the change.
 */
final class PhoneBinder {

    private final KeycloakSession session;
    private final UserModel user;
    private final PhoneRegisterConfig config;

    PhoneBinder(KeycloakSession session, UserModel user, PhoneRegisterConfig config) {
        this.session = session;
        this.user = user;
        this.config = config;
    }

    void bind(String e164) {
        Optional<String> previous = PhoneCredentials.number(session, user);
        PhoneCredentials.stored(user)
                .ifPresent(old -> user.credentialManager().removeStoredCredentialById(old.getId()));
        user.credentialManager()
                .createStoredCredential(PhoneCredentials.create(
                        session, user, e164, PhoneNumbers.masked(e164, config.defaultRegion())));
        previous.filter(old -> !old.equals(e164)).ifPresent(this::noticeAfterCommit);
    }

    private void noticeAfterCommit(String oldNumber) {
        String text = SmsDelivery.text(
                session,
                user,
                "ciamkitPhoneChangedText",
                "[{0}] The phone number of your account was changed. If this was not you, contact us at once.");
        String sender = config.codes().sender();
        Map<String, String> senderConfig = config.codes().senderConfig();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                SmsDelivery.deliver(
                        session, sender, senderConfig, new SmsMessage(oldNumber, text), "phone change notice");
            }

            @Override
            protected void rollbackImpl() {}
        });
    }
}
