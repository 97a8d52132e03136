package dev.ciamkit.otp.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.ciamkit.common.crypto.CryptoException;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.otp.engine.OtpPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/** One live link per pending enrolment, and values that no longer open, on a session made of fakes. */
class LiveLinkTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, Map<String, String>> store = new HashMap<>();
    private final Map<String, String> notes = new HashMap<>();
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final AuthenticationSessionModel auth = mock(AuthenticationSessionModel.class);
    private boolean keyGone;

    @BeforeEach
    void fakes() {
        SingleUseObjectProvider singleUse = mock(SingleUseObjectProvider.class);
        doAnswer(i -> store.put(i.getArgument(0), i.getArgument(2)))
                .when(singleUse)
                .put(anyString(), org.mockito.ArgumentMatchers.anyLong(), any());
        when(singleUse.remove(anyString())).thenAnswer(i -> store.remove(i.<String>getArgument(0)));
        when(singleUse.contains(anyString())).thenAnswer(i -> store.containsKey(i.<String>getArgument(0)));
        when(session.singleUseObjects()).thenReturn(singleUse);

        // Seals by tagging the value with its context; "opens" only with the same context and while the key exists.
        EnvelopeProvider envelope = mock(EnvelopeProvider.class);
        when(envelope.seal(any(), anyString()))
                .thenAnswer(i -> "ck1.k1." + Base64.getEncoder().encodeToString(i.<byte[]>getArgument(0)) + "|"
                        + i.getArgument(1));
        when(envelope.open(anyString(), anyString())).thenAnswer(i -> {
            String[] parts = i.<String>getArgument(0).substring(7).split("\\|", 2);
            if (keyGone || !parts[1].equals(i.getArgument(1))) {
                throw new CryptoException("sealed value names key id 'k1', which is not in the key ring []");
            }
            return Base64.getDecoder().decode(parts[0]);
        });
        when(session.getProvider(EnvelopeProvider.class)).thenReturn(envelope);

        when(auth.getAuthNote(anyString())).thenAnswer(i -> notes.get(i.<String>getArgument(0)));
        doAnswer(i -> notes.put(i.getArgument(0), i.getArgument(1))).when(auth).setAuthNote(anyString(), anyString());
        doAnswer(i -> notes.remove(i.<String>getArgument(0))).when(auth).removeAuthNote(anyString());
        RootAuthenticationSessionModel root = mock(RootAuthenticationSessionModel.class);
        when(root.getId()).thenReturn("root-1");
        when(auth.getParentSession()).thenReturn(root);
        when(auth.getTabId()).thenReturn("tab-1");
    }

    private String mint() {
        return EnrolmentLinks.create(session, auth, new EnrolmentLinks.Link("Bank", "kim", "TOTP:SHA1:6:30", SEED), 5);
    }

    @Nested
    class Links {

        @Test
        void a_new_link_revokes_the_previous_one() {
            String first = mint();
            String second = mint();

            assertThat(EnrolmentLinks.exists(session, first)).isFalse();
            assertThat(EnrolmentLinks.consume(session, first)).isEmpty();
            assertThat(EnrolmentLinks.consume(session, second))
                    .hasValueSatisfying(l -> assertThat(l.seed()).isEqualTo(SEED));
        }

        @Test
        void the_server_keeps_neither_the_token_nor_the_seed_in_plain() {
            String token = mint();

            assertThat(store.keySet())
                    .singleElement()
                    .satisfies(key -> assertThat(key).startsWith("ciamkit:").doesNotContain(token));
            assertThat(notes.values()).noneMatch(v -> v.contains(token));
        }

        @Test
        void clearing_the_pending_enrolment_revokes_the_live_link() {
            PendingEnrolment.loadOrCreate(session, auth, OtpPolicy.DEFAULT);
            String token = mint();

            PendingEnrolment.clear(session, auth);

            assertThat(EnrolmentLinks.exists(session, token)).isFalse();
            assertThat(notes).isEmpty();
        }

        @Test
        void a_link_whose_seed_does_not_open_answers_like_an_expired_one() {
            String token = mint();
            keyGone = true;

            assertThat(EnrolmentLinks.consume(session, token)).isEmpty();
            assertThat(EnrolmentLinks.exists(session, token)).isFalse();
        }
    }

    @Nested
    class Pending_enrolment {

        @Test
        void keeps_its_seed_across_requests() {
            byte[] first = PendingEnrolment.loadOrCreate(session, auth, OtpPolicy.DEFAULT).seed;
            PendingEnrolment again = PendingEnrolment.loadOrCreate(session, auth, OtpPolicy.DEFAULT);

            assertThat(again.seed).isEqualTo(first);
            assertThat(again.restarted).isFalse();
        }

        @Test
        void a_seed_that_no_longer_opens_starts_over_with_a_new_one_and_kills_its_link() {
            byte[] first = PendingEnrolment.loadOrCreate(session, auth, OtpPolicy.DEFAULT).seed;
            String token = mint();
            keyGone = true;

            PendingEnrolment restarted = PendingEnrolment.loadOrCreate(session, auth, OtpPolicy.DEFAULT);

            assertThat(restarted.restarted).isTrue();
            assertThat(restarted.seed).hasSize(20).isNotEqualTo(first);
            assertThat(EnrolmentLinks.exists(session, token)).isFalse();
            keyGone = false;
            assertThat(PendingEnrolment.loadOrCreate(session, auth, OtpPolicy.DEFAULT).restarted)
                    .isFalse();
        }
    }
}
