package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.metrics.CheckEvent;
import dev.ciamkit.ekyc.spi.EkycOperation;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs vendor calls for the eKYC step on threads the factory owns, within a time budget shared by the calls of one
 * check: the authenticity check and the face match go out together and the user waits for the slower, at most the
 * budget. A call still running then is cancelled and reads as {@link VerificationStatus#TIMEOUT}; a full pool reads
 * as {@link VerificationStatus#UNAVAILABLE}. Never throws for the vendor's trouble.
 */
public final class EkycOrchestrator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EkycOrchestrator.class);

    private final ThreadPoolExecutor executor;

    public EkycOrchestrator(int maxThreads) {
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "ciamkit-ekyc-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A call submitted under a budget; {@link #await} gives its outcome. */
    public final class Pending<T> {
        private final Future<T> future;
        private final EkycOperation operation;
        private final Function<VerificationResult, T> failed;
        private final long started = System.nanoTime();

        private Pending(Future<T> future, EkycOperation operation, Function<VerificationResult, T> failed) {
            this.future = future;
            this.operation = operation;
            this.failed = failed;
        }

        /** Waits until {@code deadlineNanos} (a {@link System#nanoTime()} value) at most. */
        public T await(long deadlineNanos) {
            long from = System.nanoTime();
            try {
                return awaitUntil(deadlineNanos);
            } finally {
                CheckEvent.waitedForVendor(System.nanoTime() - from);
            }
        }

        private T awaitUntil(long deadlineNanos) {
            if (future == null) {
                return failed.apply(result(VerificationStatus.UNAVAILABLE, EkycReason.VENDOR_UNREACHABLE));
            }
            try {
                return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | CancellationException e) {
                future.cancel(true);
                return failed.apply(result(VerificationStatus.TIMEOUT, EkycReason.VENDOR_TIMEOUT));
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                return failed.apply(result(VerificationStatus.TIMEOUT, EkycReason.VENDOR_TIMEOUT));
            } catch (ExecutionException e) {
                // the verifier broke its contract (it should answer, not throw): say nothing of the input
                LOG.warnf(
                        "CIAM Kit eKYC: the verifier's %s failed: %s",
                        operation.tag(), e.getCause().getClass().getName());
                return failed.apply(result(VerificationStatus.UNAVAILABLE, EkycReason.VENDOR_ERROR));
            }
        }

        private VerificationResult result(VerificationStatus status, EkycReason reason) {
            return VerificationResult.without(operation, status, reason, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Starts {@code call} on a pool thread.
     *
     * @param failed turns the result of a call that did not answer (timeout, full pool) into the call's own type
     */
    public <T> Pending<T> submit(EkycOperation operation, Supplier<T> call, Function<VerificationResult, T> failed) {
        try {
            return new Pending<>(executor.submit(call::get), operation, failed);
        } catch (RejectedExecutionException e) {
            return new Pending<>(null, operation, failed);
        }
    }

    /** One call under the whole budget. */
    public <T> T run(
            EkycOperation operation, Supplier<T> call, Function<VerificationResult, T> failed, Duration budget) {
        return submit(operation, call, failed).await(deadline(budget));
    }

    public static long deadline(Duration budget) {
        return System.nanoTime() + budget.toNanos();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
