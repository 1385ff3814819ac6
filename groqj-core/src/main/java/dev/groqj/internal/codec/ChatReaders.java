package dev.groqj.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.groqj.JsonValue;
import dev.groqj.Usage;
import dev.groqj.UsageBreakdown;
import dev.groqj.XGroq;
import dev.groqj.XGroqCompletion;
import dev.groqj.chat.Annotation;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.chat.ChatCompletionChunk;
import dev.groqj.chat.Choice;
import dev.groqj.chat.ChunkChoice;
import dev.groqj.chat.Delta;
import dev.groqj.chat.ExecutedTool;
import dev.groqj.chat.FinishReason;
import dev.groqj.chat.Logprobs;
import dev.groqj.chat.McpListTools;
import dev.groqj.chat.ResponseMessage;
import dev.groqj.chat.ToolCall;
import dev.groqj.chat.ToolCallDelta;
import dev.groqj.error.DebugData;
import dev.groqj.internal.codec.FieldReader.Repeated;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Hand-written decoders for what every chat call reads: the completion, the stream chunk, and the types inside
 * them that come in each answer (choices, messages, deltas, tool calls, usage, {@code x_groq}). The rarer nested
 * shapes (executed tools, annotations, debug data, usage breakdowns) stay with data binding. The result equals
 * what data binding of the same records gives, which {@code ChatReadersTest} checks on every recorded answer.
 * Not API.
 */
public final class ChatReaders {
    static final FieldReader<Usage.PromptTokensDetails> PROMPT_DETAILS = new FieldReader<>(Usage.PromptTokensDetails.class) {
        @Override
        Usage.PromptTokensDetails read(JsonParser p, DeserializationContext c) throws IOException {
            int cached = 0;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                if (name.equals("cached_tokens")) cached = intValue(p, c);
                else unknown = unknown(unknown, name, p, c);
            }
            return new Usage.PromptTokensDetails(cached, unknown);
        }
    };

    static final FieldReader<Usage.CompletionTokensDetails> COMPLETION_DETAILS =
            new FieldReader<>(Usage.CompletionTokensDetails.class) {
                @Override
                Usage.CompletionTokensDetails read(JsonParser p, DeserializationContext c) throws IOException {
                    int reasoning = 0;
                    Map<String, JsonValue> unknown = null;
                    for (String name = firstField(p); name != null; name = nextField(p)) {
                        if (name.equals("reasoning_tokens")) reasoning = intValue(p, c);
                        else unknown = unknown(unknown, name, p, c);
                    }
                    return new Usage.CompletionTokensDetails(reasoning, unknown);
                }
            };

    static final FieldReader<Usage> USAGE = new FieldReader<>(Usage.class) {
        @Override
        Usage read(JsonParser p, DeserializationContext c) throws IOException {
            int prompt = 0, completion = 0, total = 0;
            double queueTime = 0, promptTime = 0, completionTime = 0, totalTime = 0;
            Usage.PromptTokensDetails promptDetails = null;
            Usage.CompletionTokensDetails completionDetails = null;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "prompt_tokens": prompt = intValue(p, c); break;
                    case "completion_tokens": completion = intValue(p, c); break;
                    case "total_tokens": total = intValue(p, c); break;
                    case "queue_time": queueTime = doubleValue(p, c); break;
                    case "prompt_time": promptTime = doubleValue(p, c); break;
                    case "completion_time": completionTime = doubleValue(p, c); break;
                    case "total_time": totalTime = doubleValue(p, c); break;
                    case "prompt_tokens_details": promptDetails = object(p, c, PROMPT_DETAILS); break;
                    case "completion_tokens_details": completionDetails = object(p, c, COMPLETION_DETAILS); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new Usage(prompt, completion, total, queueTime, promptTime, completionTime, totalTime,
                    promptDetails, completionDetails, unknown);
        }
    };

    static final FieldReader<XGroq> X_GROQ = new FieldReader<>(XGroq.class) {
        @Override
        XGroq read(JsonParser p, DeserializationContext c) throws IOException {
            String id = null, error = null;
            Long seed = null;
            Usage usage = null;
            UsageBreakdown breakdown = null;
            DebugData debug = null;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "id": id = text(p, c); break;
                    case "seed": seed = boxedLong(p, c); break;
                    case "usage": usage = object(p, c, USAGE); break;
                    case "usage_breakdown": breakdown = bound(p, c, UsageBreakdown.class); break;
                    case "error": error = text(p, c); break;
                    case "debug": debug = bound(p, c, DebugData.class); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new XGroq(id, seed, usage, breakdown, error, debug, unknown);
        }
    };

    static final FieldReader<XGroqCompletion.CacheUsage> CACHE_USAGE =
            new FieldReader<>(XGroqCompletion.CacheUsage.class) {
                @Override
                XGroqCompletion.CacheUsage read(JsonParser p, DeserializationContext c) throws IOException {
                    long sram = 0, dram = 0;
                    Map<String, JsonValue> unknown = null;
                    for (String name = firstField(p); name != null; name = nextField(p)) {
                        switch (name) {
                            case "sram_cached_tokens": sram = longValue(p, c); break;
                            case "dram_cached_tokens": dram = longValue(p, c); break;
                            default: unknown = unknown(unknown, name, p, c);
                        }
                    }
                    return new XGroqCompletion.CacheUsage(sram, dram, unknown);
                }
            };

    static final FieldReader<XGroqCompletion> X_GROQ_COMPLETION = new FieldReader<>(XGroqCompletion.class) {
        @Override
        XGroqCompletion read(JsonParser p, DeserializationContext c) throws IOException {
            String id = null;
            Long seed = null;
            XGroqCompletion.CacheUsage usage = null;
            DebugData debug = null;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "id": id = text(p, c); break;
                    case "seed": seed = boxedLong(p, c); break;
                    case "usage": usage = object(p, c, CACHE_USAGE); break;
                    case "debug": debug = bound(p, c, DebugData.class); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new XGroqCompletion(id, seed, usage, debug, unknown);
        }
    };

    static final FieldReader<ToolCall.Function> FUNCTION = new FieldReader<>(ToolCall.Function.class) {
        @Override
        ToolCall.Function read(JsonParser p, DeserializationContext c) throws IOException {
            String functionName = null, arguments = null;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "name": functionName = text(p, c); break;
                    case "arguments": arguments = text(p, c); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new ToolCall.Function(functionName, arguments, unknown);
        }
    };

    static final FieldReader<ToolCall> TOOL_CALL = new FieldReader<>(ToolCall.class) {
        @Override
        ToolCall read(JsonParser p, DeserializationContext c) throws IOException {
            String id = null, type = null;
            ToolCall.Function function = null;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "id": id = text(p, c); break;
                    case "type": type = text(p, c); break;
                    case "function": function = object(p, c, FUNCTION); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new ToolCall(id, type, function, unknown);
        }
    };

    static final FieldReader<ToolCallDelta> TOOL_CALL_DELTA = new FieldReader<>(ToolCallDelta.class) {
        @Override
        ToolCallDelta read(JsonParser p, DeserializationContext c) throws IOException {
            int index = 0;
            String id = null, type = null;
            ToolCall.Function function = null;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "index": index = intValue(p, c); break;
                    case "id": id = text(p, c); break;
                    case "type": type = text(p, c); break;
                    case "function": function = object(p, c, FUNCTION); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new ToolCallDelta(index, id, type, function, unknown);
        }
    };

    static final FieldReader<ResponseMessage> MESSAGE = new FieldReader<>(ResponseMessage.class) {
        @Override
        ResponseMessage read(JsonParser p, DeserializationContext c) throws IOException {
            String role = null, content = null, reasoning = null;
            List<ToolCall> toolCalls = null;
            List<ExecutedTool> executedTools = null;
            List<Annotation> annotations = null;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "role": role = text(p, c); break;
                    case "content": content = text(p, c); break;
                    case "reasoning": reasoning = text(p, c); break;
                    case "tool_calls": toolCalls = list(p, c, TOOL_CALL); break;
                    case "executed_tools": executedTools = boundList(p, c, ExecutedTool.class); break;
                    case "annotations": annotations = boundList(p, c, Annotation.class); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new ResponseMessage(role, content, reasoning, toolCalls, executedTools, annotations, unknown);
        }
    };

    static final FieldReader<Choice> CHOICE = new FieldReader<>(Choice.class) {
        @Override
        Choice read(JsonParser p, DeserializationContext c) throws IOException {
            int index = 0;
            ResponseMessage message = null;
            FinishReason finishReason = null;
            Logprobs logprobs = null;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "index": index = intValue(p, c); break;
                    case "message": message = object(p, c, MESSAGE); break;
                    case "finish_reason": finishReason = finishReason(p, c); break;
                    case "logprobs": logprobs = bound(p, c, Logprobs.class); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new Choice(index, message, finishReason, logprobs, unknown);
        }
    };

    static final FieldReader<ChatCompletion> COMPLETION = new FieldReader<>(ChatCompletion.class) {
        @Override
        ChatCompletion read(JsonParser p, DeserializationContext c) throws IOException {
            String id = null, object = null, model = null, fingerprint = null, tier = null;
            long created = 0;
            List<Choice> choices = null;
            Usage usage = null;
            UsageBreakdown breakdown = null;
            XGroqCompletion xGroq = null;
            List<McpListTools> mcpListTools = null;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "id": id = text(p, c); break;
                    case "object": object = text(p, c); break;
                    case "created": created = longValue(p, c); break;
                    case "model": model = text(p, c); break;
                    case "choices": choices = list(p, c, CHOICE); break;
                    case "usage": usage = object(p, c, USAGE); break;
                    case "usage_breakdown": breakdown = bound(p, c, UsageBreakdown.class); break;
                    case "system_fingerprint": fingerprint = text(p, c); break;
                    case "x_groq": xGroq = object(p, c, X_GROQ_COMPLETION); break;
                    case "service_tier": tier = text(p, c); break;
                    case "mcp_list_tools": mcpListTools = boundList(p, c, McpListTools.class); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new ChatCompletion(id, object, created, model, choices, usage, breakdown, fingerprint, xGroq, tier,
                    mcpListTools, unknown);
        }
    };

    static final FieldReader<Delta> DELTA = new FieldReader<>(Delta.class) {
        @Override
        Delta read(JsonParser p, DeserializationContext c) throws IOException {
            String role = null, content = null, reasoning = null, channel = null;
            List<ToolCallDelta> toolCalls = null;
            List<ExecutedTool> executedTools = null;
            List<Annotation> annotations = null;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "role": role = text(p, c); break;
                    case "content": content = text(p, c); break;
                    case "reasoning": reasoning = text(p, c); break;
                    case "channel": channel = text(p, c); break;
                    case "tool_calls": toolCalls = list(p, c, TOOL_CALL_DELTA); break;
                    case "executed_tools": executedTools = boundList(p, c, ExecutedTool.class); break;
                    case "annotations": annotations = boundList(p, c, Annotation.class); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new Delta(role, content, reasoning, channel, toolCalls, executedTools, annotations, unknown);
        }
    };

    static final FieldReader<ChunkChoice> CHUNK_CHOICE = new FieldReader<>(ChunkChoice.class) {
        @Override
        ChunkChoice read(JsonParser p, DeserializationContext c) throws IOException {
            int index = 0;
            Delta delta = null;
            FinishReason finishReason = null;
            JsonValue logprobs = null;
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "index": index = intValue(p, c); break;
                    case "delta": delta = object(p, c, DELTA); break;
                    case "finish_reason": finishReason = finishReason(p, c); break;
                    case "logprobs": logprobs = value(p, c); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new ChunkChoice(index, delta, finishReason, logprobs, unknown);
        }
    };

    static final FieldReader<ChatCompletionChunk> CHUNK = new FieldReader<>(ChatCompletionChunk.class) {
        @Override
        ChatCompletionChunk read(JsonParser p, DeserializationContext c) throws IOException {
            String id = null, object = null, model = null, fingerprint = null, tier = null;
            long created = 0;
            List<ChunkChoice> choices = null;
            Usage usage = null;
            XGroq xGroq = null;
            String[] recent = recentStrings();
            Map<String, JsonValue> unknown = null;
            for (String name = firstField(p); name != null; name = nextField(p)) {
                switch (name) {
                    case "id": id = repeatedText(p, c, recent, Repeated.ID); break;
                    case "object": object = repeatedText(p, c, recent, Repeated.OBJECT); break;
                    case "created": created = longValue(p, c); break;
                    case "model": model = repeatedText(p, c, recent, Repeated.MODEL); break;
                    case "choices": choices = list(p, c, CHUNK_CHOICE); break;
                    case "usage": usage = object(p, c, USAGE); break;
                    case "system_fingerprint": fingerprint = repeatedText(p, c, recent, Repeated.FINGERPRINT); break;
                    case "x_groq": xGroq = object(p, c, X_GROQ); break;
                    case "service_tier": tier = text(p, c); break;
                    default: unknown = unknown(unknown, name, p, c);
                }
            }
            return new ChatCompletionChunk(id, object, created, model, choices, usage, fingerprint, xGroq, tier,
                    unknown);
        }
    };

    /** Registered on groqj's mapper, so every read of these types (answers, stream events, batch lines) uses them. */
    public static final Module MODULE = new SimpleModule("groqj-chat-readers")
            .addDeserializer(ChatCompletion.class, COMPLETION)
            .addDeserializer(Choice.class, CHOICE)
            .addDeserializer(ResponseMessage.class, MESSAGE)
            .addDeserializer(ChatCompletionChunk.class, CHUNK)
            .addDeserializer(ChunkChoice.class, CHUNK_CHOICE)
            .addDeserializer(Delta.class, DELTA)
            .addDeserializer(ToolCall.class, TOOL_CALL)
            .addDeserializer(ToolCall.Function.class, FUNCTION)
            .addDeserializer(ToolCallDelta.class, TOOL_CALL_DELTA)
            .addDeserializer(Usage.class, USAGE)
            .addDeserializer(Usage.PromptTokensDetails.class, PROMPT_DETAILS)
            .addDeserializer(Usage.CompletionTokensDetails.class, COMPLETION_DETAILS)
            .addDeserializer(XGroq.class, X_GROQ)
            .addDeserializer(XGroqCompletion.class, X_GROQ_COMPLETION)
            .addDeserializer(XGroqCompletion.CacheUsage.class, CACHE_USAGE);

    private ChatReaders() {
    }

    private static Long boxedLong(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) return null;
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        return c.readValue(p, Long.class);
    }

    private static FinishReason finishReason(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) return FinishReason.of(p.getText());
        if (token == JsonToken.VALUE_NULL) return null;
        return c.readValue(p, FinishReason.class);
    }
}
