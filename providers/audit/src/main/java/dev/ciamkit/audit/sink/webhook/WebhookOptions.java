package dev.ciamkit.audit.sink.webhook;

import dev.ciamkit.common.config.BoundedInt;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Server options of the {@code webhook} sink ({@code --spi-ciamkit-audit-sink--webhook--url=...}). Without a URL the
 * sink is not enabled; with one, a URL that is not absolute http(s) or a missing or short secret stops start-up with a
 * message that names the option (never its value).
 *
 * @param url null when not set
 * @param secret the HMAC key shared with the receiver, at least {@value #MIN_SECRET_BYTES} bytes
 */
public record WebhookOptions(URI url, String secret, int timeoutMillis, int maxBatch) {

    public static final String URL = "url";
    public static final String SECRET = "secret";
    public static final String TIMEOUT_MILLIS = "timeout-millis";
    public static final String MAX_BATCH = "max-batch";

    static final int DEFAULT_TIMEOUT_MILLIS = 5000;
    static final int DEFAULT_MAX_BATCH = 500;
    /** As long as the HMAC-SHA256 output: a shorter key is the weakest part of the signature. */
    static final int MIN_SECRET_BYTES = 32;

    public static WebhookOptions read(Config.Scope config) {
        String url = config.get(URL);
        int timeout = BoundedInt.read(
                Collections.singletonMap(TIMEOUT_MILLIS, config.get(TIMEOUT_MILLIS)),
                TIMEOUT_MILLIS,
                DEFAULT_TIMEOUT_MILLIS,
                100,
                120_000);
        int maxBatch = BoundedInt.read(
                Collections.singletonMap(MAX_BATCH, config.get(MAX_BATCH)), MAX_BATCH, DEFAULT_MAX_BATCH, 1, 10_000);
        if (url == null || url.isBlank()) {
            return new WebhookOptions(null, null, timeout, maxBatch);
        }
        String secret = config.get(SECRET);
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("CIAM Kit webhook sink: " + URL + " is set, so " + SECRET
                    + " is required, at least " + MIN_SECRET_BYTES + " bytes (e.g. openssl rand -hex 32)");
        }
        return new WebhookOptions(httpUrl(url.trim()), secret, timeout, maxBatch);
    }

    public boolean enabled() {
        return url != null;
    }

    private static URI httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.isAbsolute()
                    && uri.getRawAuthority() != null
                    && uri.getRawUserInfo() == null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same message
        }
        throw new IllegalStateException(
                "CIAM Kit webhook sink: " + URL + " must be an absolute http or https URL without user info");
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WebhookOptions[" + (url == null ? "" : url.getScheme() + "://" + url.getRawAuthority())
                + ", timeoutMillis=" + timeoutMillis + ", maxBatch=" + maxBatch + "]";
    }

    public static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(URL)
                .type(ProviderConfigProperty.URL_TYPE)
                .helpText("http(s) URL the record batches are POSTed to, as JSON lines; the sink is enabled only "
                        + "when it is set.")
                .add()
                .property()
                .name(SECRET)
                .type(ProviderConfigProperty.PASSWORD)
                .secret(true)
                .helpText("Shared secret of the HMAC-SHA256 request signature (X-CiamKit-Signature), at least 32 "
                        + "bytes; required with url.")
                .add()
                .property()
                .name(TIMEOUT_MILLIS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_TIMEOUT_MILLIS)
                .helpText("Connect, connection-pool and read timeout of each request, in milliseconds.")
                .add()
                .property()
                .name(MAX_BATCH)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_MAX_BATCH)
                .helpText("Most records in one request; a larger batch goes out in several requests, in order.")
                .add()
                .build();
    }
}
