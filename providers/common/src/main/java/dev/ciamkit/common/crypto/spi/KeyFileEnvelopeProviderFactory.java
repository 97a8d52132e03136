package dev.ciamkit.common.crypto.spi;

import dev.ciamkit.common.crypto.CryptoException;
import dev.ciamkit.common.crypto.KeyFile;
import dev.ciamkit.common.crypto.KeyMaterial;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Keys from a key file outside the database ({@code spi-ciamkit-envelope--keyfile--key-file}, relative paths resolve
 * against the Keycloak home). The file is read once at start-up, so a missing or broken file stops the server with a
 * clear message instead of failing the first login that needs a key.
 */
public final class KeyFileEnvelopeProviderFactory implements EnvelopeProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "keyfile";
    public static final String KEY_FILE = "key-file";
    public static final String DEFAULT_KEY_FILE = "conf/ciamkit-keys.properties";

    private final SecureRandom random = new SecureRandom();
    private Path keyFile;
    private KeyMaterial keys;

    @Override
    public void init(Config.Scope config) {
        keyFile = resolve(config.get(KEY_FILE, DEFAULT_KEY_FILE));
        String chosen = Config.getProvider(EnvelopeSpi.NAME);
        if (chosen == null || ID.equals(chosen)) {
            keys = KeyFile.load(keyFile);
        }
    }

    @Override
    public EnvelopeProvider create(KeycloakSession session) {
        if (keys == null) {
            throw new CryptoException(
                    "the keyfile envelope provider is not the one configured for " + EnvelopeSpi.NAME);
        }
        return new KeyMaterialEnvelopeProvider(keys, random);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(KEY_FILE)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Path of the CIAM Kit key file; relative paths start at the Keycloak home.")
                .defaultValue(DEFAULT_KEY_FILE)
                .add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("keyFile", String.valueOf(keyFile));
        if (keys != null) {
            info.put("currentKeyId", keys.envelopeKeys().currentId());
            info.put("nextKeyId", keys.envelopeKeys().nextId().orElse(""));
            info.put("keyIds", String.join(",", keys.envelopeKeys().ids()));
            info.put("pepperIds", String.join(",", keys.peppers().ids()));
        }
        return info;
    }

    static Path resolve(String configured) {
        return dev.ciamkit.common.config.ServerPaths.resolve(configured);
    }
}
