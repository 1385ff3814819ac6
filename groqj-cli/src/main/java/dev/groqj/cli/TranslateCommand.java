package dev.groqj.cli;

import dev.groqj.audio.ProgressListener;
import dev.groqj.audio.TranslationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code groqj translate FILE}: speech in any language to English text. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Translate speech in any language to English text.",
        footer = {"", "Examples:",
                "  groqj translate interview-fr.mp3",
                "  groqj translate interview-fr.mp3 --prompt \"An interview about astronomy\" --output json"})
final class TranslateCommand extends AudioInCommand {
    @Option(names = {"-m", "--model"}, defaultValue = TranslationRequest.WHISPER_LARGE_V3,
            description = "Default: ${DEFAULT-VALUE} (the turbo model does not translate).")
    String model;

    @Override
    int run(Connection connection) throws IOException {
        Path audio = audio();
        TranslationRequest.Builder request = TranslationRequest.builder().file(audio).model(model);
        if (prompt != null) request.prompt(prompt);
        if (format != null) request.responseFormat(format);
        ProgressListener progress = progress(audio);
        if (progress != null) request.progressListener(progress);
        return print(connection.client().audio().translate(request.build()));
    }
}
