package dev.ciamkit.audit.sink.webhook;

import dev.ciamkit.audit.sink.spi.AuditSink;
import dev.ciamkit.audit.sink.spi.ExportRecord;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;
import org.jboss.logging.Logger;

/**
 * POSTs a batch as signed JSON lines ({@link NdjsonBatch}, {@link WebhookSignature}), at most {@code max-batch}
 * records per request, in order. A 2xx answer acknowledges every record of its request; any other status (redirects
 * are not followed) or an I/O failure stops the batch there: the result counts the records of the requests answered
 * 2xx before it. Nothing here logs or returns record content.
 */
public final class WebhookSink implements AuditSink {

    private static final Logger LOG = Logger.getLogger(WebhookSink.class);
    private static final int REASON_MAX = 160;

    private final CloseableHttpClient client;
    private final WebhookOptions options;
    private final Clock clock;

    /** @param client Keycloak's shared client in the server (not closed here), any client in tests */
    public WebhookSink(CloseableHttpClient client, WebhookOptions options, Clock clock) {
        this.client = client;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public SendResult send(List<ExportRecord> records, EarlierRecords earlier) {
        if (records == null || records.isEmpty()) {
            return SendResult.all(0);
        }
        if (!options.enabled()) {
            return new SendResult(0, "the webhook sink has no url configured");
        }
        int delivered = 0;
        while (delivered < records.size()) {
            List<ExportRecord> chunk =
                    records.subList(delivered, Math.min(records.size(), delivered + options.maxBatch()));
            String failure = post(chunk);
            if (failure != null) {
                LOG.warnf(
                        "CIAM Kit: audit webhook %s did not take %d records: %s",
                        options.url().getRawAuthority(), records.size() - delivered, failure);
                return new SendResult(delivered, failure);
            }
            delivered += chunk.size();
        }
        return SendResult.all(delivered);
    }

    /** Null when the receiver answered 2xx, else a reason safe to log. */
    private String post(List<ExportRecord> chunk) {
        try {
            byte[] body = NdjsonBatch.write(chunk);
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            HttpPost post = new HttpPost(options.url());
            post.setConfig(RequestConfig.custom()
                    .setConnectTimeout(options.timeoutMillis())
                    .setConnectionRequestTimeout(options.timeoutMillis())
                    .setSocketTimeout(options.timeoutMillis())
                    .setRedirectsEnabled(false)
                    .build());
            post.setHeader(WebhookSignature.TIMESTAMP_HEADER, timestamp);
            post.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(options.secret(), timestamp, body));
            post.setEntity(new ByteArrayEntity(body, ContentType.create(NdjsonBatch.MEDIA_TYPE, "UTF-8")));
            try (CloseableHttpResponse response = client.execute(post)) {
                int status = response.getStatusLine().getStatusCode();
                EntityUtils.consumeQuietly(response.getEntity());
                return status >= 200 && status <= 299 ? null : "HTTP " + status;
            }
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + clean(e.getMessage());
        } catch (RuntimeException e) {
            return "not sent: " + e.getClass().getSimpleName();
        }
    }

    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        String safe = message.replaceAll("[^\\x20-\\x7E]", "?");
        return safe.length() > REASON_MAX ? safe.substring(0, REASON_MAX) : safe;
    }
}
