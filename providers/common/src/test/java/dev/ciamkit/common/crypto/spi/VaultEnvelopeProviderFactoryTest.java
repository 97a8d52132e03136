package dev.ciamkit.common.crypto.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.ciamkit.common.crypto.CryptoException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

class VaultEnvelopeProviderFactoryTest {

    private final Map<String, String> vaultEntries = Map.of(
            "ciamkit-envelope-key-k1", randomKey(),
            "ciamkit-envelope-key-k2", randomKey(),
            "ciamkit-envelope-pepper-p1", randomKey());

    @Test
    void reads_keys_from_the_vault_and_seals_with_the_current_one() {
        VaultEnvelopeProviderFactory factory = new VaultEnvelopeProviderFactory();
        factory.init(scope("k1,k2", "k2"));

        EnvelopeProvider provider = factory.create(sessionWithVault());
        String sealed = provider.seal("seed".getBytes(StandardCharsets.UTF_8), "ctx");

        assertThat(sealed).startsWith("ck1.k2.");
        assertThat(provider.open(sealed, "ctx")).isEqualTo("seed".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_next_key_opens_on_every_node_before_any_node_seals_with_it() {
        VaultEnvelopeProviderFactory before = new VaultEnvelopeProviderFactory();
        before.init(scope("k1", "k1"));
        VaultEnvelopeProviderFactory addNext = new VaultEnvelopeProviderFactory();
        addNext.init(scope("k1", "k1", "k2"));
        VaultEnvelopeProviderFactory promoted = new VaultEnvelopeProviderFactory();
        promoted.init(scope("k1,k2", "k2"));
        byte[] seed = "seed".getBytes(StandardCharsets.UTF_8);

        String sealedInPhaseOne = addNext.create(sessionWithVault()).seal(seed, "ctx");
        String sealedAfterPromote = promoted.create(sessionWithVault()).seal(seed, "ctx");

        assertThat(sealedInPhaseOne).startsWith("ck1.k1.");
        assertThat(before.create(sessionWithVault()).open(sealedInPhaseOne, "ctx"))
                .isEqualTo(seed);
        assertThat(addNext.create(sessionWithVault()).open(sealedAfterPromote, "ctx"))
                .isEqualTo(seed);
    }

    @Test
    void a_missing_vault_entry_is_named() {
        VaultEnvelopeProviderFactory factory = new VaultEnvelopeProviderFactory();
        factory.init(scope("k1,k3", "k1"));

        assertThatThrownBy(() -> factory.create(sessionWithVault()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("ciamkit-envelope-key-k3");
    }

    private KeycloakSession sessionWithVault() {
        VaultTranscriber vault = new VaultTranscriber() {
            @Override
            public org.keycloak.vault.VaultRawSecret getRawSecret(String value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public org.keycloak.vault.VaultCharSecret getCharSecret(String value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public VaultStringSecret getStringSecret(String value) {
                String name = value.substring("${vault.".length(), value.length() - 1);
                return new VaultStringSecret() {
                    @Override
                    public Optional<String> get() {
                        return Optional.ofNullable(vaultEntries.get(name));
                    }

                    @Override
                    public void close() {}
                };
            }
        };
        KeycloakSession session = mock(KeycloakSession.class);
        when(session.vault()).thenReturn(vault);
        return session;
    }

    private static Config.Scope scope(String keys, String current) {
        return scope(keys, current, null);
    }

    private static Config.Scope scope(String keys, String current, String next) {
        Config.Scope scope = mock(Config.Scope.class);
        when(scope.get("next-key")).thenReturn(next);
        when(scope.get("keys")).thenReturn(keys);
        when(scope.get("current-key")).thenReturn(current);
        when(scope.get("peppers")).thenReturn("p1");
        when(scope.get("current-pepper")).thenReturn("p1");
        return scope;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
