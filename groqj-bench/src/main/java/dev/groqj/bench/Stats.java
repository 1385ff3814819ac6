package dev.groqj.bench;

import java.util.Arrays;

/** A growable list of long samples (latencies in ns) and the percentiles the report uses. */
final class Stats {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    void addAll(Stats other) {
        for (int i = 0; i < other.size; i++) add(other.values[i]);
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The nearest-rank percentile, {@code p} in (0, 100]. */
    long percentile(double p) {
        if (size == 0) throw new IllegalStateException("no samples");
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }
}
