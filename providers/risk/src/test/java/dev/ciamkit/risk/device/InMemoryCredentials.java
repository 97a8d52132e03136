package dev.ciamkit.risk.device;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;

/** A user whose credential manager keeps credentials in a list, as the store would (copies out, ids on create). */
final class InMemoryCredentials {

    final List<CredentialModel> stored = new ArrayList<>();
    final UserModel user = mock(UserModel.class);
    final SubjectCredentialManager manager = mock(SubjectCredentialManager.class);
    int updates;

    InMemoryCredentials(String userId) {
        given(user.getId()).willReturn(userId);
        given(user.credentialManager()).willReturn(manager);
        given(manager.getStoredCredentialsByTypeStream(anyString()))
                .willAnswer(i -> stored.stream()
                        .filter(c -> c.getType().equals(i.getArgument(0)))
                        .map(CredentialModel::shallowClone)
                        .toList()
                        .stream());
        given(manager.createStoredCredential(any())).willAnswer(i -> {
            CredentialModel c = i.getArgument(0);
            c.setId(UUID.randomUUID().toString());
            stored.add(c.shallowClone());
            return c;
        });
        given(manager.removeStoredCredentialById(anyString()))
                .willAnswer(i -> stored.removeIf(c -> c.getId().equals(i.getArgument(0))));
        willAnswer(i -> {
                    CredentialModel c = i.getArgument(0);
                    stored.replaceAll(s -> s.getId().equals(c.getId()) ? c.shallowClone() : s);
                    updates++;
                    return null;
                })
                .given(manager)
                .updateStoredCredential(any());
    }
}
