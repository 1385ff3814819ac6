package dev.groqj.bench;

/**
 * A fresh JVM's first completion: builds one client, makes one call, prints {@code OK}.
 *
 * <pre>{@code
 * java -cp <that client's jars>:<bench classes> dev.groqj.bench.ColdStart groqj http://127.0.0.1:PORT/openai/v1
 * }</pre>
 *
 * The harness times from process start to the {@code OK} line; the classpath holds only the named client's jars.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) {
        try (BenchClient client = BenchClient.create(args[0], args[1])) {
            if (client.complete() <= 0) throw new IllegalStateException("empty completion");
        }
        System.out.println("OK");
        System.out.flush();
        // the JVM's exit (pool threads, shutdown hooks) is not part of "to the first completion"
        Runtime.getRuntime().halt(0);
    }
}
