package dev.groqj.cli;

import dev.groqj.GroqClient;
import dev.groqj.HealthStatus;
import dev.groqj.JsonValue;
import dev.groqj.RequestOptions;
import dev.groqj.audio.SpeechFormat;
import dev.groqj.audio.SpeechRequest;
import dev.groqj.audio.Transcription;
import dev.groqj.audio.TranscriptionRequest;
import dev.groqj.batches.BatchJob;
import dev.groqj.batches.BatchResults;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.chat.ChatCompletionChunk;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.ChatStream;
import dev.groqj.chat.Description;
import dev.groqj.chat.FunctionTool;
import dev.groqj.chat.Message;
import dev.groqj.chat.ResponseFormat;
import dev.groqj.chat.ResponseMessage;
import dev.groqj.chat.StructuredCompletion;
import dev.groqj.chat.Tool;
import dev.groqj.chat.ToolCall;
import dev.groqj.chat.ToolChoice;
import dev.groqj.chat.ToolRun;
import dev.groqj.chat.ToolRunListener;
import dev.groqj.chat.ToolRunOptions;
import dev.groqj.embeddings.Embedding;
import dev.groqj.embeddings.EmbeddingRequest;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.StreamException;
import dev.groqj.models.Model;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.GroqListener;
import dev.groqj.reranking.Reranking;
import dev.groqj.reranking.RerankingRequest;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.responses.Response;
import dev.groqj.responses.ResponseEvent;
import dev.groqj.responses.ResponseOutputItem;
import dev.groqj.responses.ResponseRequest;
import dev.groqj.responses.ResponseStream;
import dev.groqj.responses.ResponseTool;
import dev.groqj.testkit.Endpoint;
import dev.groqj.testkit.FakeGroqServer;
import dev.groqj.testkit.ScriptedResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code groqj demo}: a tour of every capability against the embedded sandbox, each step explained in a line.
 * Exits 0 when every step worked, 1 otherwise, so CI can run it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"A tour of groqj: models, chat, a stream, a tool call, JSON mode, the Responses API, a typed",
                "answer, a tool loop, speech and its transcription, embeddings and reranking, a batch job, and a 429",
                "absorbed by a retry. Always runs offline against the embedded sandbox (FakeGroqServer), whatever",
                "GROQ_API_KEY says. Exits 0 when every step worked."},
        footer = {"", "Example:", "  groqj demo"})
final class DemoCommand implements Callable<Integer> {
    static final String NOTICE = "groqj: the demo always runs against the embedded sandbox (FakeGroqServer), "
            + "not Groq; no key or network needed";
    private static final String MODEL = ChatCommand.DEFAULT_MODEL;

    @Spec
    CommandSpec spec;

    private final List<Retry> retries = new CopyOnWriteArrayList<>();
    private GroqClient client;
    private FakeGroqServer sandbox;

    private record Retry(int attempt, Duration delay, GroqException error) {
    }

    private record Step(String title, String explanation, StepAction action) {
    }

    @FunctionalInterface
    private interface StepAction {
        void run(PrintWriter out) throws Exception;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println(NOTICE);
        err.flush();
        try (Connection connection = Connection.sandbox(b -> b.addListener(new GroqListener() {
            @Override
            public void retryScheduled(CallInfo call, int attempt, Duration delay, GroqException error) {
                retries.add(new Retry(attempt, delay, error));
            }
        }))) {
            client = connection.client();
            sandbox = connection.sandbox();
            List<Step> steps = steps();
            int failed = 0;
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                out.printf("%n[%d/%d] %s%n      %s%n", i + 1, steps.size(), step.title(), step.explanation());
                out.flush();
                try {
                    step.action().run(out);
                    out.println("      ok");
                } catch (Exception e) {
                    failed++;
                    out.println("      FAILED: " + (e instanceof GroqException g ? GroqCli.describe(g) : e));
                }
                out.flush();
            }
            out.println();
            out.println(failed == 0
                    ? "All " + steps.size() + " steps worked. Set GROQ_API_KEY and the same calls go to Groq."
                    : failed + " of " + steps.size() + " steps failed.");
            out.flush();
            return failed == 0 ? GroqCli.OK : 1;
        }
    }

    private List<Step> steps() {
        return List.of(
                new Step("Models", "GET /models lists the models a key can use.", this::models),
                new Step("Chat", "One request, one answer, with Groq's timing and token counts.", this::chat),
                new Step("Streaming", "The answer arrives token by token over server-sent events.", this::stream),
                new Step("Tool call", "The model asks to run a function; we run it and send back the result.",
                        this::toolCall),
                new Step("JSON mode", "response_format json_object: the answer is one JSON object.", this::jsonMode),
                new Step("Responses API", "POST /responses: Groq calls a remote MCP server for the model; the"
                        + " output is typed items, the stream typed events.", this::responses),
                new Step("Structured output", "A Java record in, a Java record out: its strict JSON schema is sent,"
                        + " the answer parsed into it.", this::structuredOutput),
                new Step("Tool loop", "runTools runs Java handlers for the model's calls, two at once, until it"
                        + " answers in words.", this::toolLoop),
                new Step("Speech and transcription",
                        "Text to a WAV file with /audio/speech, then back to text with Whisper.",
                        this::speechAndTranscription),
                new Step("Embeddings and reranking",
                        "Texts become vectors (/embeddings); documents are ordered by relevance (/reranking).",
                        this::embeddingsAndReranking),
                new Step("Batch job", "Requests written to JSONL, uploaded and run as a batch (half price on Groq),"
                        + " polled to the end; results by custom_id.", this::batchJob),
                new Step("A 429 absorbed by a retry",
                        "The sandbox answers 429 with retry-after: 1; the client waits and retries on its own.",
                        this::rateLimitRetry),
                new Step("A stalled stream cut off",
                        "The sandbox opens a stream, then goes silent; readTimeout (here 0.5 s) ends it, typed, not hung.",
                        this::stalledStream),
                new Step("Health and rate limits",
                        "Latency of a small call, and what Groq's x-ratelimit-* headers say is left.",
                        this::health));
    }

    private void models(PrintWriter out) {
        List<Model> models = client.models().list().data();
        out.println("      " + models.size() + " models, e.g. "
                + String.join(", ", models.stream().limit(4).map(Model::id).toList()));
    }

    private void chat(PrintWriter out) {
        ChatCompletion completion = client.chat().create(ChatRequest.builder().model(MODEL)
                .addMessage(Message.system("Be brief."))
                .addMessage(Message.user("What makes Groq fast?"))
                .build());
        out.println("      answer: " + completion.choices().get(0).message().content());
        out.printf("      %d tokens in %.3fs, request id %s%n", completion.usage().totalTokens(),
                completion.usage().totalTime(), completion.xGroq().id());
    }

    private void stream(PrintWriter out) {
        out.print("      ");
        int chunks = 0;
        try (ChatStream stream = client.chat().stream(ChatRequest.builder().model(MODEL)
                .addMessage(Message.user("Count to five: one two three four five")).build())) {
            for (ChatCompletionChunk chunk : stream) {
                chunks++;
                if (chunk.choices().isEmpty() || chunk.choices().get(0).delta().content() == null) continue;
                out.print(chunk.choices().get(0).delta().content());
                out.flush();
            }
        }
        out.println();
        out.println("      (" + chunks + " chunks)");
    }

    private void toolCall(PrintWriter out) {
        Tool weather = Tool.function("get_weather", "Current weather in a city", Map.of(
                "type", "object",
                "properties", Map.of("city", Map.of("type", "string")),
                "required", List.of("city")));
        Message question = Message.user("Paris");
        ChatRequest request = ChatRequest.builder().model(MODEL).addMessage(question).addTool(weather)
                .toolChoice(ToolChoice.REQUIRED).build();
        ResponseMessage asked = client.chat().create(request).choices().get(0).message();
        if (asked.toolCalls().isEmpty()) throw new IllegalStateException("the model called no tool");
        ToolCall call = asked.toolCalls().get(0);
        out.println("      the model calls " + call.function().name() + "(" + call.function().arguments() + ")");
        String result = "{\"city\":\"Paris\",\"temperature_c\":18}";
        out.println("      we run it and answer " + result);
        ChatCompletion answer = client.chat().create(request.toBuilder()
                .addMessage(Message.assistant(asked))
                .addMessage(Message.tool(call.id(), result))
                .toolChoice(ToolChoice.NONE)
                .build());
        out.println("      final answer: " + answer.choices().get(0).message().content());
    }

    private void jsonMode(PrintWriter out) {
        String content = client.chat().create(ChatRequest.builder().model(MODEL)
                .addMessage(Message.user("Reply in JSON: what is the capital of France?"))
                .responseFormat(ResponseFormat.jsonObject())
                .build()).choices().get(0).message().content();
        JsonValue parsed = JsonValue.parse(content);
        if (!parsed.isObject()) throw new IllegalStateException("not a JSON object: " + content);
        out.println("      " + content + "  (parsed: fields " + String.join(", ", parsed.asMap().keySet()) + ")");
    }

    private void responses(PrintWriter out) {
        ResponseRequest request = ResponseRequest.builder().model("openai/gpt-oss-20b").input("What is Groq?")
                .addTool(ResponseTool.mcp("docs", "https://docs.example/mcp")
                        .requireApproval(ResponseTool.Approval.NEVER).build())
                .build();
        Response response = client.responses().create(request);
        out.println("      output: " + String.join(", ", response.output().stream().map(ResponseOutputItem::type)
                .toList()) + "; answer: " + response.outputText());
        int deltas = 0;
        try (ResponseStream events = client.responses().stream(request)) {
            for (ResponseEvent event : events) if (event instanceof ResponseEvent.OutputTextDelta) deltas++;
            out.println("      streamed " + deltas + " text deltas, rebuilt: " + events.accumulate().outputText());
        }
    }

    /** A typed answer for the structured-output step. */
    record Capital(@Description("The country") String country, @Description("Its capital city") String city,
                   int population) {
    }

    private void structuredOutput(PrintWriter out) {
        StructuredCompletion<Capital> answer = client.chat().create(ChatRequest.builder().model(MODEL)
                .addMessage(Message.user("France")).build(), Capital.class);
        out.println("      sent a strict json_schema derived from Capital; got " + answer.value());
    }

    /** The tool-loop step's arguments and answers. */
    record City(String city) {
    }

    record Forecast(String city, int celsius, String sky) {
    }

    private void toolLoop(PrintWriter out) {
        List<FunctionTool<?>> tools = List.of(
                FunctionTool.of("get_weather", "Current weather in a city", City.class,
                        c -> new Forecast(c.city(), 18, "clear")),
                FunctionTool.of("get_time", "Local time in a city", City.class, c -> "09:30 in " + c.city()),
                FunctionTool.of("get_events", "What is on today in a city", City.class,
                        c -> List.of("jazz at 20:00")));
        ToolRunListener listener = new ToolRunListener() {
            @Override
            public void started(ToolCall call) {
                synchronized (out) {
                    out.println("      -> " + call.function().name() + call.function().arguments());
                }
            }
        };
        ToolRun run = client.chat().runTools(ChatRequest.builder().model(MODEL)
                        .addMessage(Message.user("Lyon")).build(), tools,
                ToolRunOptions.builder().listener(listener).build());
        out.println("      " + run.rounds().size() + " rounds, " + run.messages().size() + " messages; answer: "
                + run.completion().content());
    }

    private void speechAndTranscription(PrintWriter out) throws IOException {
        Path wav = Files.createTempFile("groqj-demo-", ".wav");
        try {
            long bytes = client.audio().speech(SpeechRequest.builder().model(SpeakCommand.DEFAULT_MODEL)
                    .voice(SpeakCommand.DEFAULT_VOICE).input("Groq transcribes speech at lightning speed.")
                    .responseFormat(SpeechFormat.WAV).build(), wav);
            out.printf("      wrote %,d bytes of speech to %s%n", bytes, wav.getFileName());
            Transcription transcription = client.audio().transcribe(TranscriptionRequest.builder()
                    .file(wav).model(TranscriptionRequest.WHISPER_LARGE_V3_TURBO).language("en").build());
            out.println("      transcribed: " + transcription.text().strip());
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private void batchJob(PrintWriter out) {
        List<String> statuses = new CopyOnWriteArrayList<>();
        BatchJob job = BatchJob.builder(client).pollInterval(Duration.ofMillis(20))
                .progressListener(p -> statuses.add(p.batches().get(0).status().toString())).build();
        job.addChat("capital", ChatRequest.builder().model(MODEL)
                        .addMessage(Message.user("What is the capital of France?")).build())
                .addChat("haiku", ChatRequest.builder().model(MODEL)
                        .addMessage(Message.user("Write a haiku about speed")).build())
                .addChat("mistake", ChatRequest.builder().model(TranscriptionRequest.WHISPER_LARGE_V3)
                        .addMessage(Message.user("A speech model cannot chat")).build());
        List<String> ids = job.submit();
        BatchResults results = job.await();
        out.println("      " + ids.get(0) + ": " + String.join(" -> ", statuses));
        out.println("      capital: " + results.chatCompletion("capital").choices().get(0).message().content());
        GroqException error = results.error("mistake");
        if (error == null) throw new IllegalStateException("the line to a speech model did not fail");
        out.println("      mistake: " + error.getClass().getSimpleName() + " " + error.statusCode() + ", the same"
                + " error a direct call would throw");
    }

    private void embeddingsAndReranking(PrintWriter out) {
        List<Embedding> vectors = client.embeddings().create(EmbeddingRequest.builder()
                .model(EmbedCommand.DEFAULT_MODEL)
                .input(List.of("a cat sat on the mat", "the cat sat on a rug", "stock prices fell sharply"))
                .build()).data();
        out.printf("      %d vectors of %d dimensions; cat/cat %.2f, cat/stocks %.2f%n", vectors.size(),
                vectors.get(0).dimensions(), vectors.get(0).cosineSimilarity(vectors.get(1)),
                vectors.get(0).cosineSimilarity(vectors.get(2)));
        Reranking ranked = client.reranking().create(RerankingRequest.builder()
                .model(RerankingRequest.QWEN3_RERANKER_4B).query("how do neural networks learn")
                .docs(List.of("The weather is nice today", "Neural networks learn from data by gradient descent"))
                .build());
        Reranking.Result best = ranked.results().get(0);
        out.printf("      most relevant (%.2f): %s%n", best.score(), best.doc());
    }

    private void rateLimitRetry(PrintWriter out) {
        retries.clear();
        sandbox.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.rateLimited(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        ChatCompletion completion = client.chat().create(ChatRequest.builder().model(MODEL)
                .addMessage(Message.user("Are you there?")).build());
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (retries.isEmpty()) throw new IllegalStateException("the 429 was not retried");
        Retry retry = retries.get(0);
        out.printf("      attempt %d got %d (%s); retried after %.1fs%n", retry.attempt(),
                retry.error().statusCode(), retry.error().errorCode(), retry.delay().toMillis() / 1000.0);
        out.printf("      then answered in %d ms overall: %s%n", ms, completion.choices().get(0).message().content());
    }

    private void stalledStream(PrintWriter out) {
        sandbox.enqueue(Endpoint.CHAT_COMPLETIONS,
                ScriptedResponse.modelAnswer().toBuilder().chunkDelay(Duration.ofSeconds(30)).build());
        long start = System.nanoTime();
        int[] chunks = {0};
        try (ChatStream stream = client.chat().stream(ChatRequest.builder().model(MODEL)
                        .addMessage(Message.user("Tell me a long story")).build(),
                RequestOptions.builder().readTimeout(Duration.ofMillis(500)).build())) {
            stream.forEach(chunk -> chunks[0]++);
            throw new IllegalStateException("the stalled stream did not time out");
        } catch (StreamException e) {
            if (!(e.getCause() instanceof GroqTimeoutException)) throw e;
            out.printf("      StreamException after %d ms, caused by %s%n",
                    Duration.ofNanos(System.nanoTime() - start).toMillis(), e.getCause().getClass().getSimpleName());
            out.println("      the " + chunks[0] + " chunk(s) before the silence were delivered first; the connection is closed");
        }
    }

    private void health(PrintWriter out) {
        HealthStatus health = client.healthCheck();
        if (!health.healthy()) throw new IllegalStateException("unhealthy: " + health.message());
        RateLimitStatus limits = client.rateLimitStatus();
        out.println("      healthy, answered in " + health.latencyMs() + " ms");
        out.println("      requests per day:  " + HealthCommand.budget(limits.requestsRemaining(), limits.requestsLimit(),
                limits.requestsReset()));
        out.println("      tokens per minute: " + HealthCommand.budget(limits.tokensRemaining(), limits.tokensLimit(),
                limits.tokensReset()));
    }
}
