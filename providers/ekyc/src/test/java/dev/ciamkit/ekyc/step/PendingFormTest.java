package dev.ciamkit.ekyc.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;

class PendingFormTest {

    private AuthNotes login;

    @BeforeEach
    void login() {
        login = new AuthNotes();
    }

    @Nested
    class PageTokens {
        @Test
        void the_token_of_the_page_last_rendered_is_accepted_once() {
            String token = PendingForm.newToken(login.authSession);

            assertThat(PendingForm.spendToken(login.authSession, token)).isTrue();
            assertThat(PendingForm.spendToken(login.authSession, token)).isFalse();
            assertThat(login.notes).doesNotContainKey(PendingForm.TOKEN_NOTE);
        }

        @Test
        void a_new_page_replaces_the_token_of_the_one_before() {
            String old = PendingForm.newToken(login.authSession);
            String current = PendingForm.newToken(login.authSession);

            assertThat(current).isNotEqualTo(old);
            assertThat(PendingForm.spendToken(login.authSession, old)).isFalse();
            assertThat(PendingForm.spendToken(login.authSession, current)).isTrue();
        }

        @Test
        void a_wrong_token_is_refused_and_does_not_spend_the_right_one() {
            String token = PendingForm.newToken(login.authSession);

            assertThat(PendingForm.spendToken(login.authSession, token + "x")).isFalse();
            assertThat(PendingForm.spendToken(login.authSession, token.substring(1)))
                    .isFalse();
            assertThat(PendingForm.spendToken(login.authSession, "")).isFalse();
            assertThat(PendingForm.spendToken(login.authSession, token)).isTrue();
        }

        @Test
        void a_missing_token_is_refused() {
            PendingForm.newToken(login.authSession);

            assertThat(PendingForm.spendToken(login.authSession, null)).isFalse();
        }

        @Test
        void no_page_rendered_refuses_every_token() {
            assertThat(PendingForm.spendToken(login.authSession, "anything")).isFalse();
            assertThat(PendingForm.spendToken(login.authSession, null)).isFalse();
        }

        @Test
        void a_token_with_characters_outside_ascii_is_refused() {
            String token = PendingForm.newToken(login.authSession);

            assertThat(PendingForm.spendToken(login.authSession, "가" + token.substring(1)))
                    .isFalse();
        }

        @Test
        void tokens_are_long_and_url_safe() {
            assertThat(PendingForm.newToken(login.authSession)).matches("[A-Za-z0-9_-]{32}");
        }
    }

    @Nested
    class KeepAndTake {
        private final EnvelopeProvider envelope = spy(new IdentityEnvelope());
        private final KeycloakSession session = mock(KeycloakSession.class);

        @BeforeEach
        void envelope() {
            given(session.getProvider(EnvelopeProvider.class)).willReturn(envelope);
        }

        private final PendingForm form = new PendingForm(
                Map.of(EkycPages.FIELD_FAMILY_NAME, "홍", EkycPages.FIELD_GIVEN_NAME, "길동"),
                Map.of(EkycPages.FIELD_SELFIE, Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})));

        @Test
        void a_kept_form_is_taken_back_equal() {
            form.keep(session, login.authSession);

            PendingForm taken = PendingForm.take(session, login.authSession).orElseThrow();

            assertThat(taken).isEqualTo(form);
            assertThat(taken.file(EkycPages.FIELD_SELFIE))
                    .hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
            assertThat(taken.file(EkycPages.FIELD_ID_IMAGE)).isEmpty();
        }

        @Test
        void the_form_is_kept_sealed_not_in_plaintext() {
            form.keep(session, login.authSession);

            String note = login.notes.get(PendingForm.NOTE);
            assertThat(note).startsWith("id.").doesNotContain("홍");
            org.mockito.Mockito.verify(envelope)
                    .seal(any(), org.mockito.ArgumentMatchers.eq("ciamkit.ekyc.pending:root-1:tab-1:"));
        }

        @Test
        void taking_removes_the_note_so_a_form_is_read_once() {
            form.keep(session, login.authSession);

            assertThat(PendingForm.take(session, login.authSession)).isPresent();
            assertThat(login.notes).doesNotContainKey(PendingForm.NOTE);
            assertThat(PendingForm.take(session, login.authSession)).isEmpty();
        }

        @Test
        void a_second_form_replaces_one_not_read_yet() {
            form.keep(session, login.authSession);
            PendingForm second = new PendingForm(Map.of(EkycPages.FIELD_GIVEN_NAME, "길순"), Map.of());
            second.keep(session, login.authSession);

            assertThat(PendingForm.take(session, login.authSession)).contains(second);
        }

        @Test
        void no_form_kept_reads_empty() {
            assertThat(PendingForm.take(session, login.authSession)).isEmpty();
        }

        @Test
        void a_note_that_does_not_open_reads_empty_and_is_removed() {
            form.keep(session, login.authSession);
            willThrow(new IllegalStateException("key rotated out"))
                    .given(envelope)
                    .open(anyString(), anyString());

            assertThat(PendingForm.take(session, login.authSession)).isEmpty();
            assertThat(login.notes).doesNotContainKey(PendingForm.NOTE);
        }

        @Test
        void a_note_sealed_for_another_login_reads_empty() {
            form.keep(session, login.authSession);
            AuthNotes other = new AuthNotes("root-2", "tab-1");
            other.notes.put(PendingForm.NOTE, login.notes.get(PendingForm.NOTE));

            assertThat(PendingForm.take(session, other.authSession)).isEmpty();
        }

        @Test
        void a_note_that_opens_to_something_else_reads_empty() {
            login.notes.put(
                    PendingForm.NOTE,
                    envelope.seal("[1,2]".getBytes(StandardCharsets.UTF_8), "ciamkit.ekyc.pending:root-1:tab-1:"));

            assertThat(PendingForm.take(session, login.authSession)).isEmpty();
        }

        @Test
        void the_form_cannot_be_changed_after_it_was_made() {
            java.util.HashMap<String, String> fields = new java.util.HashMap<>(Map.of("a", "b"));
            PendingForm made = new PendingForm(fields, Map.of());
            fields.put("c", "d");

            assertThat(made.fields()).containsOnlyKeys("a");
        }
    }

    @Nested
    class ReturnUrl {
        @Test
        void is_read_from_the_login() {
            login.notes.put(PendingForm.RETURN_NOTE, "https://id.example/realms/r/login-actions/x");

            assertThat(PendingForm.returnUrl(login.authSession))
                    .contains("https://id.example/realms/r/login-actions/x");
        }

        @Test
        void is_absent_before_a_page_was_rendered() {
            assertThat(PendingForm.returnUrl(login.authSession)).isEmpty();
        }
    }
}
