package dev.ciamkit.risk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransaction;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.mockito.ArgumentCaptor;

class NewLoginNoticeTest {

    private static final Instant WHEN = Instant.parse("2026-11-25T03:00:00Z");

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final KeycloakContext context = mock(KeycloakContext.class);
    private final KeycloakUriInfo uri = mock(KeycloakUriInfo.class);
    private final KeycloakTransactionManager transactions = mock(KeycloakTransactionManager.class);
    private final EmailTemplateProvider email = mock(EmailTemplateProvider.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel user = mock(UserModel.class);

    @BeforeEach
    void server() {
        given(session.getContext()).willReturn(context);
        given(context.getUri()).willReturn(uri);
        given(uri.getBaseUri()).willReturn(URI.create("https://login.example.com/"));
        given(session.getTransactionManager()).willReturn(transactions);
        given(session.getProvider(EmailTemplateProvider.class)).willReturn(email);
        given(email.setRealm(realm)).willReturn(email);
        given(email.setUser(user)).willReturn(email);
        given(realm.getName()).willReturn("bank");
        given(realm.getSmtpConfig()).willReturn(Map.of("host", "smtp.example.com"));
        given(user.getEmail()).willReturn("alice@example.com");
        given(user.getId()).willReturn("alice-id");
    }

    private KeycloakTransaction enlisted() {
        ArgumentCaptor<KeycloakTransaction> tx = ArgumentCaptor.forClass(KeycloakTransaction.class);
        verify(transactions).enlistAfterCompletion(tx.capture());
        return tx.getValue();
    }

    @Test
    void sends_only_after_commit() throws EmailException {
        NewLoginNotice.sendAfterCommit(session, realm, user, WHEN, "Seoul, KR", "Chrome 131 · Windows", false);
        verify(email, never()).send(anyString(), anyList(), anyString(), anyMap());

        KeycloakTransaction tx = enlisted();
        tx.begin();
        tx.commit();

        verify(email).send(eq("ciamkitNewLoginSubject"), anyList(), eq("ciamkit-new-login.ftl"), anyMap());
    }

    @Test
    void nothing_without_smtp_or_an_email() {
        given(user.getEmail()).willReturn(null);
        NewLoginNotice.sendAfterCommit(session, realm, user, WHEN, null, "Chrome", true);
        given(user.getEmail()).willReturn("alice@example.com");
        given(realm.getSmtpConfig()).willReturn(Map.of());
        NewLoginNotice.sendAfterCommit(session, realm, user, WHEN, null, "Chrome", true);

        verifyNoInteractions(transactions);
    }

    @Test
    void a_failing_mail_server_does_not_fail_the_login() throws EmailException {
        willThrow(new EmailException("refused for alice@example.com"))
                .given(email)
                .send(anyString(), anyList(), anyString(), anyMap());
        NewLoginNotice.sendAfterCommit(session, realm, user, WHEN, null, "Chrome", false);

        KeycloakTransaction tx = enlisted();
        tx.begin();
        tx.commit();
    }

    @Test
    void escapes_what_came_from_the_request_for_the_html_part() {
        Map<String, Object> a = NewLoginNotice.attributes(
                "https://login.example.com/realms/bank/account",
                WHEN,
                "<a href=\"https://evil\">x</a>",
                "Chrome\"><img src=x>",
                true);

        assertThat(a.get("placeHtml")).asString().doesNotContain("<", ">", "\"");
        assertThat(a.get("browserHtml")).asString().doesNotContain("<", ">", "\"");
        assertThat(a.get("place")).isEqualTo("<a href=\"https://evil\">x</a>");
        assertThat(a.get("reasonKey")).isEqualTo("ciamkitNewLoginReasonCountry");
        assertThat(a).containsKey("date");
    }

    @Test
    void an_unknown_place_is_left_to_the_template() {
        Map<String, Object> a = NewLoginNotice.attributes("https://x/", WHEN, " ", "Chrome", false);

        assertThat(a).doesNotContainKeys("place", "placeHtml");
        assertThat(a.get("reasonKey")).isEqualTo("ciamkitNewLoginReasonDevice");
    }

    @Test
    void links_to_the_realms_account_console() {
        assertThat(NewLoginNotice.accountUrl(session, realm))
                .isEqualTo("https://login.example.com/realms/bank/account");
        given(uri.getBaseUri()).willReturn(URI.create("https://login.example.com/auth"));
        assertThat(NewLoginNotice.accountUrl(session, realm))
                .isEqualTo("https://login.example.com/auth/realms/bank/account");
        verify(context, never()).getHttpResponse();
    }
}
