package dev.groqj.spring;

import dev.groqj.GroqClient;

/** A bean of this type changes the auto-configured client's builder after the {@code groq.*} properties are applied. */
@FunctionalInterface
public interface GroqClientBuilderCustomizer {
    void customize(GroqClient.Builder builder);
}
