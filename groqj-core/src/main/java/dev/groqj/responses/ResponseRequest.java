package dev.groqj.responses;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.JsonValues;
import dev.groqj.internal.check.Checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A request to the Responses API ({@code CreateResponseRequest}, beta): immutable, built and checked before it is
 * sent.
 *
 * <pre>{@code
 * ResponseRequest request = ResponseRequest.builder()
 *         .model("openai/gpt-oss-20b")
 *         .instructions("Answer in one sentence.")
 *         .input("Tell me a fact about the moon.")
 *         .addTool(ResponseTool.browserSearch())
 *         .reasoningEffort(ResponseRequest.ReasoningEffort.LOW)
 *         .build();
 * }</pre>
 *
 * <p>Only the parameters you set are sent. {@code stream} is not a parameter here: the client sets it when you
 * call {@code responses().stream(request)}.
 */
public final class ResponseRequest {
    /** How hard a reasoning model thinks ({@code reasoning.effort}). */
    public enum ReasoningEffort {
        LOW, MEDIUM, HIGH
    }

    /** How much of its reasoning the model summarizes ({@code reasoning.summary}). */
    public enum ReasoningSummary {
        AUTO, CONCISE, DETAILED
    }

    /** Which capacity serves the request ({@code service_tier}). */
    public enum ServiceTier {
        AUTO, DEFAULT, FLEX
    }

    /** What happens when the input outgrows the context window ({@code truncation}). */
    public enum Truncation {
        /** Drop items from the start of the input. */
        AUTO,
        /** Fail with a 400 (Groq's default). */
        DISABLED
    }

    static final int MAX_TOOLS = 128;
    static final int MAX_METADATA = 16;

    private final Builder p;

    private ResponseRequest(Builder b) {
        this.p = new Builder(b, true);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(p, false);
    }

    /** A copy that asks for a server-sent event stream; {@code ResponsesService.stream} sends this. */
    ResponseRequest streaming() {
        Builder b = toBuilder();
        b.stream = true;
        return new ResponseRequest(b);
    }

    /** The JSON body: each parameter that was set, under its wire name, then {@link #extraBody()}. */
    @JsonValue
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", p.model);
        body.put("input", p.inputText != null ? p.inputText : p.input);
        putIfSet(body, "instructions", p.instructions);
        putIfSet(body, "tools", p.tools);
        putIfSet(body, "tool_choice", p.toolChoice);
        putIfSet(body, "parallel_tool_calls", p.parallelToolCalls);
        if (p.textFormat != null) body.put("text", Map.of("format", p.textFormat));
        if (p.reasoningEffort != null || p.reasoningSummary != null) {
            Map<String, Object> reasoning = new LinkedHashMap<>();
            putIfSet(reasoning, "effort", wire(p.reasoningEffort));
            putIfSet(reasoning, "summary", wire(p.reasoningSummary));
            body.put("reasoning", reasoning);
        }
        putIfSet(body, "service_tier", wire(p.serviceTier));
        putIfSet(body, "truncation", wire(p.truncation));
        putIfSet(body, "max_output_tokens", p.maxOutputTokens);
        putIfSet(body, "temperature", p.temperature);
        putIfSet(body, "top_p", p.topP);
        putIfSet(body, "metadata", p.metadata);
        putIfSet(body, "user", p.user);
        putIfSet(body, "store", p.store);
        putIfSet(body, "stream", p.stream);
        body.putAll(p.extraBody);
        return body;
    }

    /** An enum constant as the API spells it: its name in lower case. */
    private static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private static void putIfSet(Map<String, Object> body, String name, Object value) {
        if (value != null) body.put(name, value);
    }

    public String model() { return p.model; }
    /** The input when given as one text, else null. */
    public String inputText() { return p.inputText; }
    /** The input items; one user message when the input was given as text. */
    public List<ResponseInputItem> input() {
        return p.inputText != null ? List.of(ResponseInputItem.user(p.inputText)) : p.input;
    }
    public String instructions() { return p.instructions; }
    /** The tools, or null when not set. */
    public List<ResponseTool> tools() { return p.tools; }
    public ResponseToolChoice toolChoice() { return p.toolChoice; }
    public Boolean parallelToolCalls() { return p.parallelToolCalls; }
    public TextFormat textFormat() { return p.textFormat; }
    public ReasoningEffort reasoningEffort() { return p.reasoningEffort; }
    public ReasoningSummary reasoningSummary() { return p.reasoningSummary; }
    public ServiceTier serviceTier() { return p.serviceTier; }
    public Truncation truncation() { return p.truncation; }
    public Integer maxOutputTokens() { return p.maxOutputTokens; }
    public Double temperature() { return p.temperature; }
    public Double topP() { return p.topP; }
    public Map<String, String> metadata() { return p.metadata; }
    public String user() { return p.user; }
    public Boolean store() { return p.store; }
    /** Body fields beyond the typed ones, as the JSON that is sent. */
    public Map<String, dev.groqj.JsonValue> extraBody() { return p.extraBody; }

    @Override
    public String toString() {
        // input text and MCP headers stay out of logs
        return "ResponseRequest{model=" + p.model
                + (p.inputText != null ? ", input=text" : ", input=" + p.input.size() + " items")
                + (p.tools == null ? "" : ", tools=" + p.tools.size())
                + (p.stream == null ? "" : ", stream=" + p.stream)
                + (p.extraBody.isEmpty() ? "" : ", extraBody=" + p.extraBody.keySet()) + '}';
    }

    /**
     * Builds a {@link ResponseRequest}. {@code model} and an input (a text, or at least one item) are required;
     * every other parameter is optional: one not set is not sent. Numeric parameters take primitives, so once set
     * they stay set in a {@code toBuilder()} copy; other parameters are unset with null. For a parameter this
     * builder does not know yet, use {@link #extraBody(String, Object)}.
     */
    public static final class Builder {
        private String model;
        private String inputText;
        private List<ResponseInputItem> input = new ArrayList<>();
        private String instructions;
        private List<ResponseTool> tools;
        private ResponseToolChoice toolChoice;
        private Boolean parallelToolCalls;
        private TextFormat textFormat;
        private ReasoningEffort reasoningEffort;
        private ReasoningSummary reasoningSummary;
        private ServiceTier serviceTier;
        private Truncation truncation;
        private Integer maxOutputTokens;
        private Double temperature;
        private Double topP;
        private Map<String, String> metadata;
        private String user;
        private Boolean store;
        private Boolean stream;
        private Map<String, dev.groqj.JsonValue> extraBody = new LinkedHashMap<>();

        private Builder() {
        }

        /** A copy of {@code o}; {@code frozen}, its lists and maps cannot change (the request's own state). */
        private Builder(Builder o, boolean frozen) {
            model = o.model;
            inputText = o.inputText;
            input = frozen ? List.copyOf(o.input) : new ArrayList<>(o.input);
            instructions = o.instructions;
            tools = o.tools == null ? null : frozen ? List.copyOf(o.tools) : new ArrayList<>(o.tools);
            toolChoice = o.toolChoice;
            parallelToolCalls = o.parallelToolCalls;
            textFormat = o.textFormat;
            reasoningEffort = o.reasoningEffort;
            reasoningSummary = o.reasoningSummary;
            serviceTier = o.serviceTier;
            truncation = o.truncation;
            maxOutputTokens = o.maxOutputTokens;
            temperature = o.temperature;
            topP = o.topP;
            metadata = o.metadata;
            user = o.user;
            store = o.store;
            stream = o.stream;
            extraBody = new LinkedHashMap<>(o.extraBody);
            if (frozen) extraBody = Collections.unmodifiableMap(extraBody);
        }

        /** The model id, e.g. {@code openai/gpt-oss-120b} or {@code llama-3.3-70b-versatile}. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** The input as one text, sent as a string (a user message); replaces any input items. */
        public Builder input(String text) {
            this.inputText = Objects.requireNonNull(text, "text == null");
            this.input.clear();
            return this;
        }

        /** The input as items; replaces an input text. */
        public Builder input(List<ResponseInputItem> items) {
            Objects.requireNonNull(items, "items == null");
            this.inputText = null;
            this.input.clear();
            items.forEach(this::addInput);
            return this;
        }

        /** Adds an item to the input; an input text becomes the user message before it. */
        public Builder addInput(ResponseInputItem item) {
            Objects.requireNonNull(item, "item == null");
            if (inputText != null) {
                input.add(ResponseInputItem.user(inputText));
                inputText = null;
            }
            input.add(item);
            return this;
        }

        /** A system (developer) message put first in the model's context. */
        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        /** Replaces the tools; at most 128. */
        public Builder tools(List<ResponseTool> tools) {
            this.tools = tools == null ? null : new ArrayList<>(tools);
            return this;
        }

        public Builder addTool(ResponseTool tool) {
            Objects.requireNonNull(tool, "tool == null");
            if (tools == null) tools = new ArrayList<>();
            tools.add(tool);
            return this;
        }

        public Builder toolChoice(ResponseToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /** Whether the model may call several tools at once; Groq's default is true. */
        public Builder parallelToolCalls(Boolean parallelToolCalls) {
            this.parallelToolCalls = parallelToolCalls;
            return this;
        }

        /** The form of the text ({@code text.format}): text, JSON object or JSON schema. */
        public Builder textFormat(TextFormat textFormat) {
            this.textFormat = textFormat;
            return this;
        }

        public Builder reasoningEffort(ReasoningEffort reasoningEffort) {
            this.reasoningEffort = reasoningEffort;
            return this;
        }

        public Builder reasoningSummary(ReasoningSummary reasoningSummary) {
            this.reasoningSummary = reasoningSummary;
            return this;
        }

        public Builder serviceTier(ServiceTier serviceTier) {
            this.serviceTier = serviceTier;
            return this;
        }

        public Builder truncation(Truncation truncation) {
            this.truncation = truncation;
            return this;
        }

        /** The most tokens the response may take, reasoning included. */
        public Builder maxOutputTokens(int maxOutputTokens) {
            this.maxOutputTokens = maxOutputTokens;
            return this;
        }

        /** Sampling temperature, 0 to 2. */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Nucleus sampling mass, 0 to 1. */
        public Builder topP(double topP) {
            this.topP = topP;
            return this;
        }

        /** Up to 16 string key-value pairs kept with the response. */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
            return this;
        }

        /** An id of your end user, for Groq's abuse monitoring. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** Whether Groq stores the response; Groq accepts only false (its default) for now. */
        public Builder store(Boolean store) {
            this.store = store;
            return this;
        }

        /**
         * A body field this builder has no setter for, sent as given (a JsonValue, plain Java or a bean, turned
         * into JSON now); it replaces a typed parameter of the same name. A null value removes it.
         */
        public Builder extraBody(String name, Object value) {
            Objects.requireNonNull(name, "name == null");
            if (value == null) extraBody.remove(name);
            else extraBody.put(name, JsonValues.valueOf(value));
            return this;
        }

        /** Checks the parameters; throws {@link ValidationException} naming the first bad one. */
        public ResponseRequest build() {
            if (model == null || model.isBlank()) throw new ValidationException("model", "is required");
            if (inputText == null && input.isEmpty()) {
                throw new ValidationException("input", "a text or at least one input item is required");
            }
            if (tools != null && tools.size() > MAX_TOOLS) {
                throw new ValidationException("tools", "at most " + MAX_TOOLS + " tools, got " + tools.size());
            }
            if (tools != null && tools.contains(null)) throw new ValidationException("tools", "contains null");
            if (toolChoice != null && toolChoice.functionName() != null && !hasFunction(toolChoice.functionName())) {
                throw new ValidationException("tool_choice",
                        "names function '" + toolChoice.functionName() + "', which is not in tools");
            }
            Checks.between("temperature", temperature, 0, 2);
            Checks.between("top_p", topP, 0, 1);
            if (maxOutputTokens != null) Checks.atLeast("max_output_tokens", maxOutputTokens, 1);
            if (metadata != null && metadata.size() > MAX_METADATA) {
                throw new ValidationException("metadata", "at most " + MAX_METADATA + " pairs, got " + metadata.size());
            }
            if (Boolean.TRUE.equals(store)) {
                throw new ValidationException("store", "Groq supports only false: responses are not stored");
            }
            if (extraBody.containsKey("stream")) {
                throw new ValidationException("stream", "do not set it: call responses().stream(request) to stream");
            }
            return new ResponseRequest(this);
        }

        private boolean hasFunction(String name) {
            if (tools == null) return false;
            for (ResponseTool tool : tools) {
                if ("function".equals(tool.type()) && name.equals(tool.name())) return true;
            }
            return false;
        }
    }
}
