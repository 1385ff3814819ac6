package dev.groqj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.groqj.transport.Headers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Groq: a real HTTP server on 127.0.0.1 that speaks the Groq API, for tests.
 *
 * <pre>{@code
 * try (FakeGroqServer server = FakeGroqServer.create().start()) {
 *     GroqClient client = GroqClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
 *     server.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.status(503)); // one failure, then answers
 *     ... client.chat().create(request) ...
 *     assertThat(server.takeRequest().json().get("model").asString()).isEqualTo("llama-3.3-70b-versatile");
 * }
 * }</pre>
 *
 * <p>It serves {@code POST /chat/completions} and {@code POST /responses} (JSON and SSE; see
 * {@code FakeResponses} for how the Responses API answers), {@code GET /models}, {@code GET} and
 * {@code DELETE /models/{model}} (one percent-encoded segment, {@code openai%2Fgpt-oss-120b}),
 * {@code POST /audio/transcriptions} and {@code /audio/translations} (multipart), {@code POST /audio/speech}
 * (a WAV), and the Files and Batches APIs ({@code /files}, {@code /files/{id}}, {@code /files/{id}/content},
 * {@code /batches}, {@code /batches/{id}}, {@code /batches/{id}/cancel}; the lists paginate when asked with
 * {@code limit} or {@code after}), {@code POST /embeddings} and {@code /reranking} (see {@code FakeEmbeddings}:
 * words hashed into 768-dimension vectors; documents scored by the share of the query's words they hold), all under
 * {@link #baseUrl()}, and fine-tunings in memory at {@link #FINE_TUNINGS_PATH} under {@link #rootUrl()}, as Groq
 * does. Like Groq it answers 401 {@code invalid_api_key} to a missing or wrong
 * bearer key, 400 {@code invalid_request_error} to malformed bodies and to the parameters Groq refuses
 * ({@code logprobs}, {@code logit_bias}, {@code top_logprobs}, {@code messages[].name}, {@code n != 1}), 404
 * {@code model_not_found} to unknown models, and 429 {@code rate_limit_exceeded} with {@code retry-after} past
 * its quotas (requests per minute and per day, tokens per minute). Every answer carries an {@code x-request-id}
 * equal to the body's {@code x_groq.id} and {@code x-ratelimit-*} headers with Groq's meaning (requests per day,
 * tokens per minute) and Go durations that count down truthfully on the injected clock.
 *
 * <p>The built-in model answers {@code "You said: <last user message>"}, deterministically. A token is a word:
 * {@code prompt_tokens} counts the words of all messages, {@code completion_tokens} those of the answer and its
 * reasoning, and a stream sends one word per chunk. {@code tool_choice} "required" or a named function yields a
 * tool call whose arguments fit the tool's parameters; {@code response_format} json_object or json_schema
 * yields JSON; reasoning models add {@code reasoning}; a small {@code max_completion_tokens} cuts the answer
 * with {@code finish_reason} "length".
 *
 * <p>Files live in memory until deleted (only {@code purpose} "batch" and {@code *.jsonl}, like Groq). A batch moves
 * one status on each {@code GET /batches/{id}}, so a test polls it through deterministically: {@code validating}
 * &rarr; {@code in_progress} (or {@code failed}, with {@code errors} naming the bad lines, when a line lacks
 * {@code custom_id}, {@code method} "POST", a {@code url} among "/v1/chat/completions", "/v1/audio/transcriptions"
 * and "/v1/audio/translations", or a {@code body}) &rarr; {@code finalizing} (each line answered by the built-in
 * models, as the synchronous endpoint would, outside the per-minute quotas; an audio line's {@code data:} url is
 * transcribed as an upload) &rarr; {@code completed}, with {@code output_file_id} (answered lines) and
 * {@code error_file_id} (lines that got an error, e.g. an unknown model) and {@code request_counts}. With
 * {@link Builder#batchPace} each step, and each request, takes that long on the injected clock instead. A cancel
 * turns a running batch {@code cancelling}, then {@code cancelled}; once the clock passes {@code expires_at}, a
 * running batch is {@code expired}; the requests that had not run go to the error file as {@code batch_cancelled} or
 * {@code batch_expired}. Unknown ids answer 404 {@code not_found}.
 */
public final class FakeGroqServer implements AutoCloseable {
    /** The path prefix of every endpoint, as on api.groq.com, but fine-tunings ({@link #FINE_TUNINGS_PATH}). */
    public static final String API_PREFIX = "/openai/v1";
    /** Where Groq serves fine-tunings: under the root, beside {@link #API_PREFIX}. */
    public static final String FINE_TUNINGS_PATH = "/v1/fine_tunings";
    /** The key a server accepts unless {@link Builder#apiKey(String)} says otherwise. */
    public static final String DEFAULT_API_KEY = "gsk_test_FakeGroqServer0000000000000000000000000000000";

    private static final String ANY = "any";

    private final String apiKey;
    private final int requestedPort;
    private final Clock clock;
    private final Duration maxHold;
    private final Quota quota;
    private final ModelCatalog catalog = new ModelCatalog();
    private final FakeBatches batches;
    private final FakeFineTunings fineTunings;
    private final Map<String, Deque<ScriptedResponse>> scripts = new HashMap<>();
    private final List<RecordedRequest> journal = new CopyOnWriteArrayList<>();
    private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);

    private HttpServer server;
    private ExecutorService executor;

    private FakeGroqServer(Builder b) {
        this.apiKey = b.apiKey;
        this.requestedPort = b.port;
        this.clock = b.clock;
        this.maxHold = b.maxHold;
        this.quota = new Quota(b.clock, b.requestsPerMinute, b.requestsPerDay, b.tokensPerMinute);
        this.batches = new FakeBatches(b.clock, b.batchPace);
        this.fineTunings = new FakeFineTunings(b.clock);
    }

    /**
     * A server with the defaults: ephemeral port, {@link #DEFAULT_API_KEY}, 1,000 RPM, 1,000,000 RPD and 1,000,000 TPM.
     *
     * @return a server, not started yet
     */
    public static FakeGroqServer create() {
        return builder().build();
    }

    /**
     * A builder, to choose the port, API key, quotas, clock or longest hold.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds 127.0.0.1 and starts serving; calling it again does nothing.
     *
     * @return this server
     */
    public synchronized FakeGroqServer start() {
        if (closed.getCount() == 0) throw new IllegalStateException("closed");
        if (server != null) return this;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 512);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind 127.0.0.1:" + requestedPort, e);
        }
        AtomicInteger threads = new AtomicInteger();
        // A cached pool: concurrency tests and held (hanging) responses each need their own thread.
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "FakeGroqServer-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** Stops serving; held and delayed responses are dropped at once. */
    @Override
    public synchronized void close() {
        closed.countDown();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /**
     * The port the server listens on.
     *
     * @return the bound port
     * @throws IllegalStateException if the server is not started
     */
    public synchronized int port() {
        if (server == null) throw new IllegalStateException("not started");
        return server.getAddress().getPort();
    }

    /**
     * The base URL for groqj and the {@code openai} SDKs.
     *
     * @return {@code http://127.0.0.1:PORT/openai/v1}
     */
    public String baseUrl() {
        return rootUrl() + API_PREFIX;
    }

    /**
     * The base URL for Groq's own SDKs, which add {@code /openai/v1} themselves.
     *
     * @return {@code http://127.0.0.1:PORT}
     */
    public String rootUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The clock the quotas refill on (the extension moves a {@link TestClock} on between tests). */
    Clock clock() {
        return clock;
    }

    /**
     * The API key this server accepts as {@code Authorization: Bearer <key>}.
     *
     * @return the accepted key
     */
    public String apiKey() {
        return apiKey;
    }

    @Override
    public synchronized String toString() {
        return server == null ? "FakeGroqServer{not started}" : "FakeGroqServer{" + baseUrl() + "}";
    }

    /**
     * Queues answers for the next calls of {@code endpoint}, in order, before the model answers again.
     *
     * @param endpoint the endpoint whose calls get the answers
     * @param responses the answers, one per call
     */
    public void enqueue(Endpoint endpoint, ScriptedResponse... responses) {
        enqueue("endpoint:" + Objects.requireNonNull(endpoint, "endpoint == null"), responses);
    }

    /**
     * Queues a status sequence for {@code endpoint}: {@code enqueueStatuses(CHAT_COMPLETIONS, 503, 503, 200)}. A 200
     * is the model's own answer, any other status Groq's error body for it ({@link ScriptedResponse#status(int)}).
     *
     * @param endpoint the endpoint whose calls get the statuses
     * @param statuses the statuses, one per call
     */
    public void enqueueStatuses(Endpoint endpoint, int... statuses) {
        for (int status : statuses) {
            enqueue(endpoint, status == 200 ? ScriptedResponse.modelAnswer() : ScriptedResponse.status(status));
        }
    }

    /**
     * Queues answers for the next calls naming {@code model} (in the body, the form, or the path).
     *
     * @param model the model name the calls must carry
     * @param responses the answers, one per call
     */
    public void enqueueForModel(String model, ScriptedResponse... responses) {
        enqueue("model:" + Objects.requireNonNull(model, "model == null"), responses);
    }

    /**
     * Queues answers for the next calls of any endpoint.
     *
     * @param responses the answers, one per call
     */
    public void enqueue(ScriptedResponse... responses) {
        enqueue(ANY, responses);
    }

    private synchronized void enqueue(String key, ScriptedResponse... responses) {
        Deque<ScriptedResponse> queue = scripts.computeIfAbsent(key, k -> new ArrayDeque<>());
        for (ScriptedResponse r : responses) queue.add(Objects.requireNonNull(r, "response == null"));
    }

    /**
     * Every request received since the start or the last {@link #clearJournal()}.
     *
     * @return the requests, oldest first
     */
    public List<RecordedRequest> requests() {
        return List.copyOf(journal);
    }

    /**
     * How many requests arrived since the start or the last {@link #clearJournal()}.
     *
     * @return the number of requests
     */
    public int requestCount() {
        return journal.size();
    }

    /**
     * The oldest request not taken yet, waiting up to 10 seconds for one.
     *
     * @return the request
     * @throws IllegalStateException if none arrives within 10 seconds
     */
    public RecordedRequest takeRequest() {
        RecordedRequest request = takeRequest(Duration.ofSeconds(10));
        if (request == null) throw new IllegalStateException("no request arrived within 10s");
        return request;
    }

    /**
     * The oldest request not taken yet, waiting up to {@code timeout} for one.
     *
     * @param timeout how long to wait
     * @return the request, or null when none arrives within {@code timeout} (or the wait is interrupted)
     */
    public RecordedRequest takeRequest(Duration timeout) {
        try {
            return untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Forgets every request received so far, taken or not. */
    public void clearJournal() {
        journal.clear();
        untaken.clear();
    }

    /**
     * Forgets scripts, requests, files and batches, refills the quotas and restores deleted models: a fresh server,
     * same port.
     */
    public synchronized void reset() {
        scripts.clear();
        clearJournal();
        quota.reset();
        catalog.reset();
        batches.reset();
        fineTunings.reset();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        RecordedRequest request = record(exchange, body);
        journal.add(request);
        untaken.add(request);

        Route route = route(request);
        long seq = sequence.incrementAndGet();
        String requestId = requestId(seq);
        ScriptedResponse script = route == null ? null : nextScript(route, request);
        Reply reply;
        if (script != null && !script.isModelAnswer()) {
            reply = new Reply(script.status(), new LinkedHashMap<>(), script.chunks(), script.chunked());
        } else {
            try {
                reply = serve(route, request, requestId, seq);
            } catch (GroqErrors.Failure f) {
                reply = Reply.json(f.status, f.body());
                if (f.retryAfterSeconds >= 0) reply.headers.put("retry-after", Long.toString(f.retryAfterSeconds));
            } catch (RuntimeException bug) {
                // A bug in the fake should read as a 500 the test can see, not as a dropped connection.
                reply = Reply.json(500, GroqErrors.body("FakeGroqServer failed: " + bug, "internal_server_error",
                        "internal_server_error", null));
            }
        }
        if (script != null) reply.headers.putAll(script.headers());
        write(exchange, reply, script == null ? ScriptedResponse.modelAnswer() : script, requestId);
    }

    private RecordedRequest record(HttpExchange exchange, byte[] body) {
        Headers headers = Headers.of(exchange.getRequestHeaders());
        String boundary = Multipart.boundary(headers.firstOrNull("content-type"));
        List<RecordedRequest.Part> parts = List.of();
        JsonNode json = null;
        if (boundary != null) {
            try {
                parts = Multipart.parse(body, boundary);
            } catch (IllegalArgumentException malformed) {
                parts = List.of(); // the endpoint answers 400 when it finds no fields
            }
        } else if (body.length > 0) {
            try {
                json = Json.MAPPER.readTree(body);
            } catch (IOException malformed) {
                json = null; // the endpoint answers 400
            }
        }
        return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), headers, body, json,
                parts, clock.instant());
    }

    /**
     * Where a request goes: its endpoint, for {@code /models/{model}} the decoded model id, and for a file or batch
     * its decoded id.
     */
    private record Route(Endpoint endpoint, String model, String id) {
        Route(Endpoint endpoint, String model) {
            this(endpoint, model, null);
        }
    }

    private static Route route(RecordedRequest request) {
        String raw = request.rawPath();
        if (raw.equals(FINE_TUNINGS_PATH) || raw.startsWith(FINE_TUNINGS_PATH + "/")) return fineTuningRoute(request);
        if (!raw.startsWith(API_PREFIX + "/")) return null;
        String rest = raw.substring(API_PREFIX.length());
        String method = request.method();
        if (method.equals("POST")) {
            switch (rest) {
                case "/chat/completions": return new Route(Endpoint.CHAT_COMPLETIONS, null);
                case "/responses": return new Route(Endpoint.RESPONSES, null);
                case "/audio/transcriptions": return new Route(Endpoint.AUDIO_TRANSCRIPTIONS, null);
                case "/audio/translations": return new Route(Endpoint.AUDIO_TRANSLATIONS, null);
                case "/audio/speech": return new Route(Endpoint.AUDIO_SPEECH, null);
                case "/files": return new Route(Endpoint.FILES, null);
                case "/batches": return new Route(Endpoint.BATCHES, null);
                case "/embeddings": return new Route(Endpoint.EMBEDDINGS, null);
                case "/reranking": return new Route(Endpoint.RERANKING, null);
                default: break;
            }
        }
        if (method.equals("GET") && rest.equals("/models")) return new Route(Endpoint.MODELS_LIST, null);
        if (method.equals("GET") && rest.equals("/files")) return new Route(Endpoint.FILES, null);
        if (method.equals("GET") && rest.equals("/batches")) return new Route(Endpoint.BATCHES, null);
        String[] segments = rest.substring(1).split("/", -1); // ids arrive as one encoded segment
        if (segments.length >= 2 && !segments[1].isEmpty()) {
            String id = URLDecoder.decode(segments[1].replace("+", "%2B"), StandardCharsets.UTF_8);
            String tail = String.join("/", Arrays.asList(segments).subList(2, segments.length));
            if (segments[0].equals("files")) {
                if (tail.isEmpty() && (method.equals("GET") || method.equals("DELETE"))) {
                    return new Route(Endpoint.FILE, null, id);
                }
                if (tail.equals("content") && method.equals("GET")) return new Route(Endpoint.FILE_CONTENT, null, id);
            }
            if (segments[0].equals("batches")) {
                if (tail.isEmpty() && method.equals("GET")) return new Route(Endpoint.BATCH, null, id);
                if (tail.equals("cancel") && method.equals("POST")) return new Route(Endpoint.BATCH_CANCEL, null, id);
            }
        }
        if ((method.equals("GET") || method.equals("DELETE")) && rest.startsWith("/models/") && rest.length() > 8) {
            // Decoded from the raw path: the JDK's getPath() would already have turned %2F into a separator.
            // An unencoded id (openai/gpt-oss-120b as two segments) is accepted too.
            String id = URLDecoder.decode(rest.substring(8).replace("+", "%2B"), StandardCharsets.UTF_8);
            return new Route(Endpoint.MODEL, id);
        }
        return null;
    }

    private static Route fineTuningRoute(RecordedRequest request) {
        String rest = request.rawPath().substring(FINE_TUNINGS_PATH.length());
        String method = request.method();
        if (rest.isEmpty()) {
            return method.equals("GET") || method.equals("POST") ? new Route(Endpoint.FINE_TUNINGS, null) : null;
        }
        String id = URLDecoder.decode(rest.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        boolean oneSegment = !id.isEmpty() && rest.indexOf('/', 1) < 0;
        return oneSegment && (method.equals("GET") || method.equals("DELETE"))
                ? new Route(Endpoint.FINE_TUNING, null, id) : null;
    }

    private synchronized ScriptedResponse nextScript(Route route, RecordedRequest request) {
        String model = route.model() != null ? route.model()
                : request.tree() != null ? request.tree().path("model").asText(null)
                : request.part("model").map(RecordedRequest.Part::text).orElse(null);
        for (String key : new String[] {model == null ? null : "model:" + model, "endpoint:" + route.endpoint(), ANY}) {
            Deque<ScriptedResponse> queue = key == null ? null : scripts.get(key);
            if (queue != null && !queue.isEmpty()) return queue.poll();
        }
        return null;
    }

    private Reply serve(Route route, RecordedRequest request, String requestId, long seq) {
        if (route == null) {
            throw new GroqErrors.Failure(404, "invalid_request_error", "unknown_url", null, "Unknown request URL: "
                    + request.method() + " " + request.path() + ". Please check the URL for typos, or see the docs"
                    + " at https://console.groq.com/docs/");
        }
        if (!("Bearer " + apiKey).equals(request.header("authorization"))) {
            throw new GroqErrors.Failure(401, "invalid_request_error", "invalid_api_key", null, "Invalid API Key");
        }
        switch (route.endpoint()) {
            case CHAT_COMPLETIONS: return chat(request, requestId, seq);
            case RESPONSES: return responses(request, requestId, seq);
            case MODELS_LIST: {
                admit(null, 0);
                ObjectNode list = Json.MAPPER.createObjectNode().put("object", "list");
                ArrayNode data = list.putArray("data");
                catalog.all().forEach(m -> data.add(m.toJson()));
                return Reply.json(200, list.toString());
            }
            case MODEL: {
                ModelCatalog.Entry model = catalog.require(route.model());
                admit(null, 0);
                if (request.method().equals("DELETE")) {
                    catalog.remove(model.id());
                    return Reply.json(200, Json.MAPPER.createObjectNode().put("id", model.id())
                            .put("object", "model").put("deleted", true).toString());
                }
                return Reply.json(200, model.toJson().toString());
            }
            case AUDIO_TRANSCRIPTIONS:
            case AUDIO_TRANSLATIONS: {
                if (request.parts().isEmpty()) {
                    throw GroqErrors.Failure.invalid(null, "request must be multipart/form-data with a file and a"
                            + " model");
                }
                FakeAudio.Result result = FakeAudio.transcribe(request.parts(), catalog, requestId,
                        route.endpoint() == Endpoint.AUDIO_TRANSLATIONS);
                admit(request.part("model").map(RecordedRequest.Part::text).orElse(null), 0);
                return new Reply(200, header("content-type", result.contentType()),
                        List.of(result.body().getBytes(StandardCharsets.UTF_8)), false);
            }
            case AUDIO_SPEECH: {
                byte[] wav = FakeAudio.speech(requireJson(request), catalog);
                admit(request.tree().path("model").asText(), 0);
                return new Reply(200, header("content-type", "audio/wav"), List.of(wav), false);
            }
            case EMBEDDINGS:
            case RERANKING: {
                JsonNode json = requireJson(request);
                FakeEmbeddings.Result result = route.endpoint() == Endpoint.EMBEDDINGS
                        ? FakeEmbeddings.embed(json, catalog) : FakeEmbeddings.rerank(json, catalog);
                admit(json.path("model").asText(), result.promptTokens());
                quota.charge(result.promptTokens());
                return Reply.json(200, result.body().toString());
            }
            case FINE_TUNINGS:
            case FINE_TUNING: {
                admit(null, 0);
                ObjectNode answer = route.endpoint() == Endpoint.FINE_TUNINGS
                        ? request.method().equals("GET") ? fineTunings.list()
                                : fineTunings.create(requireJson(request), catalog, batches::hasFile)
                        : request.method().equals("GET") ? fineTunings.retrieve(route.id())
                                : fineTunings.delete(route.id());
                return Reply.json(200, answer.toString());
            }
            default: return filesAndBatches(route, request);
        }
    }

    private Reply filesAndBatches(Route route, RecordedRequest request) {
        admit(null, 0);
        switch (route.endpoint()) {
            case FILES:
                if (request.method().equals("GET")) return Reply.json(200, batches.listFiles(request.query()).toString());
                if (request.parts().isEmpty()) {
                    throw GroqErrors.Failure.invalid("file", "request must be multipart/form-data with a file and"
                            + " a purpose");
                }
                return Reply.json(200, batches.upload(request.parts()).toString());
            case FILE:
                return Reply.json(200, (request.method().equals("DELETE") ? batches.deleteFile(route.id())
                        : batches.file(route.id())).toString());
            case FILE_CONTENT:
                return new Reply(200, header("content-type", "application/octet-stream"),
                        List.of(batches.content(route.id())), false);
            case BATCHES:
                return Reply.json(200, (request.method().equals("GET") ? batches.listBatches(request.query())
                        : batches.create(requireJson(request))).toString());
            case BATCH:
                return Reply.json(200, batches.retrieve(route.id(), this::batchRequest).toString());
            case BATCH_CANCEL:
                return Reply.json(200, batches.cancel(route.id()).toString());
            default: throw new IllegalStateException("unrouted " + route);
        }
    }

    /**
     * One line of a batch, answered as the chat or audio endpoint would (without taking from the per-minute quotas:
     * Groq runs batches outside them): {@code {"status_code","request_id","body"}}.
     */
    private ObjectNode batchRequest(String url, JsonNode body) {
        long seq = sequence.incrementAndGet();
        String requestId = requestId(seq);
        ObjectNode response = Json.MAPPER.createObjectNode();
        try {
            if (url.startsWith("/v1/audio/")) {
                FakeAudio.Result result = FakeAudio.transcribe(audioParts(body), catalog, requestId,
                        url.endsWith("/translations"));
                JsonNode answer = result.contentType().startsWith("application/json") ? Json.tree(result.body())
                        : Json.MAPPER.createObjectNode().put("text", result.body());
                return response.put("status_code", 200).put("request_id", requestId).set("body", answer);
            }
            FakeChatModel.validate(body);
            if (body.path("stream").asBoolean(false)) {
                throw GroqErrors.Failure.invalid("stream", "stream is not supported in batch requests");
            }
            String model = body.get("model").asText();
            FakeChatModel.Answer answer = FakeChatModel.answer(body, catalog.require(model));
            response.put("status_code", 200).put("request_id", requestId)
                    .set("body", FakeChatModel.completion(answer, model, ids(body, seq, requestId)));
        } catch (GroqErrors.Failure f) {
            response.put("status_code", f.status).put("request_id", requestId).set("body", Json.tree(f.body()));
        }
        return response;
    }

    /**
     * A batch audio line's JSON as the form the synchronous endpoint reads: arrays as repeated {@code name[]}
     * fields, and a {@code data:} url as the uploaded file it encodes (so a fake speech WAV transcribes to its text).
     */
    private static List<RecordedRequest.Part> audioParts(JsonNode body) {
        List<RecordedRequest.Part> parts = new ArrayList<>();
        body.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String text = value.asText();
            if (field.getKey().equals("url") && text.startsWith("data:") && text.contains(";base64,")) {
                byte[] audio = java.util.Base64.getDecoder().decode(text.substring(text.indexOf(',') + 1));
                parts.add(new RecordedRequest.Part("file", "audio.wav", "audio/wav", audio));
            } else if (value.isArray()) {
                value.forEach(v -> parts.add(new RecordedRequest.Part(field.getKey() + "[]", null, null,
                        v.asText().getBytes(StandardCharsets.UTF_8))));
            } else {
                parts.add(new RecordedRequest.Part(field.getKey(), null, null, text.getBytes(StandardCharsets.UTF_8)));
            }
        });
        return parts;
    }

    private Reply chat(RecordedRequest request, String requestId, long seq) {
        JsonNode json = requireJson(request);
        FakeChatModel.validate(json);
        String model = json.get("model").asText();
        FakeChatModel.Answer answer = FakeChatModel.answer(json, catalog.require(model));
        refuseLargerThanTheTokenQuota(model, answer.promptTokens()
                + json.path("max_completion_tokens").asLong(json.path("max_tokens").asLong(0)));
        admit(model, answer.promptTokens());
        quota.charge(answer.promptTokens() + answer.completionTokens());
        FakeChatModel.Ids ids = ids(json, seq, requestId);
        if (!json.path("stream").asBoolean(false)) {
            return Reply.json(200, FakeChatModel.completion(answer, model, ids).toString());
        }
        List<byte[]> events = new ArrayList<>();
        for (ObjectNode chunk : FakeChatModel.chunks(answer, model, ids)) {
            events.add(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
        events.add("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        return Reply.sse(events);
    }

    /** The Responses API: {@link FakeResponses} answers; a stream names each event, as Groq does. */
    private Reply responses(RecordedRequest request, String requestId, long seq) {
        JsonNode json = requireJson(request);
        FakeResponses.validate(json);
        String model = json.get("model").asText();
        FakeResponses.Ids ids = new FakeResponses.Ids(requestId, seq, clock.instant().getEpochSecond());
        FakeResponses.Answer answer = FakeResponses.answer(json, catalog.require(model), ids);
        admit(model, answer.inputTokens());
        quota.charge(answer.inputTokens() + answer.outputTokens());
        if (!json.path("stream").asBoolean(false)) {
            return Reply.json(200, FakeResponses.response(json, model, answer, ids).toString());
        }
        List<byte[]> events = new ArrayList<>();
        for (ObjectNode event : FakeResponses.events(json, model, answer, ids)) {
            events.add(("event: " + event.get("type").asText() + "\ndata: " + event + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return Reply.sse(events);
    }

    private FakeChatModel.Ids ids(JsonNode json, long seq, String requestId) {
        long seed = json.hasNonNull("seed") ? json.get("seed").asLong() : mix(seq) & 0x7fffffffL;
        UUID uuid = new UUID(mix(seq * 31 + 1), mix(seq * 31 + 2));
        return new FakeChatModel.Ids(requestId, "chatcmpl-" + uuid, clock.instant().getEpochSecond(), seed);
    }

    private static JsonNode requireJson(RecordedRequest request) {
        if (request.tree() == null) {
            throw GroqErrors.Failure.invalid(null, "We could not parse the JSON body of your request: expected a"
                    + " JSON object.");
        }
        return request.tree();
    }

    /** Groq's 413 for a request (prompt and completion allowance) that no minute's tokens could hold, in its words. */
    private void refuseLargerThanTheTokenQuota(String model, long requested) {
        long limit = quota.tokensPerMinute();
        if (requested <= limit) return;
        throw new GroqErrors.Failure(413, "tokens", "rate_limit_exceeded", null, "Request too large for model `" + model
                + "` in organization `org_fakegroq` service tier `on_demand` on tokens per minute (TPM): Limit " + limit
                + ", Requested " + requested + ", please reduce your message size and try again. Visit"
                + " https://console.groq.com/docs/rate-limits for more information.");
    }

    /** Takes one request (and room for {@code promptTokens}) from the quotas, or fails with Groq's 429. */
    private void admit(String model, long promptTokens) {
        Quota.Decision d = quota.acquire(promptTokens);
        if (d.allowed()) return;
        throw new GroqErrors.Failure(429, d.type(), "rate_limit_exceeded", null, "Rate limit reached for model `"
                + (model == null ? "all" : model) + "` in organization `org_fakegroq` service tier `on_demand` on "
                + d.limitName() + ": Limit " + d.limit()
                + ", Used " + d.used() + ", Requested " + d.requested() + ". Please try again in "
                + GoDuration.format(d.retryAfter()) + ".",
                Math.max(1, (d.retryAfter().toMillis() + 999) / 1000));
    }

    private void write(HttpExchange exchange, Reply reply, ScriptedResponse faults, String requestId)
            throws IOException {
        if (faults.hang()) {
            pause(maxHold);
            throw new Disconnect();
        }
        if (!pause(faults.headersDelay())) throw new Disconnect();
        com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
        out.set("x-request-id", requestId);
        String[] limits = quota.headers();
        for (int i = 0; i < limits.length; i += 2) out.set(limits[i], limits[i + 1]);
        reply.headers.forEach(out::set);

        long total = reply.chunks.stream().mapToLong(c -> c.length).sum();
        exchange.sendResponseHeaders(reply.status, reply.chunked ? 0 : total == 0 ? -1 : total);
        OutputStream body = exchange.getResponseBody();
        long limit = faults.disconnectAfterBytes();
        long sent = 0;
        for (int i = 0; i < reply.chunks.size(); i++) {
            byte[] chunk = reply.chunks.get(i);
            if (i > 0 && !faults.chunkDelay().isZero() && !pause(faults.chunkDelay())) throw new Disconnect();
            if (limit >= 0 && sent + chunk.length > limit) {
                body.write(chunk, 0, (int) (limit - sent));
                body.flush();
                throw new Disconnect();
            }
            body.write(chunk);
            body.flush(); // each SSE event reaches the client as it is written
            sent += chunk.length;
        }
        exchange.close();
    }

    /** Waits {@code delay}, or less if the server closes; returns false when it closed. */
    private boolean pause(Duration delay) {
        if (delay.isZero()) return closed.getCount() > 0;
        try {
            return !closed.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Thrown out of the handler to drop the connection: the JDK's server closes the socket without ending the
     * body, so the client sees a truncated response rather than a complete one.
     */
    private static final class Disconnect extends IOException {
        Disconnect() {
            super("FakeGroqServer dropped the connection on purpose", null);
        }
    }

    private static String requestId(long seq) {
        return ulid("req_", seq);
    }

    /** Groq's ids are a prefix ("req_", "file_", "batch_") and 26 lower-case Crockford base32 characters, "01" first. */
    static String ulid(String prefix, long seq) {
        String alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        StringBuilder sb = new StringBuilder(prefix).append("01");
        long a = mix(seq);
        long b = mix(~seq);
        for (int i = 0; i < 24; i++) {
            long source = i < 12 ? a >>> (i * 5) : b >>> ((i - 12) * 5);
            sb.append(alphabet.charAt((int) (source & 31)));
        }
        return sb.toString();
    }

    /** SplitMix64: deterministic, well-spread ids and seeds from a counter. */
    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Map<String, String> header(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(name, value);
        return headers;
    }

    /** A response before faults are applied. */
    private static final class Reply {
        final int status;
        final Map<String, String> headers;
        final List<byte[]> chunks;
        final boolean chunked;

        Reply(int status, Map<String, String> headers, List<byte[]> chunks, boolean chunked) {
            this.status = status;
            this.headers = headers;
            this.chunks = chunks;
            this.chunked = chunked;
        }

        static Reply sse(List<byte[]> events) {
            Map<String, String> headers = header("content-type", "text/event-stream");
            headers.put("cache-control", "no-cache");
            return new Reply(200, headers, events, true);
        }

        static Reply json(int status, String json) {
            return new Reply(status, header("content-type", "application/json"),
                    List.of(json.getBytes(StandardCharsets.UTF_8)), false);
        }
    }

    /** Configures a {@link FakeGroqServer}; made by {@link FakeGroqServer#builder()}. */
    public static final class Builder {
        private String apiKey = DEFAULT_API_KEY;
        private int port;
        private Clock clock = Clock.systemUTC();
        private long requestsPerMinute = 1_000;
        private long requestsPerDay = 1_000_000;
        private long tokensPerMinute = 1_000_000;
        private Duration maxHold = Duration.ofSeconds(30);
        private Duration batchPace;

        private Builder() {
        }

        /**
         * The API key the server accepts; {@link #DEFAULT_API_KEY} by default.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
            return this;
        }

        /**
         * The port to bind; 0 (the default) picks a free one.
         *
         * @param port a port from 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
            this.port = port;
            return this;
        }

        /**
         * The clock the quotas refill on and {@code created} is read from; tests pass a settable one.
         *
         * @param clock the clock; the system UTC clock by default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /**
         * The requests-per-minute quota, beyond which calls get a 429; 1,000 by default.
         *
         * @param requestsPerMinute the quota, at least 1
         * @return this builder
         */
        public Builder requestsPerMinute(long requestsPerMinute) {
            if (requestsPerMinute < 1) throw new IllegalArgumentException("requestsPerMinute < 1");
            this.requestsPerMinute = requestsPerMinute;
            return this;
        }

        /**
         * The requests-per-day quota, beyond which calls get a 429; 1,000,000 by default. As with Groq, the
         * {@code x-ratelimit-*-requests} headers count this one (the per-minute quota is not in the headers).
         *
         * @param requestsPerDay the quota, at least 1
         * @return this builder
         */
        public Builder requestsPerDay(long requestsPerDay) {
            if (requestsPerDay < 1) throw new IllegalArgumentException("requestsPerDay < 1");
            this.requestsPerDay = requestsPerDay;
            return this;
        }

        /**
         * The tokens-per-minute quota, beyond which calls get a 429; 1,000,000 by default.
         *
         * @param tokensPerMinute the quota, at least 1
         * @return this builder
         */
        public Builder tokensPerMinute(long tokensPerMinute) {
            if (tokensPerMinute < 1) throw new IllegalArgumentException("tokensPerMinute < 1");
            this.tokensPerMinute = tokensPerMinute;
            return this;
        }

        /**
         * How long a {@link ScriptedResponse.Builder#hang() hanging} response holds at most; 30 s by default.
         *
         * @param maxHold the longest hold, not negative
         * @return this builder
         */
        public Builder maxHold(Duration maxHold) {
            Objects.requireNonNull(maxHold, "maxHold == null");
            if (maxHold.isNegative()) throw new IllegalArgumentException("maxHold < 0");
            this.maxHold = maxHold;
            return this;
        }

        /**
         * Runs batches on the clock: each step of a batch's life (validating, each of its requests, finalizing,
         * cancelling) takes {@code pace} of the {@linkplain #clock(Clock) clock}, so a test that moves its clock sees
         * {@code request_counts} grow. Unpaced (the default), a batch moves one status per retrieve.
         *
         * @param pace how long one step takes, positive
         * @return this builder
         */
        public Builder batchPace(Duration pace) {
            Objects.requireNonNull(pace, "pace == null");
            if (pace.isNegative() || pace.isZero()) throw new IllegalArgumentException("pace <= 0");
            this.batchPace = pace;
            return this;
        }

        /** @return a server with these settings, not started yet */
        public FakeGroqServer build() {
            return new FakeGroqServer(this);
        }
    }
}
