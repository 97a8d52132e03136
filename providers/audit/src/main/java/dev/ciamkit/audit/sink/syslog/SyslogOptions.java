package dev.ciamkit.audit.sink.syslog;

import dev.ciamkit.common.config.BoundedInt;
import java.util.Collections;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Server options of the {@code syslog} and {@code cef} sinks ({@code --spi-ciamkit-audit-sink--syslog--host=...}).
 * The port defaults to 514 over plain TCP and 6514 over TLS (RFC 5425), the ports rsyslog, syslog-ng and most SIEM
 * collectors listen on for octet-counted syslog. Out-of-range numbers fall back to their default, with a warning.
 *
 * @param host null when not set: the sink is then not enabled
 * @param trustStore a PKCS12 or JKS file (relative to the Keycloak home), or null for the JVM's default trust
 */
public record SyslogOptions(
        String host,
        int port,
        boolean tls,
        String trustStore,
        String trustStorePassword,
        int connectTimeoutMillis,
        int writeTimeoutMillis,
        int resend,
        String appName,
        int maxMessageBytes,
        int facility) {

    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String TLS = "tls";
    public static final String TRUST_STORE = "trust-store";
    public static final String TRUST_STORE_PASSWORD = "trust-store-password";
    public static final String CONNECT_TIMEOUT_MILLIS = "connect-timeout-millis";
    public static final String WRITE_TIMEOUT_MILLIS = "write-timeout-millis";
    public static final String RESEND = "resend";
    public static final String APP_NAME = "app-name";
    public static final String MAX_MESSAGE_BYTES = "max-message-bytes";
    public static final String FACILITY = "facility";

    static final int PLAIN_PORT = 514;
    static final int TLS_PORT = 6514;
    static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 3000;
    static final int DEFAULT_WRITE_TIMEOUT_MILLIS = 5000;
    static final int DEFAULT_RESEND = 1000;
    static final String DEFAULT_APP_NAME = "ciamkit";

    public static SyslogOptions read(Config.Scope config) {
        boolean tls = Boolean.parseBoolean(trimmed(config.get(TLS)));
        return new SyslogOptions(
                trimmed(config.get(HOST)),
                integer(config, PORT, tls ? TLS_PORT : PLAIN_PORT, 1, 65535),
                tls,
                trimmed(config.get(TRUST_STORE)),
                config.get(TRUST_STORE_PASSWORD),
                integer(config, CONNECT_TIMEOUT_MILLIS, DEFAULT_CONNECT_TIMEOUT_MILLIS, 100, 60_000),
                integer(config, WRITE_TIMEOUT_MILLIS, DEFAULT_WRITE_TIMEOUT_MILLIS, 100, 300_000),
                integer(config, RESEND, DEFAULT_RESEND, 0, 100_000),
                trimmed(config.get(APP_NAME)) != null ? trimmed(config.get(APP_NAME)) : DEFAULT_APP_NAME,
                integer(
                        config,
                        MAX_MESSAGE_BYTES,
                        Rfc5424Formatter.DEFAULT_MAX_MESSAGE_BYTES,
                        Rfc5424Formatter.MIN_MESSAGE_BYTES,
                        1024 * 1024),
                integer(config, FACILITY, Rfc5424Formatter.FACILITY_AUTHPRIV, 0, 23));
    }

    public boolean enabled() {
        return host != null;
    }

    /** Never prints the trust store password. */
    @Override
    public String toString() {
        return "SyslogOptions[" + host + ":" + port + (tls ? ", tls" : "") + ", resend=" + resend + "]";
    }

    public static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(HOST)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Host name or address of the syslog receiver; the sink is enabled only when it is set.")
                .add()
                .property()
                .name(PORT)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("TCP port of the receiver: 514 by default, 6514 with tls.")
                .add()
                .property()
                .name(TLS)
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue(false)
                .helpText("Connect with TLS (RFC 5425), checking the receiver's certificate and host name.")
                .add()
                .property()
                .name(TRUST_STORE)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("PKCS12 or JKS trust store for the receiver's certificate, relative to the Keycloak home; "
                        + "the JVM's default trust when not set.")
                .add()
                .property()
                .name(TRUST_STORE_PASSWORD)
                .type(ProviderConfigProperty.PASSWORD)
                .secret(true)
                .helpText("Password of the trust store, if it has one.")
                .add()
                .property()
                .name(CONNECT_TIMEOUT_MILLIS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_CONNECT_TIMEOUT_MILLIS)
                .helpText("Longest wait for a connection (and TLS handshake read), in milliseconds.")
                .add()
                .property()
                .name(WRITE_TIMEOUT_MILLIS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_WRITE_TIMEOUT_MILLIS)
                .helpText("Longest a single write to the receiver may block before the connection is dropped, in "
                        + "milliseconds.")
                .add()
                .property()
                .name(RESEND)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_RESEND)
                .helpText("How many earlier records of a realm are sent again on each new connection, before the "
                        + "batch: TCP does not say what arrived. Duplicates keep their sequence number.")
                .add()
                .property()
                .name(APP_NAME)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(DEFAULT_APP_NAME)
                .helpText("APP-NAME of each syslog message (printable ASCII, at most 48 characters).")
                .add()
                .property()
                .name(MAX_MESSAGE_BYTES)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Rfc5424Formatter.DEFAULT_MAX_MESSAGE_BYTES)
                .helpText("Largest syslog message in bytes (4096 to 1048576); longer bodies are cut and the message "
                        + "marked truncated=\"true\".")
                .add()
                .property()
                .name(FACILITY)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Rfc5424Formatter.FACILITY_AUTHPRIV)
                .helpText("Syslog facility, 0 to 23: 10 (authpriv) by default, 13 for log audit.")
                .add()
                .build();
    }

    private static int integer(Config.Scope config, String key, int fallback, int min, int max) {
        return BoundedInt.read(Collections.singletonMap(key, config.get(key)), key, fallback, min, max);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
