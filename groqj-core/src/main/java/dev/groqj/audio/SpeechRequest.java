package dev.groqj.audio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.check.Checks;

import java.util.Objects;
import java.util.Set;

/**
 * A request to speak text aloud ({@code POST /audio/speech}).
 *
 * <pre>{@code
 * SpeechRequest request = SpeechRequest.builder()
 *         .model("playai-tts")
 *         .voice("Fritz-PlayAI")
 *         .input("I love building and shipping new features for our users!")
 *         .responseFormat(SpeechFormat.WAV)
 *         .build();
 * client.audio().speech(request, Path.of("speech.wav"));
 * }</pre>
 *
 * <p>{@code build()} checks, naming the parameter: model, input and voice are set; speed is in 0.5..5; the sample
 * rate is one Groq offers (8000, 16000, 22050, 24000, 32000, 44100, 48000). Unset options take Groq's defaults
 * (mp3, 48000 Hz, speed 1).
 */
public final class SpeechRequest {
    private static final Set<Integer> SAMPLE_RATES = Set.of(8000, 16000, 22050, 24000, 32000, 44100, 48000);

    private final String model;
    private final String input;
    private final String voice;
    private final SpeechFormat responseFormat;
    private final Integer sampleRate;
    private final Double speed;

    private SpeechRequest(Builder b) {
        this.model = required("model", b.model);
        this.input = required("input", b.input);
        this.voice = required("voice", b.voice);
        this.responseFormat = b.responseFormat;
        this.sampleRate = b.sampleRate;
        this.speed = b.speed;
        if (sampleRate != null && !SAMPLE_RATES.contains(sampleRate)) {
            throw new ValidationException("sample_rate",
                    "must be one of 8000, 16000, 22050, 24000, 32000, 44100, 48000, was " + sampleRate);
        }
        Checks.between("speed", speed, 0.5, 5);
    }

    private static String required(String param, String value) {
        if (value == null || value.isBlank()) throw new ValidationException(param, "is required");
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().model(model).input(input).voice(voice);
        b.responseFormat = responseFormat;
        b.sampleRate = sampleRate;
        b.speed = speed;
        return b;
    }

    @JsonProperty("model")
    public String model() { return model; }

    /** The text to speak. */
    @JsonProperty("input")
    public String input() { return input; }

    @JsonProperty("voice")
    public String voice() { return voice; }

    /** The audio format, or null for Groq's default (mp3). */
    @JsonProperty("response_format")
    public SpeechFormat responseFormat() { return responseFormat; }

    /** Samples per second, or null for Groq's default (48000). */
    @JsonProperty("sample_rate")
    public Integer sampleRate() { return sampleRate; }

    /** The speaking speed, or null for Groq's default (1). */
    @JsonProperty("speed")
    public Double speed() { return speed; }

    @Override
    public String toString() {
        return "SpeechRequest{model=" + model + ", voice=" + voice + ", input=" + input.length() + " chars"
                + (responseFormat == null ? "" : ", responseFormat=" + responseFormat.wireName())
                + (sampleRate == null ? "" : ", sampleRate=" + sampleRate)
                + (speed == null ? "" : ", speed=" + speed) + '}';
    }

    public static final class Builder {
        private String model;
        private String input;
        private String voice;
        private SpeechFormat responseFormat;
        private Integer sampleRate;
        private Double speed;

        private Builder() {
        }

        /** Required; any TTS model id, e.g. {@code playai-tts}. */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model == null");
            return this;
        }

        /** Required: the text to speak. */
        public Builder input(String input) {
            this.input = Objects.requireNonNull(input, "input == null");
            return this;
        }

        /** Required, e.g. {@code Fritz-PlayAI}. */
        public Builder voice(String voice) {
            this.voice = Objects.requireNonNull(voice, "voice == null");
            return this;
        }

        public Builder responseFormat(SpeechFormat responseFormat) {
            this.responseFormat = Objects.requireNonNull(responseFormat, "responseFormat == null");
            return this;
        }

        /** One of 8000, 16000, 22050, 24000, 32000, 44100, 48000. */
        public Builder sampleRate(int sampleRate) {
            this.sampleRate = sampleRate;
            return this;
        }

        /** Between 0.5 and 5. */
        public Builder speed(double speed) {
            this.speed = speed;
            return this;
        }

        public SpeechRequest build() {
            return new SpeechRequest(this);
        }
    }
}
