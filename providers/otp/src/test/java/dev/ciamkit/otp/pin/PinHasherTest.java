package dev.ciamkit.otp.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

/** The PIN is hashed by Keycloak's argon2 provider over its peppered HMAC, never over the PIN itself. */
class PinHasherTest {

    private static final String USER = "user-1";
    private static final String PURPOSE = "ciamkit-pin:" + USER;

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final EnvelopeProvider envelope = mock(EnvelopeProvider.class);
    private final PasswordHashProvider argon2 = mock(PasswordHashProvider.class);
    private final PinHasher hasher = new PinHasher(session);

    @BeforeEach
    void providers() {
        given(session.getProvider(EnvelopeProvider.class)).willReturn(envelope);
        given(session.getProvider(PasswordHashProvider.class, "argon2")).willReturn(argon2);
        given(envelope.hashIdentifier(PURPOSE, "283915")).willReturn("h1.p2.keyed");
        given(argon2.encodedCredential(any(), anyInt()))
                .willReturn(PasswordCredentialModel.createFromValues("argon2", new byte[16], 5, "hashed"));
    }

    @Test
    void hashes_the_keyed_input_and_remembers_its_pepper() {
        PinCredentialModel pin = hasher.hash(USER, "283915", 1L);

        verify(argon2).encodedCredential("h1.p2.keyed", -1);
        verify(argon2, never()).encodedCredential(eq("283915"), anyInt());
        assertThat(pin.getType()).isEqualTo("ciamkit-pin");
        assertThat(pin.data().pepper()).isEqualTo("p2");
        assertThat(pin.data().digits()).isEqualTo(6);
        assertThat(pin.getSecretData()).doesNotContain("283915");
        assertThat(pin.getCredentialData()).doesNotContain("283915");
    }

    @Test
    void checks_with_the_pepper_the_pin_was_hashed_with() {
        PinCredentialModel pin =
                PinCredentialModel.read(hasher.hash(USER, "283915", 1L)).orElseThrow();
        given(envelope.identifierCandidates(PURPOSE, "111222")).willReturn(List.of("h1.p3.new", "h1.p2.old"));
        given(argon2.verify(eq("h1.p2.old"), any(PasswordCredentialModel.class)))
                .willReturn(true);

        assertThat(hasher.matches(USER, pin, "111222")).isTrue();
        verify(argon2, times(1)).verify(any(String.class), any(PasswordCredentialModel.class));
    }

    @Test
    void a_pepper_no_longer_in_the_ring_checks_nothing() {
        PinCredentialModel pin =
                PinCredentialModel.read(hasher.hash(USER, "283915", 1L)).orElseThrow();
        given(envelope.identifierCandidates(PURPOSE, "283915")).willReturn(List.of("h1.p3.new"));

        assertThatThrownBy(() -> hasher.matches(USER, pin, "283915"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("283915");
        verify(argon2, never()).verify(any(String.class), any(PasswordCredentialModel.class));
    }

    @Test
    void nothing_to_check_still_costs_one_argon2_computation() {
        given(envelope.hashIdentifier(PURPOSE, "000000")).willReturn("h1.p2.other");
        hasher.spend(USER, "000000");
        verify(argon2).encodedCredential("h1.p2.other", -1);
    }

    @Test
    void a_stored_pin_that_does_not_parse_reads_as_nothing() {
        PinCredentialModel pin = hasher.hash(USER, "283915", 1L);
        pin.setCredentialData("{not json");
        assertThat(PinCredentialModel.read(pin)).isEmpty();
    }
}
