package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.http.HeaderRules;
import dev.groqj.internal.JsonValues;
import dev.groqj.internal.codec.ChatRequestSerializer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A chat completion request ({@code CreateChatCompletionRequest}): immutable, built and checked before it is
 * sent.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *         .model("llama-3.3-70b-versatile")
 *         .addMessage(Message.system("Be brief."))
 *         .addMessage(Message.user("Hello"))
 *         .temperature(0.2)
 *         .build();
 * ChatRequest next = request.toBuilder().addMessage(Message.user("And then?")).build();
 * }</pre>
 *
 * <p>Only the parameters you set are sent. {@code stream} is not a parameter here: the client sets it when
 * you call {@code chat().stream(request)}.
 */
public final class ChatRequest {
    /** How reasoning models return their reasoning ({@code reasoning_format}). */
    public enum ReasoningFormat {
        /** Reasoning in the {@code reasoning} field. */
        PARSED,
        /** Reasoning inline in the content, between think tags. */
        RAW,
        /** No reasoning in the response. */
        HIDDEN;

        @JsonValue
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How hard a reasoning model thinks ({@code reasoning_effort}). gpt-oss models take LOW, MEDIUM (their
     * default) and HIGH; qwen3 models take NONE (no reasoning) and DEFAULT.
     */
    public enum ReasoningEffort {
        NONE, DEFAULT, LOW, MEDIUM, HIGH;

        @JsonValue
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which capacity serves the request ({@code service_tier}); Groq's default is ON_DEMAND. */
    public enum ServiceTier {
        /** The highest tier the organization's limits allow. */
        AUTO,
        ON_DEMAND,
        /** Succeeds or fails fast: may answer 498 when capacity is short. */
        FLEX,
        PERFORMANCE;

        @JsonValue
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int MAX_STOP_SEQUENCES = 4;
    static final int MAX_TOOLS = 128;

    /**
     * The parameters, held in a builder that no one else sees and no setter touches: its lists and maps are
     * unmodifiable copies. One field list and one copy serve both the request and {@link #toBuilder()}.
     */
    private final Builder p;

    static {
        ChatRequestSerializer.install(new EncoderAccess());
    }

    private ChatRequest(Builder b) {
        this.p = new Builder(b, true);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(p, false);
    }

    /** A copy that asks for a server-sent event stream; {@code ChatService.stream} sends this. */
    ChatRequest streaming() {
        return toBuilder().stream(true).build();
    }

    /**
     * The JSON body: each parameter that was set, under its wire name, then {@link #extraBody()} (whose entries
     * replace a typed parameter of the same name).
     */
    @JsonValue
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", p.model);
        body.put("messages", p.messages);
        putIfSet(body, "tools", p.tools);
        putIfSet(body, "tool_choice", p.toolChoice);
        putIfSet(body, "parallel_tool_calls", p.parallelToolCalls);
        putIfSet(body, "response_format", p.responseFormat);
        putIfSet(body, "temperature", p.temperature);
        putIfSet(body, "top_p", p.topP);
        putIfSet(body, "max_completion_tokens", p.maxCompletionTokens);
        putIfSet(body, "max_tokens", p.maxTokens);
        putIfSet(body, "stop", p.stop == null ? null : p.stopIsList ? p.stop : p.stop.get(0));
        putIfSet(body, "seed", p.seed);
        putIfSet(body, "reasoning_format", p.reasoningFormat);
        putIfSet(body, "reasoning_effort", p.reasoningEffort);
        putIfSet(body, "include_reasoning", p.includeReasoning);
        putIfSet(body, "service_tier", p.serviceTier);
        putIfSet(body, "search_settings", p.searchSettings);
        putIfSet(body, "compound_custom", p.compoundCustom);
        putIfSet(body, "documents", p.documents);
        putIfSet(body, "citation_options", p.citationOptions == null ? null : p.citationOptions ? "enabled" : "disabled");
        putIfSet(body, "user", p.user);
        putIfSet(body, "disable_tool_validation", p.disableToolValidation);
        putIfSet(body, "frequency_penalty", p.frequencyPenalty);
        putIfSet(body, "presence_penalty", p.presencePenalty);
        putIfSet(body, "metadata", p.metadata);
        putIfSet(body, "n", p.n);
        putIfSet(body, "stream", p.stream);
        body.putAll(p.extraBody);
        return body;
    }

    private static void putIfSet(Map<String, Object> body, String name, Object value) {
        if (value != null) body.put(name, value);
    }

    /** Lets the request encoder (internal, another package) read what has no public accessor. */
    private static final class EncoderAccess implements ChatRequestSerializer.Access {
        @Override
        public Map<String, Object> body(ChatRequest request) {
            return request.body();
        }

        @Override
        public boolean stopIsList(ChatRequest request) {
            return request.p.stopIsList;
        }

        @Override
        public Boolean stream(ChatRequest request) {
            return request.p.stream;
        }

        @Override
        public String wire(Enum<?> value) {
            if (value instanceof ReasoningFormat) return ((ReasoningFormat) value).wire();
            if (value instanceof ReasoningEffort) return ((ReasoningEffort) value).wire();
            return ((ServiceTier) value).wire();
        }
    }

    public String model() { return p.model; }
    public List<Message> messages() { return p.messages; }
    /** The tools, or null when not set. */
    public List<Tool> tools() { return p.tools; }
    public ToolChoice toolChoice() { return p.toolChoice; }
    public Boolean parallelToolCalls() { return p.parallelToolCalls; }
    public ResponseFormat responseFormat() { return p.responseFormat; }
    public Double temperature() { return p.temperature; }
    public Double topP() { return p.topP; }
    public Integer maxCompletionTokens() { return p.maxCompletionTokens; }
    /** @deprecated Groq's older name of {@link #maxCompletionTokens()}. */
    @Deprecated
    public Integer maxTokens() { return p.maxTokens; }
    /** The stop sequences (one when set as a single string), or null. */
    public List<String> stop() { return p.stop; }
    public Long seed() { return p.seed; }
    public ReasoningFormat reasoningFormat() { return p.reasoningFormat; }
    public ReasoningEffort reasoningEffort() { return p.reasoningEffort; }
    public Boolean includeReasoning() { return p.includeReasoning; }
    public ServiceTier serviceTier() { return p.serviceTier; }
    public SearchSettings searchSettings() { return p.searchSettings; }
    public CompoundCustom compoundCustom() { return p.compoundCustom; }
    /** The documents, or null when not set. */
    public List<Document> documents() { return p.documents; }
    /** Whether citations are enabled ({@code citation_options}), or null when not set. */
    public Boolean citationOptions() { return p.citationOptions; }
    public String user() { return p.user; }
    public Boolean disableToolValidation() { return p.disableToolValidation; }
    public Double frequencyPenalty() { return p.frequencyPenalty; }
    public Double presencePenalty() { return p.presencePenalty; }
    public Map<String, String> metadata() { return p.metadata; }
    public Integer n() { return p.n; }
    /** True on the copy a stream sends, else null. */
    Boolean stream() { return p.stream; }
    /** Body fields beyond the typed ones, as the JSON that is sent. */
    public Map<String, dev.groqj.JsonValue> extraBody() { return p.extraBody; }
    /** HTTP headers to send with this request, beside the client's. */
    public Map<String, String> extraHeaders() { return p.extraHeaders; }

    @Override
    public String toString() {
        // message contents and secrets (compound_custom's Wolfram key) stay out of logs
        return "ChatRequest{model=" + p.model + ", messages=" + p.messages.size()
                + (p.tools == null ? "" : ", tools=" + p.tools.size())
                + (p.stream == null ? "" : ", stream=" + p.stream)
                + (p.extraBody.isEmpty() ? "" : ", extraBody=" + p.extraBody.keySet()) + '}';
    }

    /**
     * Builds a {@link ChatRequest}. {@code model} and at least one message are required; every other parameter
     * is optional: one not set is not sent. Numeric parameters take primitives ({@code temperature(1)},
     * {@code seed(42)}), so once set they stay set in a {@code toBuilder()} copy; other parameters are unset with
     * null.
     *
     * <p>There are no setters for {@code logprobs}, {@code top_logprobs} and {@code logit_bias}, nor for
     * {@code messages[].name}: Groq answers 400 to each. {@code n} may only be 1. For a parameter this builder
     * does not know yet, use {@link #extraBody(String, Object)}.
     */
    public static final class Builder {
        private String model;
        private List<Message> messages = new ArrayList<>();
        private List<Tool> tools;
        private ToolChoice toolChoice;
        private Boolean parallelToolCalls;
        private ResponseFormat responseFormat;
        private Double temperature;
        private Double topP;
        private Integer maxCompletionTokens;
        private Integer maxTokens;
        private List<String> stop;
        private boolean stopIsList;
        private Long seed;
        private ReasoningFormat reasoningFormat;
        private ReasoningEffort reasoningEffort;
        private Boolean includeReasoning;
        private ServiceTier serviceTier;
        private SearchSettings searchSettings;
        private CompoundCustom compoundCustom;
        private List<Document> documents;
        private Boolean citationOptions;
        private String user;
        private Boolean disableToolValidation;
        private Double frequencyPenalty;
        private Double presencePenalty;
        private Map<String, String> metadata;
        private Integer n;
        private Boolean stream;
        /** JSON taken when set: a caller's Map can change later, a JsonValue cannot. */
        private Map<String, dev.groqj.JsonValue> extraBody = new LinkedHashMap<>();
        private Map<String, String> extraHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {
        }

        /** A copy of {@code o}; {@code frozen}, its lists and maps cannot change (the request's own state). */
        private Builder(Builder o, boolean frozen) {
            model = o.model;
            messages = copy(o.messages, frozen);
            tools = o.tools == null ? null : copy(o.tools, frozen);
            toolChoice = o.toolChoice;
            parallelToolCalls = o.parallelToolCalls;
            responseFormat = o.responseFormat;
            temperature = o.temperature;
            topP = o.topP;
            maxCompletionTokens = o.maxCompletionTokens;
            maxTokens = o.maxTokens;
            stop = o.stop;
            stopIsList = o.stopIsList;
            seed = o.seed;
            reasoningFormat = o.reasoningFormat;
            reasoningEffort = o.reasoningEffort;
            includeReasoning = o.includeReasoning;
            serviceTier = o.serviceTier;
            searchSettings = o.searchSettings;
            compoundCustom = o.compoundCustom;
            documents = o.documents == null ? null : copy(o.documents, frozen);
            citationOptions = o.citationOptions;
            user = o.user;
            disableToolValidation = o.disableToolValidation;
            frequencyPenalty = o.frequencyPenalty;
            presencePenalty = o.presencePenalty;
            metadata = o.metadata;
            n = o.n;
            stream = o.stream;
            extraBody = new LinkedHashMap<>(o.extraBody);
            TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(o.extraHeaders);
            extraHeaders = headers;
            if (frozen) {
                extraBody = Collections.unmodifiableMap(extraBody);
                extraHeaders = Collections.unmodifiableMap(extraHeaders);
            }
        }

        private static <T> List<T> copy(List<T> list, boolean frozen) {
            return frozen ? List.copyOf(list) : new ArrayList<>(list);
        }

        /** The model id, e.g. {@code llama-3.3-70b-versatile} or {@code openai/gpt-oss-120b}. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Replaces the messages. */
        public Builder messages(List<Message> messages) {
            Objects.requireNonNull(messages, "messages == null");
            this.messages.clear();
            messages.forEach(this::addMessage);
            return this;
        }

        public Builder addMessage(Message message) {
            messages.add(Objects.requireNonNull(message, "message == null"));
            return this;
        }

        /** Replaces the tools; at most 128. */
        public Builder tools(List<Tool> tools) {
            this.tools = tools == null ? null : new ArrayList<>(tools);
            return this;
        }

        public Builder addTool(Tool tool) {
            Objects.requireNonNull(tool, "tool == null");
            if (tools == null) tools = new ArrayList<>();
            tools.add(tool);
            return this;
        }

        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /** Whether the model may call several tools in one answer; Groq's default is true. */
        public Builder parallelToolCalls(Boolean parallelToolCalls) {
            this.parallelToolCalls = parallelToolCalls;
            return this;
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
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

        /** The most tokens the answer (reasoning included) may take. */
        public Builder maxCompletionTokens(int maxCompletionTokens) {
            this.maxCompletionTokens = maxCompletionTokens;
            return this;
        }

        /** @deprecated use {@link #maxCompletionTokens(int)}; kept because the API still accepts it. */
        @Deprecated
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /** One stop sequence, sent as a string. */
        public Builder stop(String stop) {
            this.stop = stop == null ? null : List.of(stop);
            this.stopIsList = false;
            return this;
        }

        /** Up to 4 stop sequences, sent as a list. */
        public Builder stop(List<String> stop) {
            this.stop = stop == null ? null : List.copyOf(stop);
            this.stopIsList = true;
            return this;
        }

        /** Best-effort determinism: the same seed and parameters tend to give the same answer. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Not together with {@link #includeReasoning(Boolean)}. */
        public Builder reasoningFormat(ReasoningFormat reasoningFormat) {
            this.reasoningFormat = reasoningFormat;
            return this;
        }

        public Builder reasoningEffort(ReasoningEffort reasoningEffort) {
            this.reasoningEffort = reasoningEffort;
            return this;
        }

        /** Whether the answer carries the {@code reasoning} field; not together with {@link #reasoningFormat}. */
        public Builder includeReasoning(Boolean includeReasoning) {
            this.includeReasoning = includeReasoning;
            return this;
        }

        public Builder serviceTier(ServiceTier serviceTier) {
            this.serviceTier = serviceTier;
            return this;
        }

        public Builder searchSettings(SearchSettings searchSettings) {
            this.searchSettings = searchSettings;
            return this;
        }

        public Builder compoundCustom(CompoundCustom compoundCustom) {
            this.compoundCustom = compoundCustom;
            return this;
        }

        /** Replaces the documents the model may read and cite. */
        public Builder documents(List<Document> documents) {
            this.documents = documents == null ? null : new ArrayList<>(documents);
            return this;
        }

        public Builder addDocument(Document document) {
            Objects.requireNonNull(document, "document == null");
            if (documents == null) documents = new ArrayList<>();
            documents.add(document);
            return this;
        }

        /** Whether the answer cites documents and search results ({@code citation_options}: enabled/disabled). */
        public Builder citationOptions(Boolean enabled) {
            this.citationOptions = enabled;
            return this;
        }

        /** An id of your end user, to help Groq detect abuse. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** Return tool calls without checking that the tool is in {@code tools}. */
        public Builder disableToolValidation(Boolean disableToolValidation) {
            this.disableToolValidation = disableToolValidation;
            return this;
        }

        /** -2 to 2; the API accepts it, though Groq's models do not use it yet. */
        public Builder frequencyPenalty(double frequencyPenalty) {
            this.frequencyPenalty = frequencyPenalty;
            return this;
        }

        /** -2 to 2; the API accepts it, though Groq's models do not use it yet. */
        public Builder presencePenalty(double presencePenalty) {
            this.presencePenalty = presencePenalty;
            return this;
        }

        /** String key-value pairs; the API accepts them but does not use them yet. */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
            return this;
        }

        /** The number of choices; Groq supports only 1. */
        public Builder n(int n) {
            this.n = n;
            return this;
        }

        Builder stream(Boolean stream) {
            this.stream = stream;
            return this;
        }

        /**
         * A body field this builder has no setter for, sent as given: a {@link dev.groqj.JsonValue}, plain Java
         * (Map, List, String, Number, Boolean) or a bean, turned into JSON now (changing {@code value} later
         * changes nothing); it replaces a typed parameter of the same name. A null value removes an earlier
         * extra field.
         */
        public Builder extraBody(String name, Object value) {
            Objects.requireNonNull(name, "name == null");
            if (value == null) extraBody.remove(name);
            else extraBody.put(name, JsonValues.valueOf(value));
            return this;
        }

        /**
         * An HTTP header to send with this request; a null value removes it. Names ignore case; per-call
         * {@code RequestOptions} headers win over these, these over the client's. Framing and hop-by-hop headers
         * and control characters are refused with a {@link ValidationException} naming the header.
         */
        public Builder extraHeader(String name, String value) {
            Objects.requireNonNull(name, "name == null");
            extraHeaders.remove(name);
            if (value != null) {
                HeaderRules.requireExtra(name, value);
                extraHeaders.put(name, value);
            }
            return this;
        }

        /** Checks the parameters; throws {@link ValidationException} naming the first bad one. */
        public ChatRequest build() {
            if (model == null || model.isBlank()) throw new ValidationException("model", "is required");
            if (messages.isEmpty()) throw new ValidationException("messages", "at least one message is required");
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                if (m.role().equals("tool") && (m.toolCallId() == null || m.toolCallId().isBlank())) {
                    throw new ValidationException("messages[" + i + "].tool_call_id",
                            "a tool message must name the tool call it answers");
                }
            }
            if (n != null && n != 1) throw new ValidationException("n", "Groq supports only n=1, got " + n);
            if (stop != null && stop.size() > MAX_STOP_SEQUENCES) {
                throw new ValidationException("stop", "at most " + MAX_STOP_SEQUENCES + " sequences, got " + stop.size());
            }
            if (tools != null && tools.size() > MAX_TOOLS) {
                throw new ValidationException("tools", "at most " + MAX_TOOLS + " tools, got " + tools.size());
            }
            checkRange("temperature", temperature, 0, 2);
            checkRange("top_p", topP, 0, 1);
            checkRange("frequency_penalty", frequencyPenalty, -2, 2);
            checkRange("presence_penalty", presencePenalty, -2, 2);
            checkPositive("max_completion_tokens", maxCompletionTokens);
            checkPositive("max_tokens", maxTokens);
            // Groq's reasoning guide: JSON mode and tool use do not support raw reasoning, and answer 400 to it
            if (reasoningFormat == ReasoningFormat.RAW && responseFormat != null
                    && !responseFormat.type().equals("text")) {
                throw new ValidationException("reasoning_format", "raw cannot be combined with response_format "
                        + responseFormat.type() + " (JSON mode); use parsed or hidden");
            }
            if (reasoningFormat == ReasoningFormat.RAW && tools != null && !tools.isEmpty()) {
                throw new ValidationException("reasoning_format",
                        "raw cannot be combined with tools (tool use); use parsed or hidden");
            }
            if (reasoningFormat != null && includeReasoning != null) {
                throw new ValidationException("include_reasoning",
                        "cannot be combined with reasoning_format; set one of them");
            }
            if (extraBody.containsKey("stream")) {
                throw new ValidationException("stream", "do not set it: call chat().stream(request) to stream");
            }
            return new ChatRequest(this);
        }

        private static void checkRange(String param, Double value, double min, double max) {
            if (value != null && !(value >= min && value <= max)) {
                throw new ValidationException(param, "must be between " + min + " and " + max + ", got " + value);
            }
        }

        private static void checkPositive(String param, Integer value) {
            if (value != null && value < 1) throw new ValidationException(param, "must be at least 1, got " + value);
        }
    }
}
