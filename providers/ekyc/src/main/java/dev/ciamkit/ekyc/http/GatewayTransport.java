package dev.ciamkit.ekyc.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * POSTs one JSON body to the gateway within the call's deadline: each attempt with the connect and read timeouts cut
 * to the time left, aborted when the deadline passes whatever the gateway does (a server that trickles bytes cannot
 * hold a user's request). An idempotent call is retried after a timeout, a refused connection or a 5xx, with
 * exponential back-off, while time is left; every attempt of one call carries the same {@code Idempotency-Key}. A
 * non-idempotent call goes out once. Bodies are never logged.
 */
final class GatewayTransport {

    /** Longer answers are not the contract's. */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final CloseableHttpClient client;
    private final ScheduledExecutorService timer;
    private final HttpEkycConfig config;
    private final String apiKey;

    /** @param apiKey resolved; null sends no key header */
    GatewayTransport(CloseableHttpClient client, ScheduledExecutorService timer, HttpEkycConfig config, String apiKey) {
        this.client = client;
        this.timer = timer;
        this.config = config;
        this.apiKey = apiKey;
    }

    Exchange post(String path, JsonNode body, boolean idempotent) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body of ours is not JSON", e);
        }
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.deadlineMs());
        int allowed = idempotent ? 1 + config.retries() : 1;
        Exchange last = null;
        for (int attempt = 1; attempt <= allowed; attempt++) {
            if (attempt > 1) {
                long pause = (long) config.backoffMs() << (attempt - 2);
                if (remainingMs(deadline) <= pause + 50 || !pause(pause)) {
                    break;
                }
            }
            if (remainingMs(deadline) <= 0) {
                break;
            }
            last = once(path, bytes, key, deadline, attempt);
            if (!retriable(last)) {
                return last;
            }
        }
        return last != null ? last : new Exchange.NoAnswer(VerificationStatus.TIMEOUT, EkycReason.VENDOR_TIMEOUT, 0);
    }

    private Exchange once(String path, byte[] body, String key, long deadline, int attempt) {
        // never 0: HttpClient reads a 0 timeout as "wait for ever"
        int remaining = (int) Math.max(1, remainingMs(deadline));
        HttpPost post = new HttpPost(config.resolve(path));
        post.setConfig(RequestConfig.custom()
                .setConnectTimeout(Math.min(config.connectTimeoutMs(), remaining))
                .setConnectionRequestTimeout(Math.min(config.connectTimeoutMs(), remaining))
                .setSocketTimeout(Math.min(config.readTimeoutMs(), remaining))
                .setRedirectsEnabled(false)
                .build());
        post.setHeader("Accept", "application/json");
        post.setHeader(IDEMPOTENCY_KEY, key);
        if (apiKey != null) {
            post.setHeader(config.apiKeyHeader(), apiKey);
        }
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> abort = timer.schedule(post::abort, remaining, TimeUnit.MILLISECONDS);
        try (CloseableHttpResponse response = client.execute(post)) {
            return new Exchange.Answered(response.getStatusLine().getStatusCode(), read(response.getEntity()), attempt);
        } catch (IOException e) {
            // a read timeout cut to the time left ends just before the deadline: that is the deadline too
            if (post.isAborted() || remainingMs(deadline) <= 50 || e instanceof InterruptedIOException) {
                return new Exchange.NoAnswer(VerificationStatus.TIMEOUT, EkycReason.VENDOR_TIMEOUT, attempt);
            }
            return new Exchange.NoAnswer(VerificationStatus.UNAVAILABLE, EkycReason.VENDOR_UNREACHABLE, attempt);
        } finally {
            abort.cancel(false);
        }
    }

    /** The body as JSON; a missing node when there is none, it is longer than the contract's or does not parse. */
    private static JsonNode read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return MissingNode.getInstance();
        }
        byte[] bytes;
        try (InputStream in = entity.getContent()) {
            bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
        }
        if (bytes.length == 0 || bytes.length > MAX_ANSWER_BYTES) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static boolean retriable(Exchange exchange) {
        return exchange instanceof Exchange.NoAnswer
                || (exchange instanceof Exchange.Answered answered && answered.status() >= 500);
    }

    private static long remainingMs(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    /** False when interrupted: no more attempts. */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
