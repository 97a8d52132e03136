package dev.ciamkit.sms.http;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The http sender's config form: names, typed fields, labels and help texts (ko, ja, en in the sms bundles). */
public final class HttpSmsConfigProperties {

    public static final String URL = "url";
    public static final String BODY_FORMAT = "body-format";
    public static final String BODY_TEMPLATE = "body-template";
    public static final String AUTH = "auth";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String AUTH_HEADER = "auth-header";
    public static final String TOKEN = "token";
    public static final String FROM = "from";
    public static final String CONNECT_TIMEOUT_MS = "connect-timeout-ms";
    public static final String READ_TIMEOUT_MS = "read-timeout-ms";
    public static final String RETRIES = "retries";
    public static final String BACKOFF_MS = "backoff-ms";
    public static final String DEADLINE_MS = "deadline-ms";
    /** Before 0.1: one timeout for connect and read; still read, no longer in the form. */
    static final String LEGACY_TIMEOUT_MS = "timeout-ms";

    private HttpSmsConfigProperties() {}

    public static List<ProviderConfigProperty> all() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(URL)
                .type(ProviderConfigProperty.URL_TYPE)
                .label("ciamkitSmsHttpUrl")
                .helpText("ciamkitSmsHttpUrlHelp")
                .add()
                .property()
                .name(BODY_FORMAT)
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("json", "form")
                .defaultValue("json")
                .label("ciamkitSmsHttpBodyFormat")
                .helpText("ciamkitSmsHttpBodyFormatHelp")
                .add()
                .property()
                .name(BODY_TEMPLATE)
                .type(ProviderConfigProperty.TEXT_TYPE)
                .label("ciamkitSmsHttpBodyTemplate")
                .helpText("ciamkitSmsHttpBodyTemplateHelp")
                .add()
                .property()
                .name(AUTH)
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("basic", "header", "bearer", "none")
                .defaultValue("basic")
                .label("ciamkitSmsHttpAuth")
                .helpText("ciamkitSmsHttpAuthHelp")
                .add()
                .property()
                .name(USERNAME)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("ciamkitSmsHttpUsername")
                .helpText("ciamkitSmsHttpUsernameHelp")
                .add()
                .property()
                .name(PASSWORD)
                .type(ProviderConfigProperty.PASSWORD)
                .secret(true)
                .label("ciamkitSmsHttpPassword")
                .helpText("ciamkitSmsHttpPasswordHelp")
                .add()
                .property()
                .name(AUTH_HEADER)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(HttpSmsConfig.DEFAULT_AUTH_HEADER)
                .label("ciamkitSmsHttpAuthHeader")
                .helpText("ciamkitSmsHttpAuthHeaderHelp")
                .add()
                .property()
                .name(TOKEN)
                .type(ProviderConfigProperty.PASSWORD)
                .secret(true)
                .label("ciamkitSmsHttpToken")
                .helpText("ciamkitSmsHttpTokenHelp")
                .add()
                .property()
                .name(FROM)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("ciamkitSmsHttpFrom")
                .helpText("ciamkitSmsHttpFromHelp")
                .add()
                .property()
                .name(CONNECT_TIMEOUT_MS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpSmsConfig.DEFAULT_CONNECT_TIMEOUT_MS)
                .label("ciamkitSmsHttpConnectTimeout")
                .helpText("ciamkitSmsHttpConnectTimeoutHelp")
                .add()
                .property()
                .name(READ_TIMEOUT_MS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpSmsConfig.DEFAULT_READ_TIMEOUT_MS)
                .label("ciamkitSmsHttpReadTimeout")
                .helpText("ciamkitSmsHttpReadTimeoutHelp")
                .add()
                .property()
                .name(RETRIES)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpSmsConfig.DEFAULT_RETRIES)
                .label("ciamkitSmsHttpRetries")
                .helpText("ciamkitSmsHttpRetriesHelp")
                .add()
                .property()
                .name(BACKOFF_MS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpSmsConfig.DEFAULT_BACKOFF_MS)
                .label("ciamkitSmsHttpBackoff")
                .helpText("ciamkitSmsHttpBackoffHelp")
                .add()
                .property()
                .name(DEADLINE_MS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(HttpSmsConfig.DEFAULT_DEADLINE_MS)
                .label("ciamkitSmsHttpDeadline")
                .helpText("ciamkitSmsHttpDeadlineHelp")
                .add()
                .build();
    }
}
