package dev.ciamkit.common.crypto.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.ciamkit.common.crypto.CryptoException;
import dev.ciamkit.common.crypto.KeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.Config;

class KeyFileEnvelopeProviderFactoryTest {

    @TempDir
    Path dir;

    @Test
    void start_up_fails_with_a_clear_message_when_the_key_file_is_missing() {
        Path missing = dir.resolve("missing.properties");
        KeyFileEnvelopeProviderFactory factory = new KeyFileEnvelopeProviderFactory();

        assertThatThrownBy(() -> factory.init(scope(missing)))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void provides_an_envelope_over_the_key_file() throws IOException {
        Path file = dir.resolve("keys.properties");
        KeyFile.generate(file, new SecureRandom(), Clock.systemUTC());
        KeyFileEnvelopeProviderFactory factory = new KeyFileEnvelopeProviderFactory();
        factory.init(scope(file));

        EnvelopeProvider provider = factory.create(null);
        String sealed = provider.seal("secret".getBytes(StandardCharsets.UTF_8), "ctx");

        assertThat(new String(provider.open(sealed, "ctx"), StandardCharsets.UTF_8))
                .isEqualTo("secret");
        assertThat(provider.identifierMatches(
                        provider.hashIdentifier("phone", "+821012345678"), "phone", "+821012345678"))
                .isTrue();
        assertThat(factory.getOperationalInfo())
                .containsEntry("keyFile", file.toString())
                .doesNotContainValue(sealed);
    }

    @Test
    void relative_paths_start_at_the_keycloak_home() {
        String previous = System.getProperty("kc.home.dir");
        System.setProperty("kc.home.dir", "/opt/keycloak");
        try {
            assertThat(KeyFileEnvelopeProviderFactory.resolve("conf/keys.properties"))
                    .isEqualTo(Path.of("/opt/keycloak/conf/keys.properties"));
            assertThat(KeyFileEnvelopeProviderFactory.resolve("/etc/keys.properties"))
                    .isEqualTo(Path.of("/etc/keys.properties"));
        } finally {
            if (previous == null) {
                System.clearProperty("kc.home.dir");
            } else {
                System.setProperty("kc.home.dir", previous);
            }
        }
    }

    private static Config.Scope scope(Path keyFile) {
        Config.Scope scope = mock(Config.Scope.class);
        when(scope.get(
                        eq(KeyFileEnvelopeProviderFactory.KEY_FILE),
                        eq(KeyFileEnvelopeProviderFactory.DEFAULT_KEY_FILE)))
                .thenReturn(keyFile.toString());
        return scope;
    }
}
