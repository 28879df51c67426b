package id.peduli.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of timings in milliseconds (nearest rank; the median averages the middle two). */
final class BenchStats {
    private BenchStats() {}

    static double median(List<Double> values) {
        double[] v = sorted(values);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The smallest value with at least {@code p} percent of the values at or below it. */
    static double percentile(List<Double> values, double p) {
        double[] v = sorted(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    /** {@code a.get(i) / b.get(i)} for each i: paired ratios. */
    static List<Double> ratios(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("unpaired: " + a.size() + " against " + b.size());
        }
        List<Double> out = new java.util.ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i) / b.get(i));
        }
        return out;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double[] sorted(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v;
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static double round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
