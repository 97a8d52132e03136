package dev.ciamkit.ekyc.credential;

import dev.ciamkit.ekyc.vault.jpa.VaultStore;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * Global listener {@value #ID} (every realm, nothing to enable): when a user or an admin deletes an eKYC credential,
 * the record it held is withdrawn in the same transaction (its images and sealed names and birth date deleted). When
 * the user removal itself removes a user, the user's records are withdrawn too. Whatever path no event reaches, the
 * vault treats a record whose credential is gone as withdrawn, and the retention purge withdraws it.
 */
public final class EkycWithdrawalListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "ciamkit-ekyc-withdrawal";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
                Withdrawal.of(event).ifPresent(w -> withdraw(session, w));
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
                Withdrawal.of(event).ifPresent(w -> withdraw(session, w));
            }

            @Override
            public void close() {}
        };
    }

    static void withdraw(KeycloakSession session, Withdrawal withdrawal) {
        VaultStore store = VaultStore.of(session);
        long now = Time.currentTimeMillis();
        Optional<String> credential = withdrawal.credentialId();
        if (credential.isPresent()) {
            store.withdrawCredential(withdrawal.realmId(), withdrawal.userId(), credential.get(), now);
        } else {
            // the type without the id: the user has no eKYC credential any more (one per user)
            store.withdrawUser(withdrawal.realmId(), withdrawal.userId(), now);
        }
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                VaultStore.of(removed.getKeycloakSession())
                        .withdrawUser(
                                removed.getRealm().getId(), removed.getUser().getId(), Time.currentTimeMillis());
            }
        });
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {}
}
