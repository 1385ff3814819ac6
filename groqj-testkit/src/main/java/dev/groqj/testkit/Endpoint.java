package dev.groqj.testkit;

/** The Groq endpoints {@link FakeGroqServer} serves, for {@link FakeGroqServer#enqueue(Endpoint, ScriptedResponse...)}. */
public enum Endpoint {
    /** {@code POST /openai/v1/chat/completions}, JSON and SSE. */
    CHAT_COMPLETIONS,
    /** {@code GET /openai/v1/models}. */
    MODELS_LIST,
    /** {@code GET} and {@code DELETE /openai/v1/models/{model}}. */
    MODEL,
    /** {@code POST /openai/v1/audio/transcriptions}. */
    AUDIO_TRANSCRIPTIONS,
    /** {@code POST /openai/v1/audio/translations}. */
    AUDIO_TRANSLATIONS,
    /** {@code POST /openai/v1/audio/speech}. */
    AUDIO_SPEECH
}
