package dev.ciamkit.sms.spi;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.util.EntityUtils;
import org.keycloak.Config;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.util.JsonSerialization;

/**
 * Posts {@code {"to": "+8210...", "text": "...", "from": "..."}} as JSON to the gateway URL with HTTP basic
 * credentials, through Keycloak's own HTTP client (its proxy and trust settings apply). Any status other than 2xx is
 * a failure.
 */
public final class HttpSmsSenderFactory implements SmsSenderFactory {

    public static final String ID = "http";
    public static final String URL = "url";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String FROM = "from";
    public static final String TIMEOUT_MS = "timeout-ms";

    @Override
    public SmsSender create(KeycloakSession session) {
        return (message, config) -> send(session, message, config);
    }

    private static void send(KeycloakSession session, SmsMessage message, Map<String, String> config)
            throws SmsException {
        String url = config.get(URL);
        if (!absoluteUrl(url)) {
            throw new SmsException("the http SMS sender has no valid gateway URL configured");
        }
        int timeout = parseTimeout(config.get(TIMEOUT_MS));
        HttpPost post = new HttpPost(url);
        post.setConfig(RequestConfig.custom()
                .setConnectTimeout(timeout)
                .setSocketTimeout(timeout)
                .setConnectionRequestTimeout(timeout)
                .build());
        String username = config.get(USERNAME);
        if (username != null && !username.isBlank()) {
            String credentials = username + ":" + config.getOrDefault(PASSWORD, "");
            post.setHeader(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", message.to());
        body.put("text", message.text());
        if (config.get(FROM) != null && !config.get(FROM).isBlank()) {
            body.put("from", config.get(FROM));
        }
        try {
            post.setEntity(new StringEntity(JsonSerialization.writeValueAsString(body), ContentType.APPLICATION_JSON));
            HttpClientProvider http = session.getProvider(HttpClientProvider.class);
            try (CloseableHttpResponse response = http.getHttpClient().execute(post)) {
                int status = response.getStatusLine().getStatusCode();
                EntityUtils.consumeQuietly(response.getEntity());
                if (status < 200 || status > 299) {
                    throw new SmsException("SMS gateway answered HTTP " + status);
                }
            }
        } catch (IOException e) {
            throw new SmsException("SMS gateway not reachable: " + e.getClass().getSimpleName(), e);
        }
    }

    static boolean absoluteUrl(String url) {
        try {
            return url != null && !url.isBlank() && URI.create(url.trim()).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static int parseTimeout(String value) {
        try {
            int timeout = value == null ? 5000 : Integer.parseInt(value.trim());
            return Math.max(500, Math.min(timeout, 30_000));
        } catch (NumberFormatException e) {
            return 5000;
        }
    }

    @Override
    public List<ProviderConfigProperty> getSenderConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(URL)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("ciamkitSmsHttpUrl")
                .helpText("ciamkitSmsHttpUrlHelp")
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
                .name(FROM)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("ciamkitSmsHttpFrom")
                .helpText("ciamkitSmsHttpFromHelp")
                .add()
                .property()
                .name(TIMEOUT_MS)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("5000")
                .label("ciamkitSmsHttpTimeout")
                .helpText("ciamkitSmsHttpTimeoutHelp")
                .add()
                .build();
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
