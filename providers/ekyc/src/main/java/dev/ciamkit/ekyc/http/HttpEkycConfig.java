package dev.ciamkit.ekyc.http;

import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.API_KEY;
import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.API_KEY_HEADER;
import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.BACKOFF_MS;
import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.BASE_URL;
import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.BREAKER_COOL_DOWN_MS;
import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.BREAKER_FAILURES;
import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.CONNECT_TIMEOUT_MS;
import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.DEADLINE_MS;
import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.MAX_IMAGE_BYTES;
import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.READ_TIMEOUT_MS;
import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.RETRIES;
import static dev.ciamkit.ekyc.http.HttpEkycConfigProperties.VENDOR;

import dev.ciamkit.common.config.BoundedInt;
import java.net.URI;
import org.jboss.logging.Logger;
import org.keycloak.Config;

/**
 * The {@code http} verifier's server options ({@link HttpEkycConfigProperties}). Numbers out of range fall back to
 * their default (logged); a base URL that is set but not an absolute http(s) URL without user info, query or fragment
 * stops start-up with a message that names the option, never its value.
 *
 * @param baseUrl null when not set: the verifier is not configured
 * @param apiKey as configured, possibly a {@code ${vault.<entry>}} reference; null when not set (no header sent)
 */
public record HttpEkycConfig(
        URI baseUrl,
        String apiKey,
        String apiKeyHeader,
        String vendor,
        int connectTimeoutMs,
        int readTimeoutMs,
        int deadlineMs,
        int retries,
        int backoffMs,
        int breakerFailures,
        int breakerCoolDownMs,
        int maxImageBytes) {

    static final String DEFAULT_API_KEY_HEADER = "X-API-Key";
    static final String DEFAULT_VENDOR = "http";
    static final int DEFAULT_CONNECT_TIMEOUT_MS = 1000;
    static final int DEFAULT_READ_TIMEOUT_MS = 2500;
    static final int DEFAULT_DEADLINE_MS = 3000;
    static final int DEFAULT_RETRIES = 1;
    static final int DEFAULT_BACKOFF_MS = 100;
    static final int DEFAULT_BREAKER_FAILURES = 5;
    static final int DEFAULT_BREAKER_COOL_DOWN_MS = 30_000;
    static final int DEFAULT_MAX_IMAGE_BYTES = 5 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(HttpEkycConfig.class);

    public static HttpEkycConfig read(Config.Scope scope) {
        return new HttpEkycConfig(
                baseUrl(scope.get(BASE_URL)),
                blankToNull(scope.get(API_KEY)),
                headerName(scope.get(API_KEY_HEADER)),
                vendor(scope.get(VENDOR)),
                BoundedInt.read(scope, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS, 100, 10_000),
                BoundedInt.read(scope, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS, 100, 30_000),
                BoundedInt.read(scope, DEADLINE_MS, DEFAULT_DEADLINE_MS, 500, 30_000),
                BoundedInt.read(scope, RETRIES, DEFAULT_RETRIES, 0, 3),
                BoundedInt.read(scope, BACKOFF_MS, DEFAULT_BACKOFF_MS, 0, 2000),
                BoundedInt.read(scope, BREAKER_FAILURES, DEFAULT_BREAKER_FAILURES, 1, 100),
                BoundedInt.read(scope, BREAKER_COOL_DOWN_MS, DEFAULT_BREAKER_COOL_DOWN_MS, 100, 600_000),
                BoundedInt.read(scope, MAX_IMAGE_BYTES, DEFAULT_MAX_IMAGE_BYTES, 65_536, 10 * 1024 * 1024));
    }

    public boolean configured() {
        return baseUrl != null;
    }

    /** The base URL with the contract's {@code path} ({@code /v1/...}) appended to its path. */
    URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    static URI baseUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(value.trim());
            if (uri.isAbsolute()
                    && uri.getRawAuthority() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same message
        }
        throw new IllegalStateException("CIAM Kit eKYC http verifier: " + BASE_URL
                + " must be an absolute http or https URL without user info, query or fragment");
    }

    /** A header name is a token (RFC 9110); anything else falls back to the default, never into a request. */
    static String headerName(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return DEFAULT_API_KEY_HEADER;
        }
        if (v.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            return v;
        }
        LOG.warnf(
                "CIAM Kit eKYC http verifier: %s is not a header name; using %s",
                API_KEY_HEADER, DEFAULT_API_KEY_HEADER);
        return DEFAULT_API_KEY_HEADER;
    }

    /** A metric label from a small, fixed alphabet. */
    static String vendor(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return DEFAULT_VENDOR;
        }
        if (v.matches("[a-z0-9][a-z0-9._-]{0,31}")) {
            return v;
        }
        LOG.warnf("CIAM Kit eKYC http verifier: %s='%s' is not a valid label; using %s", VENDOR, v, DEFAULT_VENDOR);
        return DEFAULT_VENDOR;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "HttpEkycConfig[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "(none)" : "(set)")
                + ", vendor=" + vendor + ", connectTimeoutMs=" + connectTimeoutMs + ", readTimeoutMs=" + readTimeoutMs
                + ", deadlineMs=" + deadlineMs + ", retries=" + retries + ", breakerFailures=" + breakerFailures
                + ", breakerCoolDownMs=" + breakerCoolDownMs + "]";
    }
}
