package dev.groqj.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.ContentPart;
import dev.groqj.chat.Message;
import dev.groqj.chat.ToolCall;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ChatRequest} straight to the generator, byte for byte what its map form ({@code body()})
 * gives, without building the map, looking up a serializer per entry or introspecting {@link Message} on the
 * first call. Plain-text messages, numbers, flags, strings and enums are written here; nested shapes (content
 * parts, tool calls, tools, tool_choice, response_format, search_settings, ...) go through the provider as
 * before. A request with extra body fields is written from its map: an extra field replaces a typed one in
 * that one's place. Not API.
 */
public final class ChatRequestSerializer extends StdSerializer<ChatRequest> {
    /** Registered on {@code Json.MAPPER}. */
    public static final Module MODULE = new SimpleModule("groqj-ChatRequest")
            .addSerializer(ChatRequest.class, new ChatRequestSerializer());

    /**
     * What the encoder reads beyond ChatRequest's public accessors. ChatRequest installs it when its class
     * initializes, so it is there before any request exists to be written.
     */
    public interface Access {
        /** The map form: each parameter that was set, then the extra body fields over them. */
        Map<String, Object> body(ChatRequest request);

        /** Whether {@code stop} was set as a list (sent as an array) rather than one string. */
        boolean stopIsList(ChatRequest request);

        /** True on the copy a stream sends, else null. */
        Boolean stream(ChatRequest request);

        /** The wire value of a {@code ReasoningFormat}, {@code ReasoningEffort} or {@code ServiceTier}. */
        String wire(Enum<?> value);
    }

    private static volatile Access access;

    private static final SerializableString MODEL = name("model");
    private static final SerializableString MESSAGES = name("messages");
    private static final SerializableString PARALLEL_TOOL_CALLS = name("parallel_tool_calls");
    private static final SerializableString TEMPERATURE = name("temperature");
    private static final SerializableString TOP_P = name("top_p");
    private static final SerializableString MAX_COMPLETION_TOKENS = name("max_completion_tokens");
    private static final SerializableString MAX_TOKENS = name("max_tokens");
    private static final SerializableString STOP = name("stop");
    private static final SerializableString SEED = name("seed");
    private static final SerializableString REASONING_FORMAT = name("reasoning_format");
    private static final SerializableString REASONING_EFFORT = name("reasoning_effort");
    private static final SerializableString INCLUDE_REASONING = name("include_reasoning");
    private static final SerializableString SERVICE_TIER = name("service_tier");
    private static final SerializableString CITATION_OPTIONS = name("citation_options");
    private static final SerializableString USER = name("user");
    private static final SerializableString DISABLE_TOOL_VALIDATION = name("disable_tool_validation");
    private static final SerializableString FREQUENCY_PENALTY = name("frequency_penalty");
    private static final SerializableString PRESENCE_PENALTY = name("presence_penalty");
    private static final SerializableString N = name("n");
    private static final SerializableString STREAM = name("stream");
    private static final SerializableString ROLE = name("role");
    private static final SerializableString CONTENT = name("content");
    private static final SerializableString REASONING = name("reasoning");
    private static final SerializableString TOOL_CALL_ID = name("tool_call_id");
    private static final SerializableString ENABLED = name("enabled");
    private static final SerializableString DISABLED = name("disabled");


    private ChatRequestSerializer() {
        super(ChatRequest.class);
    }

    /** Called once, by ChatRequest's static initializer. */
    public static void install(Access granted) {
        if (access != null) throw new IllegalStateException("ChatRequestSerializer.Access is already installed");
        access = granted;
    }

    /** The request's map form, the bytes this serializer must reproduce. */
    static Map<String, Object> body(ChatRequest request) {
        return access.body(request);
    }

    @Override
    public void serialize(ChatRequest r, JsonGenerator gen, SerializerProvider provider) throws IOException {
        Access hidden = access;
        if (!r.extraBody().isEmpty()) {
            provider.defaultSerializeValue(hidden.body(r), gen);
            return;
        }
        // the order and the conditions of ChatRequest.body(), field by field
        gen.writeStartObject();
        gen.writeFieldName(MODEL);
        gen.writeString(r.model());
        gen.writeFieldName(MESSAGES);
        writeMessages(r.messages(), gen, provider);
        if (r.tools() != null) provider.defaultSerializeField("tools", r.tools(), gen);
        if (r.toolChoice() != null) provider.defaultSerializeField("tool_choice", r.toolChoice(), gen);
        writeBoolean(PARALLEL_TOOL_CALLS, r.parallelToolCalls(), gen);
        if (r.responseFormat() != null) provider.defaultSerializeField("response_format", r.responseFormat(), gen);
        writeDouble(TEMPERATURE, r.temperature(), gen);
        writeDouble(TOP_P, r.topP(), gen);
        writeInt(MAX_COMPLETION_TOKENS, r.maxCompletionTokens(), gen);
        @SuppressWarnings("deprecation")
        Integer maxTokens = r.maxTokens();
        writeInt(MAX_TOKENS, maxTokens, gen);
        writeStop(r.stop(), hidden.stopIsList(r), gen);
        if (r.seed() != null) {
            gen.writeFieldName(SEED);
            gen.writeNumber(r.seed());
        }
        if (r.reasoningFormat() != null) {
            gen.writeFieldName(REASONING_FORMAT);
            gen.writeString(hidden.wire(r.reasoningFormat()));
        }
        if (r.reasoningEffort() != null) {
            gen.writeFieldName(REASONING_EFFORT);
            gen.writeString(hidden.wire(r.reasoningEffort()));
        }
        writeBoolean(INCLUDE_REASONING, r.includeReasoning(), gen);
        if (r.serviceTier() != null) {
            gen.writeFieldName(SERVICE_TIER);
            gen.writeString(hidden.wire(r.serviceTier()));
        }
        if (r.searchSettings() != null) provider.defaultSerializeField("search_settings", r.searchSettings(), gen);
        if (r.compoundCustom() != null) provider.defaultSerializeField("compound_custom", r.compoundCustom(), gen);
        if (r.documents() != null) provider.defaultSerializeField("documents", r.documents(), gen);
        if (r.citationOptions() != null) {
            gen.writeFieldName(CITATION_OPTIONS);
            gen.writeString(r.citationOptions() ? ENABLED : DISABLED);
        }
        writeString(USER, r.user(), gen);
        writeBoolean(DISABLE_TOOL_VALIDATION, r.disableToolValidation(), gen);
        writeDouble(FREQUENCY_PENALTY, r.frequencyPenalty(), gen);
        writeDouble(PRESENCE_PENALTY, r.presencePenalty(), gen);
        if (r.metadata() != null) provider.defaultSerializeField("metadata", r.metadata(), gen);
        writeInt(N, r.n(), gen);
        writeBoolean(STREAM, hidden.stream(r), gen);
        gen.writeEndObject();
    }

    /** As Jackson writes a Message bean: role, content, reasoning, tool_calls, tool_call_id; nulls left out. */
    private static void writeMessages(List<Message> messages, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        gen.writeStartArray();
        for (int i = 0, size = messages.size(); i < size; i++) {
            Message m = messages.get(i);
            gen.writeStartObject();
            gen.writeFieldName(ROLE);
            gen.writeString(m.role());
            String text = m.content();
            if (text != null) {
                gen.writeFieldName(CONTENT);
                gen.writeString(text);
            } else {
                List<ContentPart> parts = m.contentParts();
                if (!parts.isEmpty()) provider.defaultSerializeField("content", parts, gen);
            }
            writeString(REASONING, m.reasoning(), gen);
            List<ToolCall> calls = m.toolCalls(); // empty exactly when the message holds none (null)
            if (!calls.isEmpty()) provider.defaultSerializeField("tool_calls", calls, gen);
            writeString(TOOL_CALL_ID, m.toolCallId(), gen);
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static void writeStop(List<String> stop, boolean asList, JsonGenerator gen) throws IOException {
        if (stop == null) return;
        gen.writeFieldName(STOP);
        if (!asList) {
            gen.writeString(stop.get(0));
            return;
        }
        gen.writeStartArray();
        for (int i = 0, size = stop.size(); i < size; i++) gen.writeString(stop.get(i));
        gen.writeEndArray();
    }

    private static void writeString(SerializableString field, String value, JsonGenerator gen) throws IOException {
        if (value == null) return;
        gen.writeFieldName(field);
        gen.writeString(value);
    }

    private static void writeBoolean(SerializableString field, Boolean value, JsonGenerator gen) throws IOException {
        if (value == null) return;
        gen.writeFieldName(field);
        gen.writeBoolean(value);
    }

    private static void writeInt(SerializableString field, Integer value, JsonGenerator gen) throws IOException {
        if (value == null) return;
        gen.writeFieldName(field);
        gen.writeNumber(value.intValue());
    }

    private static void writeDouble(SerializableString field, Double value, JsonGenerator gen) throws IOException {
        if (value == null) return;
        gen.writeFieldName(field);
        gen.writeNumber(value.doubleValue());
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }
}
