package dev.groqj.micrometer;

import dev.groqj.error.GroqException;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.observability.TokenUsage;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags groqj observations after the OpenTelemetry GenAI conventions: the observation is
 * {@code gen_ai.client.operation}; low-cardinality tags (also on the timer) are {@code gen_ai.operation.name},
 * {@code gen_ai.provider.name}, {@code gen_ai.request.model}, {@code gen_ai.response.model} and {@code
 * error.type}; high-cardinality ones (spans only) are the response id, finish reasons, token counts, Groq's
 * request id and server timings. Extend it, or pass your own to {@link GroqObservations.Builder#convention}.
 *
 * <pre>{@code
 * GroqObservations.builder(registry).convention(new GroqObservationConvention() { ... }).build();
 * }</pre>
 */
public class GroqObservationConvention implements ObservationConvention<GroqObservationContext> {
    /** The observation's name, from the OpenTelemetry GenAI semantic conventions. */
    public static final String NAME = "gen_ai.client.operation";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(GroqObservationContext context) {
        String op = GroqObservations.operationName(context.call());
        return context.call().model() == null ? op : op + " " + context.call().model();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(GroqObservationContext context) {
        ResponseInfo r = context.response();
        return KeyValues.of(
                KeyValue.of("gen_ai.operation.name", GroqObservations.operationName(context.call())),
                KeyValue.of("gen_ai.provider.name", "groq"),
                KeyValue.of("gen_ai.request.model", orNone(context.call().model())),
                KeyValue.of("gen_ai.response.model", orNone(r == null ? null : r.model())),
                KeyValue.of("error.type", context.getError() instanceof GroqException
                        ? GroqObservations.errorType((GroqException) context.getError()) : "none"));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(GroqObservationContext context) {
        KeyValues kv = KeyValues.empty();
        if (context.requestId() != null) kv = kv.and("groq.request_id", context.requestId());
        ResponseInfo r = context.response();
        if (r != null) {
            if (r.id() != null) kv = kv.and("gen_ai.response.id", r.id());
            if (!r.finishReasons().isEmpty()) kv = kv.and("gen_ai.response.finish_reasons", String.join(",", r.finishReasons()));
            if (r.queueTime() != null) kv = kv.and("groq.queue_time", seconds(r.queueTime()));
            if (r.promptTime() != null) kv = kv.and("groq.prompt_time", seconds(r.promptTime()));
            if (r.completionTime() != null) kv = kv.and("groq.completion_time", seconds(r.completionTime()));
            if (r.totalTime() != null) kv = kv.and("groq.total_time", seconds(r.totalTime()));
        }
        TokenUsage u = context.usage();
        if (u != null) {
            kv = kv.and("gen_ai.usage.input_tokens", Long.toString(u.promptTokens()))
                    .and("gen_ai.usage.output_tokens", Long.toString(u.completionTokens()));
        }
        return kv;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof GroqObservationContext;
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    private static String seconds(java.time.Duration d) {
        return Double.toString(d.toNanos() / 1e9);
    }
}
