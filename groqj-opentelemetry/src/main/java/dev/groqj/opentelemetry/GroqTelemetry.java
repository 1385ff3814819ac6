package dev.groqj.opentelemetry;

import dev.groqj.JsonValue;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Choice;
import dev.groqj.chat.ContentPart;
import dev.groqj.chat.Message;
import dev.groqj.chat.ResponseMessage;
import dev.groqj.chat.ToolCall;
import dev.groqj.error.GroqException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.GroqListener;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.observability.TokenUsage;
import dev.groqj.observability.WaitReason;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traces and metrics of groqj calls through OpenTelemetry, after the GenAI semantic conventions: a CLIENT span
 * per call and the {@code gen_ai.client.*} histograms.
 *
 * <pre>{@code
 * GroqClient client = GroqClient.builder()
 *         .apiKey("gsk_...")
 *         .addListener(GroqTelemetry.create(openTelemetry).listener())
 *         .build();
 * }</pre>
 *
 * <p>Span attributes: {@code gen_ai.operation.name} ("chat" for chat calls), {@code gen_ai.provider.name} and
 * {@code gen_ai.system} ("groq"), {@code gen_ai.request.model}, {@code gen_ai.response.model},
 * {@code gen_ai.response.id}, {@code gen_ai.response.finish_reasons}, {@code gen_ai.usage.input_tokens} and
 * {@code output_tokens}, {@code groq.request_id}, Groq's server timings in seconds ({@code groq.queue_time},
 * {@code groq.prompt_time}, {@code groq.completion_time}, {@code groq.total_time}), and {@code error.type} on
 * failure. Events: {@code groq.retry}, {@code groq.rate_limit_wait}. Metrics: {@code
 * gen_ai.client.operation.duration} (s), {@code gen_ai.client.token.usage} (by {@code gen_ai.token.type}) and
 * {@code gen_ai.client.operation.time_to_first_chunk} (s, streams). Prompts and completions are recorded
 * ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}: JSON of the conventions' role-and-parts shape)
 * only with {@link Builder#captureContent(boolean) captureContent(true)}.
 */
public final class GroqTelemetry {
    static final String INSTRUMENTATION = "dev.groqj";
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("groq.request_id");
    static final AttributeKey<Double> QUEUE_TIME = AttributeKey.doubleKey("groq.queue_time");
    static final AttributeKey<Double> PROMPT_TIME = AttributeKey.doubleKey("groq.prompt_time");
    static final AttributeKey<Double> COMPLETION_TIME = AttributeKey.doubleKey("groq.completion_time");
    static final AttributeKey<Double> TOTAL_TIME = AttributeKey.doubleKey("groq.total_time");
    static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    private static final String GROQ = "groq";
    private static final List<Double> SECONDS_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
            5.12, 10.24, 20.48, 40.96, 81.92);
    private static final List<Long> TOKEN_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L,
            262144L, 1048576L, 4194304L, 16777216L, 67108864L);

    private final Tracer tracer;
    private final DoubleHistogram duration;
    private final LongHistogram tokens;
    private final DoubleHistogram firstChunk;
    private final boolean captureContent;

    private GroqTelemetry(Builder b) {
        this.tracer = b.openTelemetry.getTracer(INSTRUMENTATION);
        Meter meter = b.openTelemetry.getMeter(INSTRUMENTATION);
        // bucket boundaries as the GenAI conventions advise them
        this.duration = meter.histogramBuilder("gen_ai.client.operation.duration").setUnit("s")
                .setDescription("GenAI operation duration").setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS).build();
        this.tokens = meter.histogramBuilder("gen_ai.client.token.usage").ofLongs().setUnit("{token}")
                .setDescription("Measures number of input and output tokens used")
                .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS).build();
        this.firstChunk = meter.histogramBuilder("gen_ai.client.operation.time_to_first_chunk").setUnit("s")
                .setDescription("Time from the start of a streamed call to its first chunk")
                .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS).build();
        this.captureContent = b.captureContent;
    }

    /**
     * Spans and metrics of groqj calls, without the messages' content.
     *
     * @param openTelemetry where the tracer and meter come from
     * @return the telemetry; add {@link #listener()} to a {@code GroqClient}
     */
    public static GroqTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * A builder, to capture the messages' content.
     *
     * @param openTelemetry where the tracer and meter come from
     * @return a new builder
     */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    /**
     * The listener that makes the spans and metrics.
     *
     * @return the listener to add to {@code GroqClient.builder().addListener(...)}
     */
    public GroqListener listener() {
        return new Listener();
    }

    /** {@code chat.create} and {@code chat.stream} are the convention's "chat"; other calls keep groqj's name. */
    static String operationName(CallInfo call) {
        String op = call.operation();
        return op.startsWith("chat.") ? "chat" : op;
    }

    private final class Listener implements GroqListener {
        private final Map<CallInfo, CallState> calls = new ConcurrentHashMap<>();

        @Override
        public void callStart(CallInfo call) {
            String op = operationName(call);
            var span = tracer.spanBuilder(call.model() == null ? op : op + " " + call.model())
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute(OPERATION, op)
                    .setAttribute(PROVIDER, GROQ)
                    .setAttribute(SYSTEM, GROQ);
            if (call.model() != null) span.setAttribute(REQUEST_MODEL, call.model());
            Span started = span.startSpan();
            if (captureContent && call.request() instanceof ChatRequest) {
                started.setAttribute(INPUT_MESSAGES, inputMessages(((ChatRequest) call.request()).messages()));
            }
            calls.put(call, new CallState(started, System.nanoTime()));
        }

        @Override
        public void rateLimitWait(CallInfo call, Duration wait, WaitReason reason) {
            CallState s = calls.get(call);
            if (s != null) s.span.addEvent("groq.rate_limit_wait", Attributes.of(
                    AttributeKey.stringKey("groq.wait.reason"), reason.name(),
                    AttributeKey.doubleKey("groq.wait.seconds"), seconds(wait)));
        }

        @Override
        public void retryScheduled(CallInfo call, int attempt, Duration delay, GroqException error) {
            CallState s = calls.get(call);
            if (s != null) s.span.addEvent("groq.retry", Attributes.of(
                    AttributeKey.longKey("groq.attempt"), (long) attempt,
                    AttributeKey.doubleKey("groq.retry.delay"), seconds(delay),
                    ERROR_TYPE, errorType(error)));
        }

        @Override
        public void responseHeaders(CallInfo call, int statusCode, String requestId) {
            CallState s = calls.get(call);
            if (s != null && requestId != null) s.span.setAttribute(REQUEST_ID, requestId);
        }

        @Override
        public void firstChunk(CallInfo call) {
            CallState s = calls.get(call);
            if (s != null) firstChunk.record(secondsSince(s.startNanos), metricAttributes(call, null, null));
        }

        @Override
        public void responseReceived(CallInfo call, ResponseInfo response) {
            CallState s = calls.get(call);
            if (s != null) s.response = response;
        }

        @Override
        public void callEnd(CallInfo call, TokenUsage usage, Duration elapsed) {
            CallState s = calls.remove(call);
            if (s == null) return;
            ResponseInfo r = s.response;
            Span span = s.span;
            if (r != null) {
                if (r.model() != null) span.setAttribute(RESPONSE_MODEL, r.model());
                if (r.id() != null) span.setAttribute(RESPONSE_ID, r.id());
                if (!r.finishReasons().isEmpty()) span.setAttribute(FINISH_REASONS, r.finishReasons());
                if (r.requestId() != null) span.setAttribute(REQUEST_ID, r.requestId());
                setSeconds(span, QUEUE_TIME, r.queueTime());
                setSeconds(span, PROMPT_TIME, r.promptTime());
                setSeconds(span, COMPLETION_TIME, r.completionTime());
                setSeconds(span, TOTAL_TIME, r.totalTime());
                if (captureContent && r.value() instanceof ChatCompletion) {
                    span.setAttribute(OUTPUT_MESSAGES, outputMessages(((ChatCompletion) r.value()).choices()));
                }
            }
            Attributes attributes = metricAttributes(call, r, null);
            if (usage != null) {
                span.setAttribute(INPUT_TOKENS, usage.promptTokens());
                span.setAttribute(OUTPUT_TOKENS, usage.completionTokens());
                tokens.record(usage.promptTokens(), attributes.toBuilder().put(TOKEN_TYPE, "input").build());
                tokens.record(usage.completionTokens(), attributes.toBuilder().put(TOKEN_TYPE, "output").build());
            }
            duration.record(secondsSince(s.startNanos), attributes);
            span.end();
        }

        @Override
        public void callFailed(CallInfo call, GroqException error, Duration elapsed) {
            CallState s = calls.remove(call);
            if (s == null) return;
            String type = errorType(error);
            s.span.setAttribute(ERROR_TYPE, type);
            if (error.requestId() != null) s.span.setAttribute(REQUEST_ID, error.requestId());
            s.span.recordException(error);
            s.span.setStatus(StatusCode.ERROR, error.getMessage());
            duration.record(secondsSince(s.startNanos), metricAttributes(call, s.response, type));
            s.span.end();
        }
    }

    /** The GenAI conventions' input messages: {@code [{"role":"user","parts":[{"type":"text","content":"Hi"}]}]}. */
    static String inputMessages(List<Message> messages) {
        List<Object> json = new ArrayList<>();
        for (Message m : messages) {
            List<Object> parts = new ArrayList<>();
            if (m.reasoning() != null) parts.add(fields("type", "reasoning", "content", m.reasoning()));
            if (m.toolCallId() != null) {
                parts.add(fields("type", "tool_call_response", "id", m.toolCallId(), "response", m.content()));
            } else if (m.content() != null) {
                parts.add(fields("type", "text", "content", m.content()));
            }
            for (ContentPart p : m.contentParts()) {
                parts.add(p.imageUrl() != null ? fields("type", "uri", "modality", "image", "uri", p.imageUrl())
                        : fields("type", "text", "content", p.text()));
            }
            m.toolCalls().forEach(call -> parts.add(toolCall(call)));
            json.add(fields("role", m.role(), "parts", parts));
        }
        return JsonValue.of(json).toJson();
    }

    /** The GenAI conventions' output messages: each choice's message, with its finish reason. */
    static String outputMessages(List<Choice> choices) {
        List<Object> json = new ArrayList<>();
        for (Choice c : choices) {
            ResponseMessage m = c.message();
            if (m == null) continue;
            List<Object> parts = new ArrayList<>();
            if (m.reasoning() != null) parts.add(fields("type", "reasoning", "content", m.reasoning()));
            if (m.content() != null) parts.add(fields("type", "text", "content", m.content()));
            m.toolCalls().forEach(call -> parts.add(toolCall(call)));
            json.add(fields("role", m.role() != null ? m.role() : "assistant", "parts", parts,
                    "finish_reason", c.finishReason() == null ? null : c.finishReason().value()));
        }
        return JsonValue.of(json).toJson();
    }

    /** The arguments stay the text the model wrote, which need not be valid JSON. */
    private static Map<String, Object> toolCall(ToolCall call) {
        ToolCall.Function f = call.function();
        return fields("type", "tool_call", "id", call.id(), "name", f == null ? null : f.name(),
                "arguments", f == null ? null : f.arguments());
    }

    /** An ordered JSON object of the key-value pairs whose values are not null. */
    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) object.put((String) keyValues[i], keyValues[i + 1]);
        }
        return object;
    }

    private static Attributes metricAttributes(CallInfo call, ResponseInfo response, String errorType) {
        AttributesBuilder b = Attributes.builder().put(OPERATION, operationName(call)).put(PROVIDER, GROQ);
        if (call.model() != null) b.put(REQUEST_MODEL, call.model());
        if (response != null && response.model() != null) b.put(RESPONSE_MODEL, response.model());
        if (errorType != null) b.put(ERROR_TYPE, errorType);
        return b.build();
    }

    /** The HTTP status when there was one, else the exception's simple class name (the convention's rule). */
    static String errorType(GroqException error) {
        return error.statusCode() > 0 ? Integer.toString(error.statusCode()) : error.getClass().getSimpleName();
    }

    private static void setSeconds(Span span, AttributeKey<Double> key, Duration d) {
        if (d != null) span.setAttribute(key, seconds(d));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static final class CallState {
        final Span span;
        final long startNanos;
        volatile ResponseInfo response;

        CallState(Span span, long startNanos) {
            this.span = span;
            this.startNanos = startNanos;
        }
    }

    /** Configures {@link GroqTelemetry}; made by {@link GroqTelemetry#builder(OpenTelemetry)}. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean captureContent;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry == null");
        }

        /**
         * Whether spans carry the prompt and completion messages (JSON); off by default, they may be private.
         *
         * @param captureContent true to record the messages on the spans
         * @return this builder
         */
        public Builder captureContent(boolean captureContent) {
            this.captureContent = captureContent;
            return this;
        }

        /** @return the configured telemetry */
        public GroqTelemetry build() {
            return new GroqTelemetry(this);
        }
    }
}
