package dev.groqj.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groqj.JsonValue;
import dev.groqj.audio.SpeechRequest;
import dev.groqj.testkit.Endpoint;
import dev.groqj.testkit.FakeGroqServer;
import dev.groqj.testkit.RecordedRequest;
import dev.groqj.testkit.ScriptedResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands run in-process against a FakeGroqServer, with an environment map instead of the real one. */
class GroqCliTest {
    private static FakeGroqServer server;
    private static Map<String, String> groq;

    @BeforeAll
    static void startServer() {
        server = FakeGroqServer.create().start();
        groq = Map.of("GROQ_API_KEY", server.apiKey(), "GROQ_BASE_URL", server.baseUrl());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.reset();
    }

    /** The printed JSON, read by Jackson of its own: core's mapper is not exported. */
    private static JsonNode tree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RecordedRequest> chatRequests() {
        return server.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }

    @Test
    void chatStreamsTheAnswerToStdout() {
        CliRun run = CliRun.run(groq, "chat", "Hello", "there");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("You said: Hello there" + System.lineSeparator());
        assertThat(run.err()).isEmpty();
        JsonValue sent = chatRequests().get(0).json();
        assertThat(sent.get("stream").asBoolean()).isTrue();
        assertThat(sent.get("model").asString()).isEqualTo("llama-3.3-70b-versatile");
    }

    @Test
    void chatSendsTheOptionsGiven() {
        CliRun run = CliRun.run(groq, "chat", "--model", "llama-3.1-8b-instant", "--system", "Be brief.",
                "--temperature", "0.2", "--max-tokens", "50", "Hi");

        assertThat(run.exit()).isZero();
        JsonValue sent = chatRequests().get(0).json();
        assertThat(sent.get("model").asString()).isEqualTo("llama-3.1-8b-instant");
        assertThat(sent.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(sent.get("messages").get(0).get("content").asString()).isEqualTo("Be brief.");
        assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.get("max_completion_tokens").asInt()).isEqualTo(50);
    }

    @Test
    void chatThroughTheResponsesApi() {
        CliRun run = CliRun.run(groq, "chat", "--api", "responses", "--model", "openai/gpt-oss-20b", "--system",
                "Be brief.", "--reasoning", "--max-tokens", "200", "Hello", "there");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("You said: Hello there" + System.lineSeparator());
        assertThat(run.err()).contains("The user wrote \"Hello there\"");
        List<RecordedRequest> sent = server.requests().stream().filter(r -> r.path().endsWith("/responses")).toList();
        JsonValue body = sent.get(0).json();
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("instructions").asString()).isEqualTo("Be brief.");
        assertThat(body.get("input").get(0).get("content").asString()).isEqualTo("Hello there");
        assertThat(body.get("max_output_tokens").asInt()).isEqualTo(200);

        CliRun json = CliRun.run(groq, "chat", "--api", "responses", "--output", "json", "Hi");
        assertThat(json.exit()).isZero();
        assertThat(JsonValue.parse(json.out()).get("output").get(0).get("content").get(0).get("text").asString())
                .isEqualTo("You said: Hi");

        CliRun conversation = CliRun.run(groq, "first\nsecond\n", true, "chat", "--api", "responses");
        assertThat(conversation.out()).contains("You said: first", "You said: second");
        JsonValue last = server.requests().stream().filter(r -> r.path().endsWith("/responses"))
                .reduce((a, b) -> b).orElseThrow().json().get("input");
        assertThat(last.asList()).extracting(m -> m.get("role").asString())
                .containsExactly("user", "assistant", "user");

        CliRun bad = CliRun.run(groq, "chat", "--api", "assistants", "Hi");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--api must be chat or responses");
    }

    @Test
    void chatReadsThePromptFromStdinWhenNoneIsGiven() {
        CliRun run = CliRun.run(groq, "Summarize this\n", false, "chat");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("You said: Summarize this");
    }

    @Test
    void chatWithoutAnyPromptIsAUsageError() {
        CliRun run = CliRun.run(groq, "  \n", false, "chat");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("No prompt");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void chatOnATerminalKeepsTheConversation() {
        CliRun run = CliRun.run(groq, "first\nsecond\n", true, "chat");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("You said: first", "You said: second");
        List<RecordedRequest> requests = chatRequests();
        assertThat(requests).hasSize(2);
        JsonValue messages = requests.get(1).json().get("messages");
        assertThat(messages.asList()).hasSize(3);
        assertThat(messages.get(0).get("content").asString()).isEqualTo("first");
        assertThat(messages.get(1).get("role").asString()).isEqualTo("assistant");
        assertThat(messages.get(1).get("content").asString()).isEqualTo("You said: first");
        assertThat(messages.get(2).get("content").asString()).isEqualTo("second");
    }

    @Test
    void chatOnATerminalForgetsOnResetAndSurvivesAnError() {
        server.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.error(400, "invalid_request_error",
                "bad_thing", "Something was wrong"));

        CliRun run = CliRun.run(groq, "first\n/reset\nsecond\n", true, "chat", "--max-retries", "0");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("groqj: 400 bad_thing: Something was wrong");
        assertThat(run.out()).contains("You said: second");
        JsonValue last = chatRequests().get(1).json().get("messages");
        assertThat(last.asList()).hasSize(1);
        assertThat(last.get(0).get("content").asString()).isEqualTo("second");
    }

    @Test
    void chatSendsTheArgumentThenPipedStdin() {
        CliRun run = CliRun.run(groq, "data\n", false, "chat", "Review", "this");

        assertThat(run.exit()).isZero();
        assertThat(chatRequests().get(0).json().get("messages").get(0).get("content").asString())
                .isEqualTo("Review this\n\ndata");
    }

    @Test
    void replCommandsStayLocalAndChangeTheNextTurn(@TempDir Path dir) throws IOException {
        Path history = dir.resolve("history");
        Path saved = dir.resolve("talk.json");
        String typed = String.join("\n", "/help", "first", "/model llama-3.1-8b-instant", "/system Be brief.",
                "second", "/save " + saved, "/x", "/reset", "third", "");

        CliRun run = CliRun.run(Map.of("GROQ_API_KEY", server.apiKey(), "GROQ_BASE_URL", server.baseUrl(),
                "GROQJ_HISTORY", history.toString()), typed, true, "chat");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("/model NAME", "/save FILE", "groqj: unknown command /x; /help lists them");
        List<RecordedRequest> requests = chatRequests();
        assertThat(requests).hasSize(3);
        assertThat(requests).noneSatisfy(r -> assertThat(r.json().toString()).contains("/help"));
        JsonValue second = requests.get(1).json();
        assertThat(second.get("model").asString()).isEqualTo("llama-3.1-8b-instant");
        assertThat(second.get("messages").get(0).get("content").asString()).isEqualTo("Be brief.");
        assertThat(second.get("messages").asList()).hasSize(4); // system, first, its answer, second
        assertThat(requests.get(2).json().get("messages").asList()).hasSize(2); // system, third
        JsonNode talk = tree(Files.readString(saved));
        assertThat(talk.get("model").asText()).isEqualTo("llama-3.1-8b-instant");
        assertThat(talk.get("messages")).hasSize(5);
        assertThat(talk.get("messages").get(4).get("content").asText()).isEqualTo("You said: second");
        assertThat(Files.readAllLines(history)).anySatisfy(l -> assertThat(l).endsWith("first"))
                .anySatisfy(l -> assertThat(l).endsWith("/reset"));
    }

    @Test
    void replSavesMarkdownByExtension(@TempDir Path dir) throws IOException {
        Path saved = dir.resolve("talk.md");

        CliRun.run(groq, "hello\n/save " + saved + "\n", true, "chat");

        assertThat(Files.readString(saved)).startsWith("# groqj chat with llama-3.3-70b-versatile")
                .contains("## user\n\nhello\n", "## assistant\n\nYou said: hello\n");
    }

    @Test
    void chatJsonModeWithJsonOutputPrintsTheCompletion() {
        CliRun run = CliRun.run(groq, "chat", "--json", "--output", "json", "Three colors");

        assertThat(run.exit()).isZero();
        JsonNode completion = tree(run.out());
        String content = completion.get("choices").get(0).get("message").get("content").asText();
        assertThat(tree(content).isObject()).isTrue();
        JsonValue sent = chatRequests().get(0).json();
        assertThat(sent.asMap()).doesNotContainKey("stream");
        assertThat(sent.get("response_format").get("type").asString()).isEqualTo("json_object");
        assertThat(sent.get("messages").get(0).get("content").asString()).containsIgnoringCase("json");
    }

    @Test
    void chatReasoningOnGptOssAsksToIncludeItAndPrintsItToStderr() {
        CliRun run = CliRun.run(groq, "chat", "--reasoning", "--model", "openai/gpt-oss-20b", "Is 221 prime?");

        assertThat(run.exit()).isZero();
        JsonValue sent = chatRequests().get(0).json();
        assertThat(sent.get("include_reasoning").asBoolean()).isTrue();
        assertThat(sent.asMap()).doesNotContainKey("reasoning_format");
        assertThat(run.err()).contains("I will repeat it back.");
        assertThat(run.out()).isEqualTo("You said: Is 221 prime?" + System.lineSeparator());
    }

    @Test
    void chatReasoningOnQwenAsksForParsedReasoning() {
        CliRun run = CliRun.run(groq, "chat", "--reasoning", "--model", "qwen/qwen3-32b", "Why?");

        assertThat(run.exit()).isZero();
        assertThat(chatRequests().get(0).json().get("reasoning_format").asString()).isEqualTo("parsed");
        assertThat(run.err()).contains("I will repeat it back.");
    }

    @Test
    void modelsPrintsATableSortedById() {
        CliRun run = CliRun.run(groq, "models");

        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("CONTEXT WINDOW");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("llama-3.3-70b-versatile").contains("131,072"));
        List<String> ids = lines.subList(1, lines.size()).stream().map(l -> l.split("\\s+")[0]).toList();
        assertThat(ids).isSorted();
    }

    @Test
    void embedPrintsEachVectorAndItsSimilarityToTheFirst() {
        CliRun run = CliRun.run(groq, "embed", "a cat on a mat", "a cat on a rug", "stock prices");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("#0  768 dimensions  [").endsWith("\"a cat on a mat\"");
        assertThat(lines.get(1)).contains("similarity to #0: 0.");
        assertThat(lines.get(3)).isEqualTo("3 text(s), 12 tokens, model nomic-embed-text-v1_5");
        RecordedRequest sent = server.requests().get(server.requests().size() - 1);
        assertThat(sent.json().get("input").asList()).hasSize(3);
    }

    @Test
    void embedReadsLinesFromStdinAndPrintsJson() {
        CliRun run = CliRun.run(groq, "first line\n\nsecond line\n", false, "embed", "--base64", "--output", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode list = tree(run.out());
        assertThat(list.get("data")).hasSize(2);
        assertThat(list.get("data").get(1).get("embedding")).hasSize(768);
        RecordedRequest sent = server.requests().get(server.requests().size() - 1);
        assertThat(sent.json().get("encoding_format").asString()).isEqualTo("base64");
    }

    @Test
    void embedWithoutTextIsAUsageError() {
        CliRun run = CliRun.run(groq, "embed");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("No text");
    }

    @Test
    void modelsWithJsonOutputPrintsTheApiObject() {
        CliRun run = CliRun.run(groq, "models", "--output", "json");

        assertThat(run.exit()).isZero();
        JsonNode list = tree(run.out());
        assertThat(list.get("object").asText()).isEqualTo("list");
        assertThat(list.get("data").get(0).has("context_window")).isTrue();
    }

    @Test
    void withoutAnApiKeyCommandsAnswerFromTheSandboxAndSaySoInOneLine() {
        CliRun run = CliRun.run(Map.of(), "models");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEqualTo(Connection.SANDBOX_NOTICE + System.lineSeparator());
        assertThat(run.out()).contains("llama-3.3-70b-versatile");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void anApiErrorExits3WithOneLineNamingTheRequestId() {
        server.enqueue(Endpoint.MODELS_LIST, ScriptedResponse.error(404, "invalid_request_error",
                "model_not_found", "The model `nope` does not exist"));

        CliRun run = CliRun.run(groq, "models");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("groqj: 404 model_not_found: The model `nope` does not exist")
                .containsPattern("request_id=req_\\w+"));
    }

    @Test
    void aClosedPortExits4() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> nowhere = Map.of("GROQ_API_KEY", server.apiKey(),
                "GROQ_BASE_URL", "http://127.0.0.1:" + port + "/openai/v1");

        CliRun run = CliRun.run(nowhere, "health", "--max-retries", "0");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line).startsWith("groqj: "));
    }

    @Test
    void badUsageExits2() {
        assertThat(CliRun.run(groq, "chat", "--temperature", "hot", "Hi").exit()).isEqualTo(2);
        assertThat(CliRun.run(groq, "no-such-command").exit()).isEqualTo(2);
        assertThat(CliRun.run(groq).exit()).isEqualTo(2);
        assertThat(CliRun.run(groq, "speak", "Hello").exit()).isEqualTo(2); // -o is required
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aUsageErrorIsOneLineAndWhereHelpIs() {
        CliRun run = CliRun.run(groq, "chat", "--bogus", "Hi");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("groqj: Unknown option: '--bogus'", "Try 'groqj chat --help'.");
    }

    @Test
    void anErrorBeforeAnyAnswerPrintsNoBlankLine() {
        server.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.error(400, "invalid_request_error",
                "bad_thing", "Something was wrong"));

        CliRun run = CliRun.run(groq, "chat", "--max-retries", "0", "Hi");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("groqj: 400");
    }

    @Test
    void sandboxOnABusyPortSaysSoInOneLine() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run(Map.of(), "sandbox", "--port", String.valueOf(busy.getLocalPort()));

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("groqj: cannot listen on port " + busy.getLocalPort()).doesNotContain("Exception"));
        }
    }

    @Test
    void completionPrintsAScriptForBashAndZsh() {
        for (String shell : List.of("bash", "zsh")) {
            CliRun run = CliRun.run(Map.of(), "completion", shell);

            assertThat(run.exit()).as(shell).isZero();
            assertThat(run.out()).as(shell).contains("complete -F _complete_groqj", "bashcompinit", "transcribe");
        }
        assertThat(CliRun.run(Map.of(), "completion", "fish").exit()).isEqualTo(2);
    }

    @Test
    void aRequestRefusedBeforeSendingExits2NamingTheParameter(@TempDir Path dir) throws IOException {
        Path wav = Files.write(dir.resolve("a.wav"), new byte[] {1, 2, 3});

        CliRun run = CliRun.run(groq, "transcribe", wav.toString(), "--language", "english");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("groqj: invalid language:");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void healthPrintsLatencyAndTheRateLimitStatus() {
        CliRun run = CliRun.run(groq, "health");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("healthy: .* answered in \\d+ ms")
                .containsPattern("requests per day: +[\\d,]+ of 1,000,000 left, full again in [\\d.]+s")
                .contains("tokens per minute:");
    }

    @Test
    void healthWithJsonOutputGivesNumbers() {
        CliRun run = CliRun.run(groq, "health", "--output", "json");

        assertThat(run.exit()).isZero();
        JsonNode health = tree(run.out());
        assertThat(health.get("healthy").asBoolean()).isTrue();
        assertThat(health.get("rate_limit").get("requests_limit").asLong()).isEqualTo(1_000_000); // the sandbox's requests per day
    }

    @Test
    void speakWritesAWavThatTranscribesBackToItsText(@TempDir Path dir) {
        Path wav = dir.resolve("hello.wav");

        CliRun spoken = CliRun.run(groq, "speak", "Hello", "from", "the", "terminal", "-o", wav.toString());
        CliRun heard = CliRun.run(groq, "transcribe", wav.toString());

        assertThat(spoken.exit()).isZero();
        assertThat(spoken.out()).contains("bytes to " + wav);
        assertThat(wav).isNotEmptyFile();
        assertThat(heard.exit()).isZero();
        assertThat(heard.out()).isEqualTo("Hello from the terminal" + System.lineSeparator());
        assertThat(server.takeRequest().json().get("response_format").asString()).isEqualTo("wav");
    }

    @Test
    void speakToAnMp3WithTheDefaultModelWritesWavAndSaysSo(@TempDir Path dir) {
        Path mp3 = dir.resolve("a.mp3");

        CliRun run = CliRun.run(groq, "speak", "Hello", "-o", mp3.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("groqj: " + SpeakCommand.DEFAULT_MODEL + " speaks only WAV; " + mp3
                + " will hold WAV audio" + System.lineSeparator());
        assertThat(server.takeRequest().json().get("response_format").asString()).isEqualTo("wav");
    }

    @Test
    void speakWithTheArabicModelUsesItsFirstVoiceAndWav(@TempDir Path dir) {
        Path out = dir.resolve("salam.wav");

        CliRun run = CliRun.run(groq, "speak", "marhaba", "--model", SpeechRequest.ORPHEUS_ARABIC_SAUDI, "-o",
                out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        RecordedRequest sent = server.requests().get(server.requests().size() - 1);
        assertThat(sent.json().get("voice").asString()).isEqualTo("fahad");
        assertThat(sent.json().get("response_format").asString()).isEqualTo("wav");
    }

    @Test
    void speakRefusesAFormatTheModelDoesNotSpeak(@TempDir Path dir) {
        CliRun run = CliRun.run(groq, "speak", "hi", "--format", "mp3", "-o", dir.resolve("a.mp3").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("response_format").contains("speaks only wav");
    }

    @Test
    void transcribeWithWordsPrintsEachWordsTimes(@TempDir Path dir) {
        Path wav = dir.resolve("two.wav");
        CliRun.run(groq, "speak", "two words", "-o", wav.toString());

        CliRun run = CliRun.run(groq, "transcribe", wav.toString(), "--words", "--language", "en");

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).hasSize(2).allSatisfy(l -> assertThat(l).matches("\\s*[\\d.]+\\s+[\\d.]+\\s+\\S+"));
        assertThat(run.err()).contains("English");
    }

    @Test
    void translateUsesTheTranslationModel(@TempDir Path dir) {
        Path wav = dir.resolve("bonjour.wav");
        CliRun.run(groq, "speak", "Good morning", "-o", wav.toString());
        server.clearJournal();

        CliRun run = CliRun.run(groq, "translate", wav.toString(), "--output", "json");

        assertThat(run.exit()).isZero();
        assertThat(tree(run.out()).get("text").asText().strip()).isEqualTo("Good morning");
        assertThat(server.requests().get(0).path()).endsWith("/audio/translations");
    }

    @Test
    void audioFromAMissingFileIsAUsageError() {
        CliRun run = CliRun.run(groq, "transcribe", "no-such-file.wav");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Cannot read audio file no-such-file.wav");
    }

    private static Path requests(Path dir, String... questions) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < questions.length; i++) {
            jsonl.append("{\"custom_id\":\"q-").append(i + 1).append("\",\"method\":\"POST\",")
                    .append("\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"llama-3.1-8b-instant\",")
                    .append("\"messages\":[{\"role\":\"user\",\"content\":\"").append(questions[i])
                    .append("\"}]}}\n");
        }
        return Files.writeString(dir.resolve("in.jsonl"), jsonl);
    }

    @Test
    void batchSubmitWaitWritesTheResultsAndShowsPlainProgressWhenPiped(@TempDir Path dir) throws IOException {
        Path in = requests(dir, "one", "two");
        Path out = dir.resolve("answers.jsonl");

        CliRun run = CliRun.run(groq, "batch", "submit", in.toString(), "--wait", "--poll", "0.01", "-o",
                out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).matches("batch_01\\w+  completed  2/2 done, 0 failed\\R");
        assertThat(run.err()).contains("groqj: 2 requests in 1 batch", "groqj: batch in_progress, 0/2 done, 0 failed",
                "groqj: batch completed, 2/2 done", "2 result lines written to " + out).doesNotContain("\r");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(tree(l).get("response").get("status_code").asInt())
                .isEqualTo(200));
        assertThat(tree(lines.get(1)).at("/response/body/choices/0/message/content").asText())
                .isEqualTo("You said: two");
    }

    @Test
    void batchSubmitOnATerminalDrawsAProgressBar(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.run(groq, "", true, "batch", "submit", requests(dir, "one").toString(), "--wait",
                "--poll", "0.01");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("\rbatch [------------------------------]   0%  0/1 done, 0 failed  in_progress",
                "\rbatch [##############################] 100%  1/1 done, 0 failed  completed");
    }

    @Test
    void batchSubmitPrintsTheIdsThenStatusAndResultsFollowThem(@TempDir Path dir) throws IOException {
        CliRun submitted = CliRun.run(groq, "batch", "submit", requests(dir, "one", "two", "three").toString());
        assertThat(submitted.exit()).isZero();
        String id = submitted.out().strip();
        assertThat(id).startsWith("batch_01").doesNotContain("\n");

        // the fake moves a batch one status on at each retrieve
        CliRun early = CliRun.run(groq, "batch", "results", id);
        assertThat(early.exit()).isEqualTo(2);
        assertThat(early.err()).contains("is in_progress; its results come once it ends");

        CliRun status = CliRun.run(groq, "batch", "status", id);
        assertThat(status.out()).startsWith(id + "  finalizing  3/3 done, 0 failed").contains("expires");
        CliRun done = CliRun.run(groq, "batch", "status", id, "--output", "json");
        assertThat(tree(done.out()).get("status").asText()).isEqualTo("completed");

        Path out = dir.resolve("out.jsonl");
        CliRun results = CliRun.run(groq, "batch", "results", id, "-o", out.toString());
        assertThat(results.exit()).isZero();
        assertThat(results.err()).contains("3 result lines of " + id + " written to " + out);
        assertThat(Files.readAllLines(out)).extracting(l -> tree(l).get("custom_id").asText())
                .containsExactly("q-1", "q-2", "q-3");
        CliRun toStdout = CliRun.run(groq, "batch", "results", id);
        assertThat(toStdout.out().lines()).hasSize(3);
    }

    @Test
    void batchSubmitRefusesABadLineNamingItsNumberBeforeUploading(@TempDir Path dir) throws IOException {
        Path in = requests(dir, "one", "two");
        Files.writeString(in, Files.readString(in) + Files.readAllLines(in).get(0) + "\n");
        server.clearJournal();

        CliRun run = CliRun.run(groq, "batch", "submit", in.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("invalid custom_id: " + in + " line 3: 'q-1' is used twice");
        assertThat(server.requests()).isEmpty();
        assertThat(CliRun.run(groq, "batch", "submit", in.toString(), "-o", "x.jsonl").err())
                .contains("-o needs --wait");
        assertThat(CliRun.run(groq, "batch").exit()).isEqualTo(2);
        assertThat(CliRun.run(groq, "completion", "bash").out()).contains("batch", "submit", "results");
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        CommandLine cli = GroqCli.commandLine(new CliEnvironment(Map.of(), System.in, false));
        assertThat(cli.getSubcommands()).containsKeys("chat", "models", "transcribe", "translate", "speak",
                "embed", "batch", "health", "sandbox", "demo", "completion");
        for (String name : cli.getSubcommands().keySet()) {
            if (name.equals("help")) continue;
            CliRun run = CliRun.run(Map.of(), name, "--help");
            assertThat(run.exit()).as(name).isZero();
            assertThat(run.out()).as(name).contains("Usage: groqj " + name).contains("Example").contains("groqj " + name + " ");
        }
        assertThat(CliRun.run(Map.of(), "--help").out()).contains("Example");
    }

    @Test
    void helpWrapsToTheTerminalWidth() {
        CommandLine cli = GroqCli.commandLine(new CliEnvironment(Map.of(), System.in, false));
        assertThat(cli.isUsageHelpAutoWidth()).isTrue();
        cli.setUsageHelpAutoWidth(false);
        cli.setUsageHelpWidth(60);
        for (CommandLine command : cli.getSubcommands().values()) {
            String help = command.getUsageMessage();
            assertThat(help.lines()).as(command.getCommandName()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        }
    }

    @Test
    void versionNamesGroqj() {
        CliRun run = CliRun.run(Map.of(), "--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("groqj ");
    }

    @Test
    void aLargeUploadOnATerminalShowsAProgressBar(@TempDir Path dir) throws IOException {
        Path big = Files.write(dir.resolve("big.wav"), new byte[(int) ProgressBar.THRESHOLD_BYTES + 1]);

        CliRun onTerminal = CliRun.run(groq, "", true, "transcribe", big.toString());
        CliRun piped = CliRun.run(groq, "", false, "transcribe", big.toString());

        assertThat(onTerminal.exit()).isZero();
        assertThat(onTerminal.err()).contains("\rbig.wav [").contains("100%  4.2 of 4.2 MB");
        assertThat(piped.err()).doesNotContain("big.wav [");
    }

    @Test
    void progressBarRedrawsOnlyWhenThePercentageChanges() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "a.wav");

        bar.onProgress(0, 1000);
        bar.onProgress(1, 1000);
        bar.onProgress(500, 1000);
        bar.onProgress(1000, 1000);

        assertThat(err.toString().split("\r", -1)).hasSize(4); // "", 0%, 50%, 100%
        assertThat(err.toString()).contains("[###############---------------]  50%")
                .endsWith("100%  0.0 of 0.0 MB" + System.lineSeparator());
    }
}
