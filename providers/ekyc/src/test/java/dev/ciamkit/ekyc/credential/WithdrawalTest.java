package dev.ciamkit.ekyc.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

class WithdrawalTest {

    private static Event event(EventType type, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setRealmId("realm-1");
        event.setUserId("user-1");
        event.setDetails(details);
        return event;
    }

    @Nested
    class UserEvents {
        @Test
        void the_account_console_removal_of_our_type_withdraws_that_credential() {
            Event removed = event(
                    EventType.REMOVE_CREDENTIAL,
                    Map.of("credential_type", "ciamkit-ekyc", "selected_credential_id", "cred-1"));

            assertThat(Withdrawal.of(removed)).contains(new Withdrawal("realm-1", "user-1", Optional.of("cred-1")));
        }

        @Test
        void the_delete_credential_action_names_the_id_in_credential_id() {
            Event removed = event(
                    EventType.REMOVE_CREDENTIAL, Map.of("credential_type", "ciamkit-ekyc", "credential_id", "cred-2"));

            assertThat(Withdrawal.of(removed)).map(Withdrawal::credentialId).contains(Optional.of("cred-2"));
        }

        @Test
        void without_an_id_the_users_records_are_withdrawn() {
            Event removed = event(EventType.REMOVE_CREDENTIAL, Map.of("credential_type", "ciamkit-ekyc"));

            assertThat(Withdrawal.of(removed)).map(Withdrawal::credentialId).contains(Optional.empty());
        }

        @Test
        void other_types_and_other_events_withdraw_nothing() {
            assertThat(Withdrawal.of(
                            event(EventType.REMOVE_CREDENTIAL, Map.of("credential_type", "otp", "credential_id", "c"))))
                    .isEmpty();
            assertThat(Withdrawal.of(event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "ciamkit-ekyc"))))
                    .isEmpty();
            assertThat(Withdrawal.of(event(EventType.REMOVE_CREDENTIAL, null))).isEmpty();
            assertThat(Withdrawal.of((Event) null)).isEmpty();
        }
    }

    @Nested
    class AdminEvents {
        private AdminEvent admin(OperationType op, ResourceType type, String path) {
            AdminEvent event = new AdminEvent();
            event.setRealmId("realm-1");
            event.setOperationType(op);
            event.setResourceType(type);
            event.setResourcePath(path);
            return event;
        }

        @Test
        void an_admin_deleting_a_users_credential_withdraws_the_record_it_held() {
            assertThat(Withdrawal.of(admin(OperationType.DELETE, ResourceType.USER, "users/u-9/credentials/c-9")))
                    .contains(new Withdrawal("realm-1", "u-9", Optional.of("c-9")));
        }

        @Test
        void keycloak_26_7_records_the_admin_credential_deletion_as_an_action_and_it_withdraws_too() {
            assertThat(Withdrawal.of(admin(OperationType.ACTION, ResourceType.USER, "users/u-9/credentials/c-9")))
                    .contains(new Withdrawal("realm-1", "u-9", Optional.of("c-9")));
        }

        @Test
        void other_admin_events_withdraw_nothing() {
            assertThat(Withdrawal.of(admin(OperationType.UPDATE, ResourceType.USER, "users/u-9/credentials/c-9")))
                    .isEmpty();
            assertThat(Withdrawal.of(admin(OperationType.DELETE, ResourceType.USER, "users/u-9")))
                    .isEmpty();
            assertThat(Withdrawal.of(admin(OperationType.DELETE, ResourceType.CLIENT, "clients/c/credentials/x")))
                    .isEmpty();
        }
    }
}
