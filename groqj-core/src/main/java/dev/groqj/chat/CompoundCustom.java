package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groqj.internal.Json;

import java.util.List;
import java.util.Objects;

/**
 * Which models and tools a compound system uses ({@code compound_custom}).
 *
 * <pre>{@code
 * builder.model("groq/compound").compoundCustom(CompoundCustom.builder()
 *         .answeringModel("llama-3.3-70b-versatile")
 *         .enabledTools(List.of("web_search", "code_interpreter"))
 *         .build());
 * }</pre>
 *
 * <p>The Wolfram key is a secret: {@link #toString()} never shows it.
 */
public final class CompoundCustom {
    private final String reasoningModel;
    private final String answeringModel;
    private final List<String> enabledTools;
    private final String wolframAuthorization;

    private CompoundCustom(Builder b) {
        this.reasoningModel = b.reasoningModel;
        this.answeringModel = b.answeringModel;
        this.enabledTools = b.enabledTools;
        this.wolframAuthorization = b.wolframAuthorization;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.reasoningModel = reasoningModel;
        b.answeringModel = answeringModel;
        b.enabledTools = enabledTools;
        b.wolframAuthorization = wolframAuthorization;
        return b;
    }

    public String reasoningModel() {
        return reasoningModel;
    }

    public String answeringModel() {
        return answeringModel;
    }

    /** The tools the system may use, or null for its default. */
    public List<String> enabledTools() {
        return enabledTools;
    }

    /** The nested wire form: {@code {"models": {...}, "tools": {"enabled_tools", "wolfram_settings"}}}. */
    @JsonValue
    ObjectNode wire() {
        ObjectNode wire = Json.MAPPER.createObjectNode();
        if (reasoningModel != null || answeringModel != null) {
            ObjectNode models = wire.putObject("models");
            if (reasoningModel != null) models.put("reasoning_model", reasoningModel);
            if (answeringModel != null) models.put("answering_model", answeringModel);
        }
        if (enabledTools != null || wolframAuthorization != null) {
            ObjectNode tools = wire.putObject("tools");
            if (enabledTools != null) enabledTools.forEach(tools.putArray("enabled_tools")::add);
            if (wolframAuthorization != null) {
                tools.putObject("wolfram_settings").put("authorization", wolframAuthorization);
            }
        }
        return wire;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompoundCustom && wire().equals(((CompoundCustom) o).wire());
    }

    @Override
    public int hashCode() {
        return wire().hashCode();
    }

    @Override
    public String toString() {
        return "CompoundCustom{reasoningModel=" + reasoningModel + ", answeringModel=" + answeringModel
                + ", enabledTools=" + enabledTools + (wolframAuthorization == null ? "" : ", wolframAuthorization=***")
                + '}';
    }

    /** Every setting is optional; null leaves it to Groq. */
    public static final class Builder {
        private String reasoningModel;
        private String answeringModel;
        private List<String> enabledTools;
        private String wolframAuthorization;

        private Builder() {
        }

        public Builder reasoningModel(String model) {
            this.reasoningModel = model;
            return this;
        }

        public Builder answeringModel(String model) {
            this.answeringModel = model;
            return this;
        }

        public Builder enabledTools(List<String> tools) {
            this.enabledTools = tools == null ? null : List.copyOf(tools);
            return this;
        }

        /** The API key of the Wolfram tool. */
        public Builder wolframAuthorization(String apiKey) {
            this.wolframAuthorization = apiKey;
            return this;
        }

        public CompoundCustom build() {
            return new CompoundCustom(this);
        }
    }
}
