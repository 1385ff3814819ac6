package dev.groqj.audio;

import dev.groqj.internal.Json;
import org.junit.jupiter.api.Test;

import static dev.groqj.audio.AudioRequestTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class SpeechRequestTest {
    private static SpeechRequest.Builder valid() {
        return SpeechRequest.builder().model("playai-tts").voice("Fritz-PlayAI").input("Hello");
    }

    @Test
    void everyFieldIsSentWithItsWireName() {
        SpeechRequest request = valid().responseFormat(SpeechFormat.MULAW).sampleRate(8000).speed(1.5).build();

        assertThat(Json.tree(Json.writeString(request))).isEqualTo(Json.tree(
                "{\"model\":\"playai-tts\",\"input\":\"Hello\",\"voice\":\"Fritz-PlayAI\","
                        + "\"response_format\":\"mulaw\","
                        + "\"sample_rate\":8000,\"speed\":1.5}"));
    }

    @Test
    void unsetOptionsAreNotSent() {
        assertThat(Json.tree(Json.writeString(valid().build())))
                .isEqualTo(Json.tree("{\"model\":\"playai-tts\",\"input\":\"Hello\",\"voice\":\"Fritz-PlayAI\"}"));
    }

    @Test
    void toBuilderCopiesEveryField() {
        SpeechRequest request = valid().responseFormat(SpeechFormat.WAV).sampleRate(24000).speed(2).build();

        assertThat(request.toBuilder().build()).usingRecursiveComparison().isEqualTo(request);
    }

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        assertInvalid("model", "is required", () -> SpeechRequest.builder().voice("v").input("i").build());
        assertInvalid("input", "is required", () -> SpeechRequest.builder().model("m").voice("v").input(" ").build());
        assertInvalid("voice", "is required", () -> SpeechRequest.builder().model("m").input("i").build());
    }

    @Test
    void speedOutside05To5IsRefused() {
        assertInvalid("speed", "between 0.5 and 5", () -> valid().speed(0.4).build());
        assertInvalid("speed", "between 0.5 and 5", () -> valid().speed(5.01).build());
        assertThat(valid().speed(5).build().speed()).isEqualTo(5.0);
    }

    @Test
    void sampleRateGroqDoesNotOfferIsRefused() {
        assertInvalid("sample_rate", "one of 8000", () -> valid().sampleRate(11025).build());
        assertThat(valid().sampleRate(22050).build().sampleRate()).isEqualTo(22050);
    }
}
