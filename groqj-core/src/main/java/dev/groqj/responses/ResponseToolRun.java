package dev.groqj.responses;

import java.util.List;

/**
 * The result of {@code client.responses().runTools}: the model's final response and the whole input transcript.
 *
 * <pre>{@code
 * ResponseToolRun run = client.responses().runTools(request, tools);
 * run.response().outputText();                          // the answer in words
 * request.toBuilder().input(run.input())                // continue the conversation
 *         .addInput(ResponseInputItem.user("And tomorrow?")).build();
 * }</pre>
 */
public final class ResponseToolRun {
    private final Response response;
    private final List<ResponseInputItem> input;
    private final List<Response> rounds;

    ResponseToolRun(List<ResponseInputItem> input, List<Response> rounds) {
        this.rounds = List.copyOf(rounds);
        this.response = this.rounds.get(this.rounds.size() - 1);
        this.input = List.copyOf(input);
    }

    /** The final response: the one without function calls. */
    public Response response() {
        return response;
    }

    /**
     * The transcript as input items: the request's input, then each round's text (as an assistant message) and
     * function calls, each call's {@code function_call_output}, and the final answer's text. Reasoning and the
     * tools Groq ran itself stay in {@link #rounds()}: Groq's input takes messages, function calls and outputs.
     */
    public List<ResponseInputItem> input() {
        return input;
    }

    /** Every response of the run, one per round, the final one last. */
    public List<Response> rounds() {
        return rounds;
    }

    @Override
    public String toString() {
        return "ResponseToolRun{rounds=" + rounds.size() + ", input=" + input.size() + '}';
    }
}
