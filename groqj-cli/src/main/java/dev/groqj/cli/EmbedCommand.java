package dev.groqj.cli;

import dev.groqj.embeddings.Embedding;
import dev.groqj.embeddings.EmbeddingList;
import dev.groqj.embeddings.EmbeddingRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code groqj embed TEXT...}: embedding vectors, and how similar the texts are to the first. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Embed texts as vectors: each argument is one text; without arguments, each line on stdin.",
                "Prints each vector's size and first numbers and, for several texts, the cosine similarity of",
                "each to the first; --output json prints Groq's answer with every number."},
        footer = {"", "Examples:",
                "  groqj embed \"a cat sat on the mat\" \"a kitten on a rug\" \"stock prices fell\"",
                "  cat sentences.txt | groqj embed --output json > vectors.json"})
final class EmbedCommand extends ApiCommand {
    static final String DEFAULT_MODEL = EmbeddingRequest.NOMIC_EMBED_TEXT_V1_5;
    private static final int SHOWN = 4;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "The texts, one per argument.")
    List<String> texts = List.of();

    @Option(names = {"-m", "--model"}, defaultValue = DEFAULT_MODEL, description = "Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--base64", description = "Ask Groq for base64 vectors (smaller answers; the same numbers).")
    boolean base64;

    @Override
    int run(Connection connection) throws IOException {
        List<String> all = new ArrayList<>(texts);
        // stdin only without arguments: a script's empty stdin would otherwise cost the wait for piped input
        String piped = !all.isEmpty() || environment().interactive() ? null : environment().pipedInput();
        if (piped != null) piped.lines().filter(l -> !l.isBlank()).forEach(all::add);
        if (all.isEmpty()) throw new ParameterException(spec.commandLine(), "No text: give it as arguments or on stdin");
        EmbeddingRequest.Builder request = EmbeddingRequest.builder().model(model).input(all);
        if (base64) request.encodingFormat(EmbeddingRequest.EncodingFormat.BASE64);
        EmbeddingList list = connection.client().embeddings().create(request.build());
        if (common.json()) {
            printJson(list);
            return GroqCli.OK;
        }
        PrintWriter out = out();
        Embedding first = list.data().get(0);
        for (Embedding e : list.data()) {
            String similarity = e.index() == 0 || list.data().size() < 2 ? ""
                    : String.format("  similarity to #0: %.3f", first.cosineSimilarity(e));
            out.printf("#%d  %d dimensions  %s%s  %s%n", e.index(), e.dimensions(), head(e.embedding()),
                    similarity, quote(all.get(e.index())));
        }
        out.printf("%d text(s), %d tokens, model %s%n", list.data().size(),
                list.usage() == null ? 0 : list.usage().totalTokens(), list.model());
        out.flush();
        return GroqCli.OK;
    }

    private static String head(float[] vector) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(SHOWN, vector.length); i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format("%.4f", vector[i]));
        }
        return sb.append(vector.length > SHOWN ? ", …]" : "]").toString();
    }

    private static String quote(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 39) + "…" : text) + "\"";
    }
}
