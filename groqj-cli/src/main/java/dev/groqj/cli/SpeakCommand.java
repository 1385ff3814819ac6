package dev.groqj.cli;

import dev.groqj.audio.SpeechFormat;
import dev.groqj.audio.SpeechRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code groqj speak TEXT -o FILE}: text to speech, written to a file as it arrives. */
@Command(name = "speak", mixinStandardHelpOptions = true,
        description = "Speak text aloud into an audio file.",
        footer = {"", "Groq's Orpheus models speak only WAV: with them groqj writes WAV whatever the file's"
                + " extension, and says so when the name suggests another format.",
                "", "Examples:",
                "  groqj speak \"Your build is green.\" -o done.wav",
                "  groqj speak \"Bonjour\" --voice hannah --speed 1.2 -o hello.wav"})
final class SpeakCommand extends ApiCommand {
    static final String DEFAULT_MODEL = SpeechRequest.ORPHEUS_V1_ENGLISH;
    static final String DEFAULT_VOICE = SpeechRequest.voicesFor(DEFAULT_MODEL).get(0);

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "What to say; several words are joined.")
    List<String> text;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "Where to write the audio; for models other than Orpheus its extension picks the"
                    + " format unless --format says.")
    Path file;

    @Option(names = {"-m", "--model"}, defaultValue = DEFAULT_MODEL, description = "Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--voice",
            description = "Default: the model's first voice. canopylabs/orpheus-v1-english: autumn (default), diana,"
                    + " hannah, austin, daniel, troy; canopylabs/orpheus-arabic-saudi: fahad (default), sultan,"
                    + " abdullah, noura, lulwa, aisha.")
    String voice;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "One the model speaks: only wav for Groq's Orpheus models; other models (the older"
                    + " playai-tts) also mp3, flac, ogg, mulaw.")
    SpeechFormat format;

    @Option(names = "--speed", description = "0.5 to 5; default 1.")
    Double speed;

    @Override
    int run(Connection connection) {
        List<String> voices = SpeechRequest.voicesFor(model);
        if (voice == null && voices.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "No known voices for " + model + ": pass --voice");
        }
        SpeechRequest.Builder request = SpeechRequest.builder().model(model)
                .voice(voice != null ? voice : voices.get(0))
                .input(String.join(" ", text)).responseFormat(format != null ? format : defaultFormat());
        if (speed != null) request.speed(speed);
        long bytes = connection.client().audio().speech(request.build(), file);
        if (common.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", file.toString());
            json.put("bytes", bytes);
            printJson(json);
        } else {
            out().printf("wrote %,d bytes to %s%n", bytes, file);
            out().flush();
        }
        return GroqCli.OK;
    }

    /**
     * The only format when the model speaks one (WAV for Orpheus, noting a file named otherwise); else the file's
     * extension.
     */
    private SpeechFormat defaultFormat() {
        if (SpeechRequest.formatsFor(model).size() > 1) return formatOf(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains(".") && !name.endsWith(".wav")) {
            err().println("groqj: " + model + " speaks only WAV; " + file + " will hold WAV audio");
            err().flush();
        }
        return SpeechFormat.WAV;
    }

    private SpeechFormat formatOf(Path path) {
        String name = path.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (SpeechFormat f : SpeechFormat.values()) {
            if (f.wireName().equals(extension)) return f;
        }
        throw new ParameterException(spec.commandLine(),
                "Cannot tell the audio format from '" + name + "': name it .wav, .mp3, .flac or .ogg, or pass --format");
    }
}
