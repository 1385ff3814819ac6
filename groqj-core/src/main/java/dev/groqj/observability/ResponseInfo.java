package dev.groqj.observability;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a successful answer said about itself, for tracing and metrics: the response's id and model, why it
 * stopped, the tokens used, Groq's server-side timings and its request id. Reported in
 * {@link GroqListener#responseReceived} just before {@code callEnd}.
 *
 * <pre>{@code
 * ResponseInfo info = ResponseInfo.builder().id("chatcmpl-1").model("llama-3.1-8b-instant")
 *         .finishReasons(List.of("stop")).usage(TokenUsage.of(12, 3)).queueTime(Duration.ofMillis(20)).build();
 * }</pre>
 *
 * <p>Every field may be null (an empty list for finish reasons) when the answer does not carry it.
 * {@link #value()} is the decoded answer itself (a {@code ChatCompletion}; for a stream, the completion its
 * chunks make); adapters read content from it only when the user turned content recording on.
 */
public final class ResponseInfo {
    private final String id;
    private final String model;
    private final List<String> finishReasons;
    private final TokenUsage usage;
    private final String requestId;
    private final Duration queueTime;
    private final Duration promptTime;
    private final Duration completionTime;
    private final Duration totalTime;
    private final Object value;

    private ResponseInfo(Builder b) {
        this.id = b.id;
        this.model = b.model;
        this.finishReasons = List.copyOf(b.finishReasons);
        this.usage = b.usage;
        this.requestId = b.requestId;
        this.queueTime = b.queueTime;
        this.promptTime = b.promptTime;
        this.completionTime = b.completionTime;
        this.totalTime = b.totalTime;
        this.value = b.value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The response's {@code id}, e.g. {@code chatcmpl-...}. */
    public String id() { return id; }
    /** The model that answered, as the response names it. */
    public String model() { return model; }
    /** One per choice, the wire values ({@code stop}, {@code length}, {@code tool_calls}, …). */
    public List<String> finishReasons() { return finishReasons; }
    public TokenUsage usage() { return usage; }
    /** Groq's request id ({@code x_groq.id} or the {@code x-request-id} header). */
    public String requestId() { return requestId; }
    /** Time the request waited in Groq's queue ({@code usage.queue_time}). */
    public Duration queueTime() { return queueTime; }
    /** Time Groq spent on the prompt ({@code usage.prompt_time}). */
    public Duration promptTime() { return promptTime; }
    /** Time Groq spent generating ({@code usage.completion_time}). */
    public Duration completionTime() { return completionTime; }
    /** Groq's total processing time ({@code usage.total_time}). */
    public Duration totalTime() { return totalTime; }
    /** The decoded answer. */
    public Object value() { return value; }

    public Builder toBuilder() {
        return new Builder().id(id).model(model).finishReasons(finishReasons).usage(usage).requestId(requestId)
                .queueTime(queueTime).promptTime(promptTime).completionTime(completionTime).totalTime(totalTime)
                .value(value);
    }

    @Override
    public String toString() {
        return "ResponseInfo{id=" + id + ", model=" + model + ", finishReasons=" + finishReasons + ", usage=" + usage
                + ", requestId=" + requestId + '}';
    }

    public static final class Builder {
        private String id;
        private String model;
        private List<String> finishReasons = List.of();
        private TokenUsage usage;
        private String requestId;
        private Duration queueTime;
        private Duration promptTime;
        private Duration completionTime;
        private Duration totalTime;
        private Object value;

        private Builder() {
        }

        public Builder id(String id) { this.id = id; return this; }
        public Builder model(String model) { this.model = model; return this; }

        public Builder finishReasons(List<String> finishReasons) {
            this.finishReasons = Objects.requireNonNull(finishReasons, "finishReasons == null");
            return this;
        }

        public Builder usage(TokenUsage usage) { this.usage = usage; return this; }
        public Builder requestId(String requestId) { this.requestId = requestId; return this; }
        public Builder queueTime(Duration queueTime) { this.queueTime = queueTime; return this; }
        public Builder promptTime(Duration promptTime) { this.promptTime = promptTime; return this; }
        public Builder completionTime(Duration completionTime) { this.completionTime = completionTime; return this; }
        public Builder totalTime(Duration totalTime) { this.totalTime = totalTime; return this; }
        public Builder value(Object value) { this.value = value; return this; }

        public ResponseInfo build() {
            return new ResponseInfo(this);
        }
    }
}
