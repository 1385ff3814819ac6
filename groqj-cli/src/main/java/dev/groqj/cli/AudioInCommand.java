package dev.groqj.cli;

import dev.groqj.audio.ProgressListener;
import dev.groqj.audio.Segment;
import dev.groqj.audio.Transcription;
import dev.groqj.audio.TranscriptionFormat;
import dev.groqj.audio.Word;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code transcribe} and {@code translate} share: the audio file, prompt, response format, the upload
 * progress bar and the printing of a {@link Transcription}.
 */
abstract class AudioInCommand extends ApiCommand {
    @Parameters(paramLabel = "FILE", description = "Audio: flac, mp3, mp4, mpeg, mpga, m4a, ogg, opus, wav or webm; up to 25 MB.")
    Path file;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "Context or spelling hints for the model.")
    String prompt;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "What to ask the API for: json (default), text or verbose_json (language, duration, segments).")
    TranscriptionFormat format;

    /** The file, checked readable (a usage error otherwise). */
    Path audio() {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), "Cannot read audio file " + file);
        }
        return file;
    }

    /** A progress bar for a large upload on a terminal, else null. */
    ProgressListener progress(Path audio) throws IOException {
        if (!environment().interactive() || Files.size(audio) < ProgressBar.THRESHOLD_BYTES) return null;
        return new ProgressBar(err(), audio.getFileName().toString());
    }

    int print(Transcription t) {
        if (common.json()) {
            printJson(t);
            return GroqCli.OK;
        }
        PrintWriter out = out();
        if (t.words() != null) {
            for (Word w : t.words()) out.printf("%7.2f %7.2f  %s%n", w.start(), w.end(), w.word());
        } else if (t.segments() != null && t.segments().size() > 1) {
            for (Segment s : t.segments()) out.printf("%7.2f %7.2f  %s%n", s.start(), s.end(), s.text().strip());
        } else {
            out.println(t.text() == null ? "" : t.text().strip());
        }
        if (t.language() != null || t.duration() != null) {
            err().printf("(%s%s%s)%n", t.language() == null ? "" : t.language(),
                    t.language() != null && t.duration() != null ? ", " : "",
                    t.duration() == null ? "" : String.format("%.1f s of audio", t.duration()));
            err().flush();
        }
        out.flush();
        return GroqCli.OK;
    }
}
