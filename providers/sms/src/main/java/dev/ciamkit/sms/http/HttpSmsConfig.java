package dev.ciamkit.sms.http;

import dev.ciamkit.sms.spi.SmsException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The http sender's settings, read from the admin's config form (keys of {@link HttpSmsConfigProperties}, without the
 * {@code sms-http-} prefix). Numbers out of range are clamped, unreadable ones fall back to the default; secrets go
 * through a resolver, so {@code ${vault.key}} references work. A configuration that cannot send (no absolute URL) is
 * a {@link SmsException.Reason#NOT_CONFIGURED} failure.
 *
 * @param deadlineMs the most a request waits for the gateway, all attempts and back-off included (at most 5 s)
 */
public record HttpSmsConfig(
        URI url,
        BodyTemplate body,
        Auth auth,
        String username,
        String password,
        String authHeader,
        String token,
        String sender,
        int connectTimeoutMs,
        int readTimeoutMs,
        int retries,
        int backoffMs,
        int deadlineMs) {

    public enum Auth {
        NONE,
        BASIC,
        HEADER,
        BEARER
    }

    static final int DEFAULT_CONNECT_TIMEOUT_MS = 1000;
    static final int DEFAULT_READ_TIMEOUT_MS = 2500;
    static final int DEFAULT_RETRIES = 2;
    static final int DEFAULT_BACKOFF_MS = 200;
    static final int DEFAULT_DEADLINE_MS = 3000;
    static final String DEFAULT_AUTH_HEADER = "X-API-Key";
    /** A user's request holds a worker thread while it waits: never longer than this. */
    static final int MAX_DEADLINE_MS = 5000;

    public static HttpSmsConfig read(Map<String, String> config, UnaryOperator<String> secrets) throws SmsException {
        URI url = absoluteUrl(config.get(HttpSmsConfigProperties.URL));
        if (url == null) {
            throw new SmsException(
                    SmsException.Reason.NOT_CONFIGURED, "the http SMS sender has no valid gateway URL configured");
        }
        BodyTemplate.Format format = "form".equalsIgnoreCase(trim(config.get(HttpSmsConfigProperties.BODY_FORMAT)))
                ? BodyTemplate.Format.FORM
                : BodyTemplate.Format.JSON;
        String username = trim(config.get(HttpSmsConfigProperties.USERNAME));
        // the legacy single timeout, when set, stands for both unless the new ones are
        int legacy = integer(config.get(HttpSmsConfigProperties.LEGACY_TIMEOUT_MS), -1, 100, 30_000);
        return new HttpSmsConfig(
                url,
                BodyTemplate.of(format, config.get(HttpSmsConfigProperties.BODY_TEMPLATE)),
                auth(config.get(HttpSmsConfigProperties.AUTH), username),
                username,
                secret(secrets, config.get(HttpSmsConfigProperties.PASSWORD)),
                headerName(config.get(HttpSmsConfigProperties.AUTH_HEADER)),
                secret(secrets, config.get(HttpSmsConfigProperties.TOKEN)),
                trim(config.get(HttpSmsConfigProperties.FROM)),
                integer(
                        config.get(HttpSmsConfigProperties.CONNECT_TIMEOUT_MS),
                        legacy > 0 ? legacy : DEFAULT_CONNECT_TIMEOUT_MS,
                        100,
                        10_000),
                integer(
                        config.get(HttpSmsConfigProperties.READ_TIMEOUT_MS),
                        legacy > 0 ? legacy : DEFAULT_READ_TIMEOUT_MS,
                        100,
                        30_000),
                integer(config.get(HttpSmsConfigProperties.RETRIES), DEFAULT_RETRIES, 0, 5),
                integer(config.get(HttpSmsConfigProperties.BACKOFF_MS), DEFAULT_BACKOFF_MS, 0, 5000),
                integer(
                        config.get(HttpSmsConfigProperties.DEADLINE_MS),
                        legacy > 0 ? Math.max(DEFAULT_DEADLINE_MS, legacy) : DEFAULT_DEADLINE_MS,
                        500,
                        MAX_DEADLINE_MS));
    }

    /**
     * Basic when a user name is set and nothing else was chosen, as before the choice existed; basic without a user
     * name sends no credentials (the form's default is basic, even where the gateway needs none).
     */
    static Auth auth(String value, String username) {
        Auth chosen;
        try {
            chosen = trim(value).isEmpty()
                    ? Auth.BASIC
                    : Auth.valueOf(trim(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            chosen = Auth.BASIC;
        }
        return chosen == Auth.BASIC && username.isEmpty() ? Auth.NONE : chosen;
    }

    static int integer(String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static URI absoluteUrl(String url) {
        try {
            URI uri = url == null || url.isBlank() ? null : URI.create(url.trim());
            // the authority, not getHost(): a host name with "_" (a container's name) has no RFC 2396 host
            return uri != null
                            && uri.isAbsolute()
                            && uri.getRawAuthority() != null
                            && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    ? uri
                    : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A header name is a token (RFC 9110); anything else falls back to the default, never into the request. */
    private static String headerName(String value) {
        String v = trim(value);
        return !v.isEmpty() && v.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") ? v : DEFAULT_AUTH_HEADER;
    }

    /** Trimmed (a vault file's final newline would break the header); a reference that does not resolve cannot send. */
    private static String secret(UnaryOperator<String> secrets, String value) throws SmsException {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String resolved = secrets.apply(value);
        if (resolved == null) {
            throw new SmsException(
                    SmsException.Reason.NOT_CONFIGURED,
                    "an SMS gateway secret refers to a vault entry that is missing");
        }
        return resolved.trim();
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        String authority = url.getRawAuthority();
        String where = url.getScheme() + "://" + authority.substring(authority.lastIndexOf('@') + 1) + url.getRawPath();
        return "HttpSmsConfig[url=" + where + ", auth=" + auth + ", format=" + body.format() + ", retries=" + retries
                + ", deadlineMs=" + deadlineMs + "]";
    }
}
