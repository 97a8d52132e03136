package dev.ciamkit.bench.ekyc;

import java.util.Arrays;
import java.util.List;

/**
 * A distribution of times in milliseconds: count, mean, nearest-rank percentiles and the largest. Nearest rank (the
 * smallest value with at least p % of the samples at or below it) is a value that was measured, never interpolated: with
 * 200 samples p99 is the second largest. No samples: a count of 0 and NaN for the rest.
 */
public record Percentiles(int count, double mean, double p50, double p95, double p99, double max) {

    public static Percentiles of(List<Double> millis) {
        if (millis.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted =
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Percentiles(
                sorted.length,
                Arrays.stream(sorted).average().orElseThrow(),
                rank(sorted, 50),
                rank(sorted, 95),
                rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile of sorted values. */
    static double rank(double[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The samples each less a fixed time (the sandbox's configured latency). */
    public static List<Double> minus(List<Double> millis, double subtract) {
        return millis.stream().map(m -> m - subtract).toList();
    }
}
