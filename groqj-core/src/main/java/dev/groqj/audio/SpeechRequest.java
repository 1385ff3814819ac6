package dev.groqj.audio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.check.Checks;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A request to speak text aloud ({@code POST /audio/speech}).
 *
 * <pre>{@code
 * SpeechRequest request = SpeechRequest.builder()
 *         .model(SpeechRequest.ORPHEUS_V1_ENGLISH)
 *         .voice("autumn")                       // voicesFor(model) lists the model's voices
 *         .input("I love building and shipping new features for our users!")
 *         .responseFormat(SpeechFormat.WAV)      // formatsFor(model): Orpheus speaks only WAV
 *         .build();
 * client.audio().speech(request, Path.of("speech.wav"));
 * }</pre>
 *
 * <p>{@code build()} checks, naming the parameter: model, input and voice are set; speed is in 0.5..5; the sample
 * rate is one Groq offers (8000, 16000, 22050, 24000, 32000, 44100, 48000); the format is one the model speaks
 * ({@link #formatsFor(String)}). Unset options take Groq's defaults (48000 Hz, speed 1, and mp3, which Orpheus
 * does not speak: set {@link SpeechFormat#WAV} for it).
 */
public final class SpeechRequest {
    /** Groq's English text-to-speech model (Canopy Labs' Orpheus), with vocal directions such as {@code [cheerful]}. */
    public static final String ORPHEUS_V1_ENGLISH = "canopylabs/orpheus-v1-english";
    /** Groq's Arabic (Saudi dialect) text-to-speech model. */
    public static final String ORPHEUS_ARABIC_SAUDI = "canopylabs/orpheus-arabic-saudi";

    private static final Set<Integer> SAMPLE_RATES = Set.of(8000, 16000, 22050, 24000, 32000, 44100, 48000);
    private static final String ORPHEUS = "canopylabs/orpheus";
    private static final Map<String, List<String>> VOICES = Map.of(
            ORPHEUS_V1_ENGLISH, List.of("autumn", "diana", "hannah", "austin", "daniel", "troy"),
            ORPHEUS_ARABIC_SAUDI, List.of("fahad", "sultan", "abdullah", "noura", "lulwa", "aisha"));

    /**
     * The formats {@code model} speaks: only {@link SpeechFormat#WAV} for Groq's Orpheus models, every format for
     * others (the older PlayAI models, or one groqj does not know).
     */
    public static Set<SpeechFormat> formatsFor(String model) {
        Objects.requireNonNull(model, "model == null");
        return model.startsWith(ORPHEUS) ? Set.of(SpeechFormat.WAV) : EnumSet.allOf(SpeechFormat.class);
    }

    /**
     * The voices Groq documents for {@code model}, the first its usual default (autumn in English, fahad in
     * Arabic); empty for a model groqj does not know. Not checked by {@code build()}: Groq may add voices.
     */
    public static List<String> voicesFor(String model) {
        return VOICES.getOrDefault(Objects.requireNonNull(model, "model == null"), List.of());
    }

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
        if (responseFormat != null && !formatsFor(model).contains(responseFormat)) {
            throw new ValidationException("response_format", model + " speaks only wav, was "
                    + responseFormat.wireName());
        }
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

        /** Required; a TTS model id, such as {@link #ORPHEUS_V1_ENGLISH}. */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model == null");
            return this;
        }

        /** Required: the text to speak. */
        public Builder input(String input) {
            this.input = Objects.requireNonNull(input, "input == null");
            return this;
        }

        /** Required, one of the model's voices ({@link #voicesFor(String)}), e.g. {@code autumn}. */
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
