package dev.ciamkit.ekyc.http;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The server options of the {@code http} verifier, {@code --spi-ciamkit-ekyc-verifier--http--<key>}, as
 * {@code getConfigMetadata()} describes them to {@code kc.sh}. Server options rather than a realm's config form: the
 * gateway and its key are the operator's, and a realm admin must not be able to point the server elsewhere.
 */
public final class HttpEkycConfigProperties {

    public static final String BASE_URL = "base-url";
    public static final String API_KEY = "api-key";
    public static final String API_KEY_HEADER = "api-key-header";
    public static final String VENDOR = "vendor";
    public static final String CONNECT_TIMEOUT_MS = "connect-timeout-ms";
    public static final String READ_TIMEOUT_MS = "read-timeout-ms";
    public static final String DEADLINE_MS = "deadline-ms";
    public static final String RETRIES = "retries";
    public static final String BACKOFF_MS = "backoff-ms";
    public static final String BREAKER_FAILURES = "breaker-failures";
    public static final String BREAKER_COOL_DOWN_MS = "breaker-cool-down-ms";
    public static final String MAX_IMAGE_BYTES = "max-image-bytes";

    private HttpEkycConfigProperties() {}

    public static List<ProviderConfigProperty> all() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(BASE_URL)
                .type(ProviderConfigProperty.URL_TYPE)
                .helpText("The eKYC gateway's base URL (https in production); the contract's paths, /v1/..., are"
                        + " appended to it. Without it every call answers UNAVAILABLE not_configured.")
                .add()
                .property()
                .name(API_KEY)
                .type(ProviderConfigProperty.PASSWORD)
                .secret(true)
                .helpText("Secret sent in the API key header of every request. Set it from the environment, or as"
                        + " ${vault.<entry>} to read it from the realm's vault at each call. Never logged.")
                .add()
                .property()
                .name(API_KEY_HEADER)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(HttpEkycConfig.DEFAULT_API_KEY_HEADER)
                .helpText("The header that carries the API key.")
                .add()
                .property()
                .name(VENDOR)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(HttpEkycConfig.DEFAULT_VENDOR)
                .helpText("The vendor label of the metrics: lower-case letters, digits, '.', '_' or '-', at most 32.")
                .add()
                .property()
                .name(CONNECT_TIMEOUT_MS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpEkycConfig.DEFAULT_CONNECT_TIMEOUT_MS)
                .helpText("Connect timeout of each attempt, in milliseconds (100 to 10000).")
                .add()
                .property()
                .name(READ_TIMEOUT_MS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpEkycConfig.DEFAULT_READ_TIMEOUT_MS)
                .helpText("Read timeout of each attempt, in milliseconds (100 to 30000).")
                .add()
                .property()
                .name(DEADLINE_MS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpEkycConfig.DEFAULT_DEADLINE_MS)
                .helpText("The most one call waits, attempts and back-off included, in milliseconds (500 to"
                        + " 30000); an attempt still running then is aborted.")
                .add()
                .property()
                .name(RETRIES)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpEkycConfig.DEFAULT_RETRIES)
                .helpText("Retries after a timeout, a refused connection or a 5xx, for OCR, authenticity and face"
                        + " match only (0 to 3). Starting and confirming a 1-won transfer are never retried.")
                .add()
                .property()
                .name(BACKOFF_MS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpEkycConfig.DEFAULT_BACKOFF_MS)
                .helpText("Pause before the first retry, doubled for each further one, in milliseconds (0 to 2000).")
                .add()
                .property()
                .name(BREAKER_FAILURES)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpEkycConfig.DEFAULT_BREAKER_FAILURES)
                .helpText("Consecutive failed calls (timeout, unreachable, 5xx, 401/403, 429, malformed answer) of"
                        + " one method after which that method fails fast (1 to 100).")
                .add()
                .property()
                .name(BREAKER_COOL_DOWN_MS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpEkycConfig.DEFAULT_BREAKER_COOL_DOWN_MS)
                .helpText("How long an open method fails fast before one trial call may go through, in"
                        + " milliseconds (100 to 600000).")
                .add()
                .property()
                .name(MAX_IMAGE_BYTES)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpEkycConfig.DEFAULT_MAX_IMAGE_BYTES)
                .helpText("Largest image sent to the gateway, in bytes (65536 to 10485760); a larger one answers"
                        + " INPUT_REJECTED image_too_large without a call.")
                .add()
                .build();
    }
}
