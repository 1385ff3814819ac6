/** OpenTelemetry spans and metrics from a {@code GroqListener}. */
module dev.groqj.opentelemetry {
    exports dev.groqj.opentelemetry;

    requires transitive dev.groqj.core;
    requires transitive io.opentelemetry.api;
}
