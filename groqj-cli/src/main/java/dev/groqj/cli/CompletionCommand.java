package dev.groqj.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code groqj completion bash|zsh}: a shell completion script for groqj. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a script that completes groqj's commands and options in bash or zsh.",
                "zsh runs the bash script through bashcompinit, which the script loads itself."},
        footer = {"", "Examples:",
                "  groqj completion bash > ~/.local/share/bash-completion/completions/groqj",
                "  echo 'source <(groqj completion zsh)' >> ~/.zshrc"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { BASH, ZSH }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        // picocli's script works in both shells: under zsh it loads compinit and bashcompinit first
        spec.commandLine().getOut().print("# groqj completion for " + shell.name().toLowerCase(Locale.ROOT) + "\n"
                + AutoComplete.bash("groqj", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return GroqCli.OK;
    }
}
