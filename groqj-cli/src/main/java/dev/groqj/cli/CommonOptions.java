package dev.groqj.cli;

import dev.groqj.GroqClient;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The options every command that calls the API takes: output format, retries, timeout. */
final class CommonOptions {
    enum Output { TEXT, JSON }

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people, the default) or json (the API's objects, for scripts).")
    Output output;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "3",
            description = "Retries after a failed attempt (429, 5xx, network); default ${DEFAULT-VALUE}.")
    int maxRetries;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long one attempt may take; default ${DEFAULT-VALUE}.")
    long timeoutSeconds;

    boolean json() {
        return output == Output.JSON;
    }

    void configure(GroqClient.Builder builder) {
        builder.maxRetries(maxRetries).timeout(Duration.ofSeconds(timeoutSeconds));
    }
}
