package dev.ciamkit.ekyc.step;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.Map;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/** A mocked login whose auth notes live in a map, as Keycloak keeps them. */
final class AuthNotes {

    final Map<String, String> notes = new HashMap<>();
    final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);

    AuthNotes(String rootId, String tabId) {
        RootAuthenticationSessionModel root = mock(RootAuthenticationSessionModel.class);
        given(root.getId()).willReturn(rootId);
        given(authSession.getParentSession()).willReturn(root);
        given(authSession.getTabId()).willReturn(tabId);
        willAnswer(i -> notes.put(i.getArgument(0), i.getArgument(1)))
                .given(authSession)
                .setAuthNote(anyString(), anyString());
        willAnswer(i -> notes.get(i.<String>getArgument(0))).given(authSession).getAuthNote(anyString());
        willAnswer(i -> notes.remove(i.<String>getArgument(0)))
                .given(authSession)
                .removeAuthNote(anyString());
    }

    AuthNotes() {
        this("root-1", "tab-1");
    }
}
