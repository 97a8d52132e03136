package dev.ciamkit.bench.micro;

import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/**
 * Events shaped like those a CIAM Kit login and an admin edit send (the details Keycloak 26.7 sets for them, with the
 * identifiers of a real server's length), for the audit benchmarks.
 */
public final class AuditEvents {

    public static final String REALM_ID = "3f7c1a52-9d0e-4b8a-a5e1-6c2d9f0b7e41";
    private static final String USER_ID = "a8d2e6f4-1b3c-4d5e-9f70-81a2b3c4d5e6";
    private static final String SESSION_ID = "5c9e7a1b-3d2f-4e6a-8b0c-d1e2f3a4b5c6";

    private AuditEvents() {}

    /** A successful browser login: what {@code LOGIN} carries after password and mobile OTP. */
    public static Event login() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("auth_method", "openid-connect");
        details.put("auth_type", "code");
        details.put("response_type", "code");
        details.put("redirect_uri", "https://app.bank.example/callback?state=8d1f2a&session_state=5c9e7a1b");
        details.put("consent", "no_consent_required");
        details.put("code_id", SESSION_ID);
        details.put("username", "kim.minsu@example.com");
        details.put("response_mode", "query");
        details.put("authSessionParentId", SESSION_ID);
        details.put("authSessionTabId", "Xk2pQ9rT1vA");
        return event(EventType.LOGIN, USER_ID, details, null);
    }

    /** The code exchange that follows it ({@code CODE_TO_TOKEN}). */
    public static Event codeToToken() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("token_id", "onrtac:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        details.put("grant_type", "authorization_code");
        details.put("refresh_token_type", "Refresh");
        details.put("scope", "openid profile email");
        details.put("refresh_token_id", "2a3b4c5d-6e7f-8091-a2b3-c4d5e6f70812");
        details.put("code_id", SESSION_ID);
        details.put("client_auth_method", "client-secret");
        return event(EventType.CODE_TO_TOKEN, USER_ID, details, null);
    }

    /** A failed login of a name no user has: what was typed is masked to its initial. */
    public static Event loginErrorUnknownUser() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("auth_method", "openid-connect");
        details.put("auth_type", "code");
        details.put("redirect_uri", "https://app.bank.example/callback");
        details.put("code_id", SESSION_ID);
        details.put("username", "lee.jiwoo@example.co.kr");
        return event(EventType.LOGIN_ERROR, null, details, "user_not_found");
    }

    /** An admin's user update (the representation is never recorded). */
    public static AdminEvent adminUpdateUser() {
        AdminEvent event = new AdminEvent();
        event.setId("9e8d7c6b-5a49-3827-1605-f4e3d2c1b0a9");
        event.setTime(System.currentTimeMillis());
        event.setRealmId(REALM_ID);
        event.setRealmName("bank");
        AuthDetails auth = new AuthDetails();
        auth.setRealmId("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0");
        auth.setClientId("c4d5e6f7-0819-2a3b-4c5d-6e7f8091a2b3");
        auth.setUserId("e6f70819-2a3b-4c5d-6e7f-8091a2b3c4d5");
        auth.setIpAddress("10.20.30.40");
        event.setAuthDetails(auth);
        event.setOperationType(OperationType.UPDATE);
        event.setResourceType(ResourceType.USER);
        event.setResourcePath("users/" + USER_ID);
        event.setRepresentation("{\"firstName\":\"Minsu\",\"email\":\"kim.minsu@example.com\"}");
        return event;
    }

    private static Event event(EventType type, String userId, Map<String, String> details, String error) {
        Event event = new Event();
        event.setId("1d2c3b4a-5e6f-7081-92a3-b4c5d6e7f809");
        event.setTime(System.currentTimeMillis());
        event.setType(type);
        event.setRealmId(REALM_ID);
        event.setRealmName("bank");
        event.setClientId("bank-web");
        event.setUserId(userId);
        event.setSessionId(userId == null ? null : SESSION_ID);
        event.setIpAddress("203.0.113.57");
        event.setError(error);
        event.setDetails(details);
        return event;
    }
}
