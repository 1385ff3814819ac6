package dev.groqj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsAndAudioTest {
    @RegisterExtension
    static final FakeGroqServerExtension GROQ = new FakeGroqServerExtension();

    private final Http http = new Http(GROQ.server());

    @Test
    void modelsListHasGroqsModelsWithTheirFields() {
        HttpResponse<String> response = http.get("/models");

        JsonNode list = Http.json(response);
        assertThat(list.get("object").asText()).isEqualTo("list");
        assertThat(list.get("data")).extracting(m -> m.get("id").asText()).contains("llama-3.3-70b-versatile",
                "llama-3.1-8b-instant", "openai/gpt-oss-120b", "openai/gpt-oss-20b", "qwen/qwen3-32b",
                "whisper-large-v3", "whisper-large-v3-turbo", "playai-tts", "canopylabs/orpheus-v1-english");
        JsonNode first = list.get("data").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "object", "created", "owned_by", "active",
                "context_window", "public_apps", "max_completion_tokens");
    }

    @Test
    void retrieveDecodesAnEncodedSlashInOneSegment() {
        HttpResponse<String> response = http.get("/models/openai%2Fgpt-oss-120b");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("id").asText()).isEqualTo("openai/gpt-oss-120b");
        RecordedRequest request = GROQ.server().takeRequest();
        assertThat(request.rawPath()).isEqualTo("/openai/v1/models/openai%2Fgpt-oss-120b");
        assertThat(request.path()).isEqualTo("/openai/v1/models/openai/gpt-oss-120b");
    }

    @Test
    void retrieveUnknownModelIs404() {
        HttpResponse<String> response = http.get("/models/nope");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).get("error").get("code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void deleteRemovesTheModelUntilReset() {
        HttpResponse<String> deleted = Http.send(http.request("/models/qwen%2Fqwen3-32b").DELETE().build());

        assertThat(Http.json(deleted).toString())
                .isEqualTo("{\"id\":\"qwen/qwen3-32b\",\"object\":\"model\",\"deleted\":true}");
        assertThat(http.get("/models/qwen%2Fqwen3-32b").statusCode()).isEqualTo(404);
        GROQ.server().reset();
        assertThat(http.get("/models/qwen%2Fqwen3-32b").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownUrlIs404UnknownUrl() {
        HttpResponse<String> response = http.get("/nothing/here");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).get("error").get("code").asText()).isEqualTo("unknown_url");
    }

    @Test
    void speechReturnsAWavWhoseLengthFollowsTheInput() {
        HttpResponse<byte[]> response = speech("{\"model\":\"playai-tts\",\"voice\":\"Fritz-PlayAI\","
                + "\"input\":\"one two three four five\",\"response_format\":\"wav\",\"sample_rate\":24000}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("audio/wav");
        ByteBuffer wav = ByteBuffer.wrap(response.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ascii(response.body(), 0)).isEqualTo("RIFF");
        assertThat(wav.getInt(4)).isEqualTo(response.body().length - 8);
        assertThat(ascii(response.body(), 8)).isEqualTo("WAVE");
        assertThat(ascii(response.body(), 12)).isEqualTo("fmt ");
        assertThat(wav.getShort(20)).isEqualTo((short) 1); // PCM
        assertThat(wav.getShort(22)).isEqualTo((short) 1); // mono
        assertThat(wav.getInt(24)).isEqualTo(24000);
        assertThat(wav.getShort(34)).isEqualTo((short) 16);
        assertThat(ascii(response.body(), 36)).isEqualTo("data");
        assertThat(wav.getInt(40)).isEqualTo(5 * 24000 * 2 * 4 / 10); // 5 words * 0.4 s * 24 kHz * 2 bytes
    }

    @Test
    void speechRefusesFormatsOtherThanWav() {
        HttpResponse<byte[]> response = speech("{\"model\":\"playai-tts\",\"voice\":\"Fritz-PlayAI\","
                + "\"input\":\"hi\",\"response_format\":\"mp3\"}");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void speechThenTranscriptionRoundTripsTheText() {
        byte[] wav = speech("{\"model\":\"canopylabs/orpheus-v1-english\",\"voice\":\"troy\","
                + "\"input\":\"The quick brown fox\"}").body();

        HttpResponse<String> response = http.multipart("/audio/transcriptions", "speech.wav", wav,
                "model", "whisper-large-v3-turbo");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.get("text").asText()).isEqualTo(" The quick brown fox");
        assertThat(body.get("x_groq").get("id").asText())
                .isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
    }

    @Test
    void verboseTranscriptionWithWordTimestamps() {
        HttpResponse<String> response = http.multipart("/audio/transcriptions", "talk.mp3", new byte[32000],
                "model", "whisper-large-v3", "response_format", "verbose_json", "timestamp_granularities[]", "word");

        JsonNode body = Http.json(response);
        assertThat(body.get("task").asText()).isEqualTo("transcribe");
        assertThat(body.get("language").asText()).isEqualTo("English");
        assertThat(body.get("duration").isNumber()).isTrue();
        assertThat(body.get("duration").asDouble()).isEqualTo(2.0);
        assertThat(body.get("text").asText()).isEqualTo(" " + FakeAudio.DEFAULT_TEXT);
        assertThat(body.get("words")).hasSize(6);
        assertThat(body.get("words").get(5).get("end").asDouble()).isEqualTo(2.0);
        assertThat(body.has("segments")).isFalse();

        RecordedRequest request = GROQ.server().takeRequest();
        RecordedRequest.Part file = request.part("file").orElseThrow();
        assertThat(file.filename()).isEqualTo("talk.mp3");
        assertThat(file.contentType()).isEqualTo("audio/wav");
        assertThat(file.size()).isEqualTo(32000);
        assertThat(request.part("timestamp_granularities[]").orElseThrow().text()).isEqualTo("word");
    }

    @Test
    void textTranscriptionIsPlainText() {
        HttpResponse<String> response = http.multipart("/audio/transcriptions", "a.wav", new byte[10],
                "model", "whisper-large-v3", "response_format", "text");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=UTF-8");
        assertThat(response.body()).isEqualTo(" " + FakeAudio.DEFAULT_TEXT);
    }

    @Test
    void translationIsVerboseWithSegmentsByDefault() {
        HttpResponse<String> response = http.multipart("/audio/translations", "a.wav", new byte[16000],
                "model", "whisper-large-v3", "response_format", "verbose_json");
        JsonNode body = Http.json(response);
        assertThat(body.get("task").asText()).isEqualTo("translate");
        assertThat(body.get("segments").get(0).get("text").asText()).isEqualTo(" " + FakeAudio.DEFAULT_TEXT);
    }

    @Test
    void transcriptionWithoutFileOrWithAChatModelIs400() {
        assertThat(http.multipart("/audio/transcriptions", null, null, "model", "whisper-large-v3")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> chatModel = http.multipart("/audio/transcriptions", "a.wav", new byte[4],
                "model", "llama-3.1-8b-instant");
        assertThat(chatModel.statusCode()).isEqualTo(400);
        assertThat(Http.json(chatModel).get("error").get("param").asText()).isEqualTo("model");
    }

    private HttpResponse<byte[]> speech(String json) {
        try {
            return Http.CLIENT.send(http.request("/audio/speech").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }
}
