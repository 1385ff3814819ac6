package dev.groqj.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One measured quantity for every client, and how it compares.
 *
 * <pre>{@code
 * Scenario s = new Scenario("chat_c64_throughput", "req/s", true);
 * s.put("groqj", 5120.0);
 * s.line();   // SCENARIO chat_c64_throughput groqj=5120 openai-java=... unit=req/s ratio_vs_openai=... ratio_vs_raw=...
 * }</pre>
 */
final class Scenario {
    final String name;
    final String unit;
    /** Throughput and MB/s: more is better. Latency, CPU, heap, bytes, milliseconds: less is better. */
    final boolean higherIsBetter;
    private final Map<String, Double> values = new LinkedHashMap<>();

    Scenario(String name, String unit, boolean higherIsBetter) {
        this.name = name;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    Scenario put(String client, double value) {
        values.put(client, value);
        return this;
    }

    Double value(String client) {
        return values.get(client);
    }

    /** groqj's advantage over {@code other}: above 1 means groqj is better, whichever way the unit points. */
    Double ratio(String other) {
        return ratio("groqj", other);
    }

    /** {@code client}'s advantage over {@code other}, as {@link #ratio(String)}. */
    Double ratio(String client, String other) {
        Double g = values.get(client);
        Double o = values.get(other);
        if (g == null || o == null || g == 0 || o == 0) return null;
        return higherIsBetter ? g / o : o / g;
    }

    String line() {
        StringBuilder sb = new StringBuilder("SCENARIO ").append(name);
        for (String client : BenchClient.NAMES) sb.append(' ').append(client).append('=').append(format(values.get(client)));
        return sb.append(" unit=").append(unit)
                .append(" ratio_vs_openai=").append(formatRatio(ratio("openai-java")))
                .append(" ratio_vs_raw=").append(formatRatio(ratio("raw")))
                .append(" apache_ratio_vs_openai=").append(formatRatio(ratio("groqj-apache", "openai-java")))
                .append(" apache_ratio_vs_raw=").append(formatRatio(ratio("groqj-apache", "raw")))
                .toString();
    }

    static String format(Double v) {
        if (v == null) return "n/a";
        double a = Math.abs(v);
        if (a >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String formatRatio(Double r) {
        return r == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r);
    }
}
