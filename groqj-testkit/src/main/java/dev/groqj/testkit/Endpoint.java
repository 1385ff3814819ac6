package dev.groqj.testkit;

/** The Groq endpoints {@link FakeGroqServer} serves, for {@link FakeGroqServer#enqueue(Endpoint, ScriptedResponse...)}. */
public enum Endpoint {
    /** {@code POST /openai/v1/chat/completions}, JSON and SSE. */
    CHAT_COMPLETIONS,
    /** {@code POST /openai/v1/responses}, JSON and SSE. */
    RESPONSES,
    /** {@code GET /openai/v1/models}. */
    MODELS_LIST,
    /** {@code GET} and {@code DELETE /openai/v1/models/{model}}. */
    MODEL,
    /** {@code POST /openai/v1/audio/transcriptions}. */
    AUDIO_TRANSCRIPTIONS,
    /** {@code POST /openai/v1/audio/translations}. */
    AUDIO_TRANSLATIONS,
    /** {@code POST /openai/v1/audio/speech}. */
    AUDIO_SPEECH,
    /** {@code GET} (list) and {@code POST} (upload) {@code /openai/v1/files}. */
    FILES,
    /** {@code GET} and {@code DELETE /openai/v1/files/{file_id}}. */
    FILE,
    /** {@code GET /openai/v1/files/{file_id}/content}. */
    FILE_CONTENT,
    /** {@code GET} (list) and {@code POST} (create) {@code /openai/v1/batches}. */
    BATCHES,
    /** {@code GET /openai/v1/batches/{batch_id}}: each call moves the batch one status on. */
    BATCH,
    /** {@code POST /openai/v1/batches/{batch_id}/cancel}. */
    BATCH_CANCEL,
    /** {@code POST /openai/v1/embeddings}. */
    EMBEDDINGS,
    /** {@code POST /openai/v1/reranking}. */
    RERANKING,
    /** {@code GET} (list) and {@code POST} (create) {@code /v1/fine_tunings}: under the root, not /openai/v1. */
    FINE_TUNINGS,
    /** {@code GET} and {@code DELETE /v1/fine_tunings/{id}}. */
    FINE_TUNING
}
