package dev.groqj.cli;

import dev.groqj.models.Model;
import dev.groqj.models.ModelList;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/** {@code groqj models}: the models the key can use. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models you can use, with their owner, context window and output limit.",
        footer = {"", "Examples:",
                "  groqj models",
                "  groqj models --output json | jq -r '.data[].id'"})
final class ModelsCommand extends ApiCommand {
    @Override
    int run(Connection connection) {
        ModelList models = connection.client().models().list();
        if (common.json()) {
            printJson(models);
            return GroqCli.OK;
        }
        List<Model> sorted = models.data().stream().sorted(Comparator.comparing(Model::id)).toList();
        int width = sorted.stream().mapToInt(m -> m.id().length()).max().orElse(2);
        PrintWriter out = out();
        String row = "%-" + width + "s  %-14s  %14s  %10s%n";
        out.printf(row, "ID", "OWNER", "CONTEXT WINDOW", "MAX OUTPUT");
        for (Model m : sorted) {
            out.printf(row, m.id(), m.ownedBy() == null ? "" : m.ownedBy(), count(m.contextWindow()),
                    count(m.maxCompletionTokens()));
        }
        out.flush();
        return GroqCli.OK;
    }

    private static String count(Long n) {
        return n == null ? "" : String.format("%,d", n);
    }
}
