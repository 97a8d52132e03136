package dev.ciamkit.sms.http;

import dev.ciamkit.sms.spi.SmsException;
import dev.ciamkit.sms.spi.SmsMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;
import org.jboss.logging.Logger;

/**
 * One message to the gateway, within the configured deadline: the request's own connect and read timeouts, bounded
 * retries on 5xx, timeouts and connection failures with exponential back-off, and an abort when the deadline passes
 * whatever the gateway does (a server that trickles bytes cannot hold the request). Every attempt of one message
 * carries the same {@code Idempotency-Key} header, so a gateway that answered late does not deliver twice. A 4xx is
 * final. Nothing here logs the number or the text.
 */
public final class HttpSmsGateway {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Logger LOG = Logger.getLogger(HttpSmsGateway.class);

    private final CloseableHttpClient client;
    private final ScheduledExecutorService timer;

    public HttpSmsGateway(CloseableHttpClient client, ScheduledExecutorService timer) {
        this.client = client;
        this.timer = timer;
    }

    public void send(SmsMessage message, HttpSmsConfig config) throws SmsException {
        String body = config.body().render(message.to(), message.text(), config.sender());
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.deadlineMs());
        SmsException last = null;
        // once an attempt may have got through, no later answer proves the message did not leave
        boolean uncertain = false;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            if (attempt > 0) {
                long pause = (long) config.backoffMs() << (attempt - 1);
                if (remainingMs(deadline) <= pause + 50) {
                    break;
                }
                pause(pause);
            }
            if (remainingMs(deadline) <= 0) {
                break;
            }
            try {
                attempt(config, body, key, deadline);
                if (attempt > 0) {
                    LOG.debugf("CIAM Kit: SMS gateway accepted the message at attempt %d", attempt + 1);
                }
                return;
            } catch (SmsException e) {
                last = uncertain ? e.afterUncertainAttempt() : e;
                if (!retriable(e)) {
                    throw last;
                }
                uncertain |= !e.provablyNotSent();
            }
        }
        SmsException failure = last != null
                ? last
                : new SmsException(SmsException.Reason.TIMEOUT, "SMS gateway: no answer within the deadline");
        LOG.warnf(
                "CIAM Kit: SMS not sent: %s (gateway status %d, deadline %d ms)",
                failure.reason().eventError(), failure.gatewayStatus(), config.deadlineMs());
        throw failure;
    }

    private void attempt(HttpSmsConfig config, String body, String key, long deadline) throws SmsException {
        // never 0: HttpClient reads a 0 timeout as "wait for ever"
        int remainingMs = (int) Math.max(1, remainingMs(deadline));
        HttpPost post = new HttpPost(config.url());
        post.setConfig(RequestConfig.custom()
                .setConnectTimeout(Math.min(config.connectTimeoutMs(), remainingMs))
                .setSocketTimeout(Math.min(config.readTimeoutMs(), remainingMs))
                .setConnectionRequestTimeout(Math.min(config.connectTimeoutMs(), remainingMs))
                .setRedirectsEnabled(false)
                .build());
        post.setHeader(IDEMPOTENCY_KEY, key);
        post.setHeader("Accept", "application/json, */*;q=0.5");
        authorize(post, config);
        post.setEntity(
                new StringEntity(body, ContentType.create(config.body().format().mediaType(), StandardCharsets.UTF_8)));
        ScheduledFuture<?> abort = timer.schedule(post::abort, remainingMs, TimeUnit.MILLISECONDS);
        try (CloseableHttpResponse response = client.execute(post)) {
            int status = response.getStatusLine().getStatusCode();
            EntityUtils.consumeQuietly(response.getEntity());
            if (status < 200 || status > 299) {
                throw new SmsException(
                        SmsException.Reason.REJECTED, status, "SMS gateway answered HTTP " + status, null);
            }
        } catch (IOException e) {
            // a read timeout cut to the time left ends a few milliseconds before the deadline: that is the deadline too
            if (post.isAborted() || remainingMs(deadline) <= 50) {
                throw new SmsException(SmsException.Reason.TIMEOUT, "SMS gateway: no answer within the deadline", e);
            }
            throw e instanceof InterruptedIOException
                    ? new SmsException(
                            SmsException.Reason.TIMEOUT,
                            "SMS gateway: no answer within the attempt's timeout ("
                                    + e.getClass().getSimpleName() + ")",
                            e)
                    : new SmsException(
                            SmsException.Reason.UNREACHABLE,
                            "SMS gateway not reachable: " + e.getClass().getSimpleName(),
                            e);
        } finally {
            abort.cancel(false);
        }
    }

    private static void authorize(HttpPost post, HttpSmsConfig config) {
        switch (config.auth()) {
            case BASIC -> {
                String credentials = config.username() + ":" + config.password();
                post.setHeader(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            case BEARER -> post.setHeader("Authorization", "Bearer " + config.token());
            case HEADER -> post.setHeader(config.authHeader(), config.token());
            case NONE -> {}
        }
    }

    private static boolean retriable(SmsException e) {
        return switch (e.reason()) {
            case TIMEOUT, UNREACHABLE -> true;
            case REJECTED -> e.gatewayStatus() >= 500;
            case NOT_CONFIGURED -> false;
        };
    }

    private static long remainingMs(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    private static void pause(long millis) throws SmsException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException(SmsException.Reason.TIMEOUT, "interrupted while waiting to retry", e);
        }
    }
}
