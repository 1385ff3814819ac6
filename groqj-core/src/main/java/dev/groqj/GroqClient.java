package dev.groqj;

import dev.groqj.audio.AudioService;
import dev.groqj.auth.ApiKeyAuth;
import dev.groqj.batches.BatchesService;
import dev.groqj.auth.AuthProvider;
import dev.groqj.chat.ChatService;
import dev.groqj.responses.ResponsesService;
import dev.groqj.embeddings.EmbeddingsService;
import dev.groqj.error.GroqException;
import dev.groqj.error.ValidationException;
import dev.groqj.files.FilesService;
import dev.groqj.finetunings.FineTuningsService;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Services;
import dev.groqj.internal.UserAgent;
import dev.groqj.models.ModelsService;
import dev.groqj.observability.GroqListener;
import dev.groqj.reranking.RerankingService;
import dev.groqj.resilience.CircuitBreakerConfig;
import dev.groqj.resilience.DelayScheduler;
import dev.groqj.resilience.RateLimitConfig;
import dev.groqj.internal.resilience.RateLimitManager;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.resilience.RateLimitStore;
import dev.groqj.internal.resilience.ResilienceOrchestrator;
import dev.groqj.resilience.RetryConfig;
import dev.groqj.resilience.Sleeper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import dev.groqj.transport.HttpTransport;
import dev.groqj.transport.JdkHttpTransport;

import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The Groq client: one per application, thread-safe, cheap to share.
 *
 * <pre>{@code
 * GroqClient client = GroqClient.builder().apiKey("gsk_...").build();   // or GroqClient.fromEnv()
 * ChatCompletion c = client.chat().create(ChatRequest.builder()
 *         .model("llama-3.3-70b-versatile")
 *         .addMessage(Message.user("Hello"))
 *         .build());
 * }</pre>
 */
public final class GroqClient implements AutoCloseable {
    /** A probe should answer fast or count as down, whatever the client's timeout for real work. */
    public static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final GroqConfig config;
    private final HttpTransport transport;
    /** Whether {@link #transport} is this client's to close (not one the user passed in). */
    private final boolean ownsTransport;
    private final ApiClient api;
    // created on first use: a client that only chats never loads the other services or their operations
    private final Services.Lazy<ChatService> chat;
    private final Services.Lazy<AudioService> audio;
    private final Services.Lazy<ModelsService> models;
    private final Services.Lazy<FilesService> files;
    private final Services.Lazy<BatchesService> batches;
    private final Services.Lazy<ResponsesService> responses;
    private final Services.Lazy<EmbeddingsService> embeddings;
    private final Services.Lazy<RerankingService> reranking;
    private final Services.Lazy<FineTuningsService> fineTunings;
    private final Services.Lazy<RawService> raw;
    private final Services.Lazy<AsyncGroqClient> async;

    private GroqClient(Builder b) {
        this.config = b.config.build(b.auth == null);
        AuthProvider auth = b.auth != null ? b.auth : new ApiKeyAuth(config.apiKey());
        this.ownsTransport = b.transport == null;
        if (!ownsTransport && b.hasNetworkSettings()) {
            throw new ValidationException("transport", "proxy, proxyAuthentication, sslContext and sslParameters"
                    + " configure the default transport; set them on the HttpClient of your own transport");
        }
        if (b.proxyCredentials != null && b.proxy == null) {
            throw new ValidationException("proxyAuthentication", "is for a proxy, and no proxy is set");
        }
        this.transport = ownsTransport
                ? JdkHttpTransport.create(config.connectTimeout(), b::applyNetworkSettings, b.proxyCredentials)
                : b.transport;
        ResilienceOrchestrator.Builder resilience = ResilienceOrchestrator.builder()
                .retryConfig(config.retryConfig())
                .rateLimitManager(new RateLimitManager(b.clock, config.retryConfig().maxRetryAfter(),
                        config.proactiveThrottling(), b.rateLimitStore))
                .rateLimitConfig(config.rateLimitConfig())
                .rateLimitStore(b.rateLimitStore)
                .sleeper(b.sleeper)
                .delayScheduler(b.delayScheduler)
                .clock(b.clock)
                .listener(b.listeners.isEmpty() ? GroqListener.NOOP : GroqListener.composite(b.listeners));
        if (b.circuitBreaker != null) resilience.circuitBreaker(b.circuitBreaker);
        else resilience.circuitBreakerConfig(config.circuitBreakerConfig());
        this.api = new ApiClient(config, transport, auth, resilience.build(), b.logBodies);
        this.chat = Services.lazy(ChatService.class, api);
        this.audio = Services.lazy(AudioService.class, api);
        this.models = Services.lazy(ModelsService.class, api);
        this.files = Services.lazy(FilesService.class, api);
        this.batches = Services.lazy(BatchesService.class, api);
        this.responses = Services.lazy(ResponsesService.class, api);
        this.embeddings = Services.lazy(EmbeddingsService.class, api);
        this.reranking = Services.lazy(RerankingService.class, api);
        this.fineTunings = Services.lazy(FineTuningsService.class, api);
        this.raw = Services.lazy(RawService.class, api);
        this.async = Services.lazy(AsyncGroqClient.class, api);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A client from {@code GROQ_API_KEY} and, when set, {@code GROQ_BASE_URL}. */
    public static GroqClient fromEnv() {
        return builder().fromEnvironment().build();
    }

    /** groqj's version, as in the {@code User-Agent} it sends (such as {@code "1.0.0"}); {@code "dev"} when unknown. */
    public static String version() {
        return UserAgent.version();
    }

    public ChatService chat() {
        return chat.get();
    }

    /** Speech to text (transcribe, translate) and text to speech. */
    public AudioService audio() {
        return audio.get();
    }

    public ModelsService models() {
        return models.get();
    }

    /** Uploaded files: batch inputs and results. */
    public FilesService files() {
        return files.get();
    }

    /** Batches of requests run asynchronously over an uploaded file. */
    public BatchesService batches() {
        return batches.get();
    }

    /** The Responses API (beta): reasoning, function calls, built-in tools and remote MCP in one call. */
    public ResponsesService responses() {
        return responses.get();
    }

    /** Embedding vectors of texts. */
    public EmbeddingsService embeddings() {
        return embeddings.get();
    }

    /** Documents ordered by relevance to a query. */
    public RerankingService reranking() {
        return reranking.get();
    }

    /** Fine-tunings (closed beta), at {@code /v1/fine_tunings} beside the base URL's {@code /openai/v1}. */
    public FineTuningsService fineTunings() {
        return fineTunings.get();
    }

    /** Any endpoint by its path, answered as {@link JsonValue}: for what groqj does not type yet. */
    public RawService raw() {
        return raw.get();
    }

    /** The same calls without blocking: {@code CompletableFuture} results and {@code Flow.Publisher} streams. */
    public AsyncGroqClient async() {
        return async.get();
    }

    public GroqConfig config() {
        return config;
    }

    /** {@link #healthCheck(Duration)} with {@link #HEALTH_CHECK_TIMEOUT}. */
    public HealthStatus healthCheck() {
        return healthCheck(HEALTH_CHECK_TIMEOUT);
    }

    /**
     * Lists the models in one attempt (no retry: a probe reports, it does not insist) that waits at most
     * {@code timeout} for the answer, and reports how long that took; never throws for an API or network failure.
     */
    public HealthStatus healthCheck(Duration timeout) {
        RequestOptions once = RequestOptions.builder().maxRetries(0).timeout(timeout).build();
        long start = System.nanoTime();
        try {
            models().list(once);
            return new HealthStatus(true, elapsedMs(start), null);
        } catch (GroqException e) {
            return new HealthStatus(false, elapsedMs(start), e.getMessage());
        }
    }

    /** Groq's rate-limit state as of the last response, of any model. */
    public RateLimitStatus rateLimitStatus() {
        return api.rateLimitStatus();
    }

    /**
     * Groq's rate-limit state for {@code model} as of its last response (Groq's limits are per model), or
     * {@link RateLimitStatus#UNKNOWN}; with a shared {@link RateLimitStore}, the newest any client sharing it saw.
     */
    public RateLimitStatus rateLimitStatus(String model) {
        return api.rateLimitStatus(Objects.requireNonNull(model, "model == null"));
    }

    /** The rate-limit state of every model this client had an answer for, by model name. */
    public Map<String, RateLimitStatus> rateLimitStatusByModel() {
        return api.rateLimitStatusByModel();
    }

    /**
     * Refuses every later call (a {@link GroqException}, nothing sent) and releases the threads and connections
     * of the transport this client made; a transport passed to {@link Builder#transport} is yours to close.
     */
    @Override
    public void close() {
        api.close();
        if (ownsTransport) transport.close();
    }

    private static long elapsedMs(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    @Override
    public String toString() {
        return "GroqClient{" + config + '}';
    }

    public static final class Builder {
        private final GroqConfig.Builder config = GroqConfig.builder();
        private HttpTransport transport;
        private AuthProvider auth;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DelayScheduler delayScheduler = DelayScheduler.SYSTEM;
        private CircuitBreaker circuitBreaker;
        private RateLimitStore rateLimitStore = RateLimitStore.local();
        private final List<GroqListener> listeners = new ArrayList<>();
        private boolean logBodies;
        private ProxySelector proxy;
        private PasswordAuthentication proxyCredentials;
        private SSLContext sslContext;
        private SSLParameters sslParameters;

        private Builder() {
        }

        public Builder apiKey(String apiKey) { config.apiKey(apiKey); return this; }
        /** Reads {@code GROQ_API_KEY}. */
        public Builder apiKeyFromEnv() { config.apiKeyFromEnv(); return this; }
        /** Reads {@code GROQ_API_KEY} and, when set, {@code GROQ_BASE_URL}. */
        public Builder fromEnvironment() { config.fromEnvironment(System::getenv); return this; }
        public Builder baseUrl(String baseUrl) { config.baseUrl(baseUrl); return this; }
        public Builder timeout(Duration timeout) { config.timeout(timeout); return this; }
        public Builder connectTimeout(Duration connectTimeout) { config.connectTimeout(connectTimeout); return this; }
        /** The longest silence while a body, whole or streamed, is read (default 60 s). */
        public Builder readTimeout(Duration readTimeout) { config.readTimeout(readTimeout); return this; }
        /** The most bytes read of a whole successful answer (default 64 MiB); past it the call fails. */
        public Builder maxResponseBytes(long maxResponseBytes) { config.maxResponseBytes(maxResponseBytes); return this; }
        public Builder maxRetries(int maxRetries) { config.maxRetries(maxRetries); return this; }
        public Builder defaultHeader(String name, String value) { config.defaultHeader(name, value); return this; }
        /** Backoff, caps and an overall deadline for retries. */
        public Builder retryConfig(RetryConfig retryConfig) { config.retryConfig(retryConfig); return this; }
        public Builder circuitBreakerConfig(CircuitBreakerConfig c) { config.circuitBreakerConfig(c); return this; }
        /** A client-side budget (requests and tokens per minute), e.g. to share a key's quota fairly. */
        public Builder rateLimitConfig(RateLimitConfig rateLimitConfig) { config.rateLimitConfig(rateLimitConfig); return this; }
        /** Whether Groq's rate-limit headers hold calls back before sending (default true); off, only retry-after does. */
        public Builder proactiveThrottling(boolean proactive) { config.proactiveThrottling(proactive); return this; }

        /**
         * Where the budget's buckets live and what is learned from Groq is shared; default {@link RateLimitStore#local()}.
         * groqj-redis's store shares one budget across JVMs.
         */
        public Builder rateLimitStore(RateLimitStore rateLimitStore) {
            this.rateLimitStore = Objects.requireNonNull(rateLimitStore, "rateLimitStore == null");
            return this;
        }

        /** Use your own Resilience4j breaker (from a Spring registry, say) instead of {@code circuitBreakerConfig}. */
        public Builder circuitBreaker(CircuitBreaker circuitBreaker) {
            this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker == null");
            return this;
        }

        /** Adds a listener of calls, retries, waits and circuit changes; several compose in order. */
        public Builder addListener(GroqListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener == null"));
            return this;
        }

        /**
         * Whether debug logging ({@code dev.groqj.http} at DEBUG) shows request and response bodies; off by
         * default, since they hold prompts and completions. The Authorization header is always redacted.
         */
        public Builder logBodies(boolean logBodies) {
            this.logBodies = logBodies;
            return this;
        }

        /** How blocking calls wait (backoffs, rate limits); tests pass a recording fake. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
            return this;
        }

        /** How async calls schedule their waits; tests pass a recording fake. */
        public Builder delayScheduler(DelayScheduler delayScheduler) {
            this.delayScheduler = Objects.requireNonNull(delayScheduler, "delayScheduler == null");
            return this;
        }

        /**
         * A custom transport; the default is {@link JdkHttpTransport}. Not together with {@link #proxy},
         * {@link #proxyAuthentication}, {@link #sslContext} or {@link #sslParameters}.
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport == null");
            return this;
        }

        /** Custom credentials, used instead of an API key (none is then needed); the default is {@link ApiKeyAuth}. */
        public Builder authProvider(AuthProvider auth) {
            this.auth = Objects.requireNonNull(auth, "auth == null");
            return this;
        }

        /**
         * Sends every request through the proxy {@code proxySelector} picks, as {@code ProxySelector.of(new
         * InetSocketAddress("proxy.corp", 3128))}; https goes through a CONNECT tunnel. The default is a direct
         * connection, whatever the JVM's proxy settings ({@code ProxySelector.getDefault()} follows them).
         */
        public Builder proxy(ProxySelector proxySelector) {
            this.proxy = Objects.requireNonNull(proxySelector, "proxySelector == null");
            return this;
        }

        /**
         * Basic credentials for the {@link #proxy}, sent with each request ({@code Proxy-Authorization}); the JDK
         * gives them to proxies only, never to Groq. For https, the JDK drops Basic from the tunnel's CONNECT
         * unless the JVM starts with {@code -Djdk.http.auth.tunneling.disabledSchemes=""}.
         */
        public Builder proxyAuthentication(String username, String password) {
            Objects.requireNonNull(username, "username == null");
            Objects.requireNonNull(password, "password == null");
            this.proxyCredentials = new PasswordAuthentication(username, password.toCharArray());
            return this;
        }

        /** The TLS context for https, to trust a corporate CA or present a client certificate. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext == null");
            return this;
        }

        /** TLS parameters (protocols, cipher suites) for https. */
        public Builder sslParameters(SSLParameters sslParameters) {
            this.sslParameters = Objects.requireNonNull(sslParameters, "sslParameters == null");
            return this;
        }

        private boolean hasNetworkSettings() {
            return proxy != null || proxyCredentials != null || sslContext != null || sslParameters != null;
        }

        private void applyNetworkSettings(HttpClient.Builder http) {
            if (proxy != null) http.proxy(proxy);
            if (sslContext != null) http.sslContext(sslContext);
            if (sslParameters != null) http.sslParameters(sslParameters);
        }

        /** The clock for rate-limit resets and retry-after dates; tests pass a fixed one. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** Validates the configuration (errors name the parameter) and builds the client. */
        public GroqClient build() {
            return new GroqClient(this);
        }
    }
}
