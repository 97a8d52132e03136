package dev.ciamkit.common.crypto.spi;

import dev.ciamkit.common.crypto.CryptoException;
import dev.ciamkit.common.crypto.IdentifierHasher;
import dev.ciamkit.common.crypto.KeyMaterial;
import dev.ciamkit.common.crypto.KeyRing;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

/**
 * Keys from Keycloak's vault: each key is a vault entry {@code ciamkit-envelope-key-<id>} (peppers
 * {@code ciamkit-envelope-pepper-<id>}) holding 32 bytes in base64. The vault is realm-scoped, so this provider needs a
 * realm in the session's context. Selected with {@code spi-ciamkit-envelope--provider=vault}; key ids come from
 * {@code keys}/{@code current-key} and {@code peppers}/{@code current-pepper}. Rotation is two-phase as with the key
 * file: name the new entry in {@code next-key} (it opens, never seals) and restart every node; then make it
 * {@code current-key}, drop {@code next-key} and restart every node again.
 */
public final class VaultEnvelopeProviderFactory implements EnvelopeProviderFactory {

    public static final String ID = "vault";
    public static final String KEY_ENTRY_PREFIX = "ciamkit-envelope-key-";
    public static final String PEPPER_ENTRY_PREFIX = "ciamkit-envelope-pepper-";

    private final SecureRandom random = new SecureRandom();
    private List<String> keyIds = List.of();
    private String currentKey;
    private String nextKey;
    private List<String> pepperIds = List.of();
    private String currentPepper;

    @Override
    public void init(Config.Scope config) {
        keyIds = list(config.get("keys"));
        currentKey = config.get("current-key");
        nextKey = blankToNull(config.get("next-key"));
        if (nextKey != null && !keyIds.contains(nextKey)) {
            // The next key must be readable before it is ever current; listing it twice is not required.
            keyIds = java.util.stream.Stream.concat(keyIds.stream(), java.util.stream.Stream.of(nextKey))
                    .toList();
        }
        pepperIds = list(config.get("peppers"));
        currentPepper = config.get("current-pepper");
        if (ID.equals(Config.getProvider(EnvelopeSpi.NAME)) && (currentKey == null || currentPepper == null)) {
            throw new CryptoException("spi-ciamkit-envelope--vault--keys, --current-key, --peppers and --current-pepper"
                    + " must name the vault entries that hold the keys");
        }
    }

    @Override
    public EnvelopeProvider create(KeycloakSession session) {
        VaultTranscriber vault = session.vault();
        KeyRing keys = KeyRing.of(read(vault, KEY_ENTRY_PREFIX, keyIds), currentKey, nextKey, "AES");
        KeyRing peppers =
                KeyRing.of(read(vault, PEPPER_ENTRY_PREFIX, pepperIds), currentPepper, IdentifierHasher.ALGORITHM);
        return new KeyMaterialEnvelopeProvider(new KeyMaterial(keys, peppers), random);
    }

    private static Map<String, byte[]> read(VaultTranscriber vault, String prefix, List<String> ids) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        for (String id : ids) {
            String entry = prefix + id;
            try (VaultStringSecret secret = vault.getStringSecret("${vault." + entry + "}")) {
                String value =
                        secret.get().orElseThrow(() -> new CryptoException("vault entry '" + entry + "' is missing"));
                raw.put(id, Base64.getDecoder().decode(value.trim()));
            } catch (IllegalArgumentException e) {
                throw new CryptoException("vault entry '" + entry + "' is not valid base64");
            }
        }
        return raw;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> list(String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
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
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name("keys")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Comma-separated envelope key ids, each a vault entry " + KEY_ENTRY_PREFIX + "<id>.")
                .add()
                .property()
                .name("current-key")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The key id new values are sealed with.")
                .add()
                .property()
                .name("next-key")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Rotation, phase one: a key id every node opens with and none seals with yet. Promote it to"
                        + " current-key only after every node has been restarted with it.")
                .add()
                .property()
                .name("peppers")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Comma-separated pepper ids, each a vault entry " + PEPPER_ENTRY_PREFIX + "<id>.")
                .add()
                .property()
                .name("current-pepper")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The pepper id new identifier hashes use.")
                .add()
                .build();
    }
}
