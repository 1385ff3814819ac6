package dev.groqj.cli;

import dev.groqj.audio.ProgressListener;
import dev.groqj.audio.TimestampGranularity;
import dev.groqj.audio.TranscriptionFormat;
import dev.groqj.audio.TranscriptionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code groqj transcribe FILE}: speech to text in the speech's own language. */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Transcribe speech to text, in the language spoken.",
        footer = {"", "Examples:",
                "  groqj transcribe meeting.m4a",
                "  groqj transcribe talk.wav --language en --words",
                "  groqj transcribe talk.mp3 --format verbose_json --output json"})
final class TranscribeCommand extends AudioInCommand {
    @Option(names = {"-m", "--model"}, defaultValue = TranscriptionRequest.WHISPER_LARGE_V3_TURBO,
            description = "Default: ${DEFAULT-VALUE}; whisper-large-v3 is slower and more accurate.")
    String model;

    @Option(names = "--language", paramLabel = "CODE", description = "The spoken language, ISO-639-1 (en, fr, ...).")
    String language;

    @Option(names = "--words", description = "Time every word (asks for verbose_json).")
    boolean words;

    @Override
    int run(Connection connection) throws IOException {
        Path audio = audio();
        TranscriptionRequest.Builder request = TranscriptionRequest.builder().file(audio).model(model);
        if (language != null) request.language(language);
        if (prompt != null) request.prompt(prompt);
        if (words) {
            request.responseFormat(TranscriptionFormat.VERBOSE_JSON).timestampGranularities(TimestampGranularity.WORD);
        } else if (format != null) {
            request.responseFormat(format);
        }
        ProgressListener progress = progress(audio);
        if (progress != null) request.progressListener(progress);
        return print(connection.client().audio().transcribe(request.build()));
    }
}
