package dev.ciamkit.audit.anomaly;

import dev.ciamkit.audit.sink.webhook.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

/**
 * POSTs one alert as JSON to the realm's anomaly webhook, signed as the SIEM webhook signs ({@link WebhookSignature}:
 * {@code X-CiamKit-Timestamp}, {@code X-CiamKit-Signature: v1=<hex HMAC-SHA256 of "timestamp.body">}), through
 * Keycloak's HTTP client. Redirects are not followed; a 2xx is delivered, anything else is retried by the outbox.
 */
final class AnomalyWebhook {

    static final int TIMEOUT_MILLIS = 5000;

    private AnomalyWebhook() {}

    /** Null when the receiver answered 2xx; else the status or the exception class (never the payload or secret). */
    static String post(CloseableHttpClient client, String url, String secret, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        try {
            HttpPost post = new HttpPost(url);
            post.setConfig(RequestConfig.custom()
                    .setConnectTimeout(TIMEOUT_MILLIS)
                    .setConnectionRequestTimeout(TIMEOUT_MILLIS)
                    .setSocketTimeout(TIMEOUT_MILLIS)
                    .setRedirectsEnabled(false)
                    .build());
            post.setHeader(WebhookSignature.TIMESTAMP_HEADER, timestamp);
            post.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
            post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            try (CloseableHttpResponse response = client.execute(post)) {
                EntityUtils.consumeQuietly(response.getEntity());
                int status = response.getStatusLine().getStatusCode();
                return status >= 200 && status < 300 ? null : "HTTP " + status;
            }
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }
}
