package org.novasim.benchmark.report;

import java.util.Arrays;

/** Summary of a set of measurements (milliseconds): nearest-rank percentiles, as Rally reports them. */
public record Percentiles(int count, double mean, double p50, double p90, double p99, double max) {

    public static final Percentiles EMPTY =
            new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** NaN values (steps an iteration did not reach) are left out. */
    public static Percentiles of(double[] values) {
        double[] sorted =
                Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return EMPTY;
        }
        return new Percentiles(
                sorted.length,
                Arrays.stream(sorted).average().orElse(Double.NaN),
                rank(sorted, 0.50),
                rank(sorted, 0.90),
                rank(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    /** The smallest value with at least that share of the values at or below it. */
    static double rank(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
