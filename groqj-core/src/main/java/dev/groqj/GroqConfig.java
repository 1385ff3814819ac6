package dev.groqj;

import dev.groqj.auth.ApiKey;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.check.Checks;
import dev.groqj.transport.HttpTransport;
import dev.groqj.internal.http.HeaderRules;
import dev.groqj.resilience.CircuitBreakerConfig;
import dev.groqj.resilience.RateLimitConfig;
import dev.groqj.resilience.RetryConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything a {@link GroqClient} is configured with (seed section 2). Immutable; build one with
 * {@link #builder()}, or let {@link GroqClient#builder()} do it.
 *
 * <pre>{@code
 * GroqConfig config = GroqConfig.builder().apiKey("gsk_...").timeout(Duration.ofSeconds(30)).build();
 * }</pre>
 */
public final class GroqConfig {
    public static final String DEFAULT_BASE_URL = "https://api.groq.com/openai/v1";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private final ApiKey apiKey;
    private final String baseUrl;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long maxResponseBytes;
    private final RetryConfig retryConfig;
    private final CircuitBreakerConfig circuitBreakerConfig;
    private final RateLimitConfig rateLimitConfig;
    private final boolean proactiveThrottling;
    private final Map<String, String> defaultHeaders;

    private GroqConfig(Builder b) {
        this.apiKey = b.apiKey;
        this.baseUrl = stripTrailingSlash(b.baseUrl);
        this.timeout = b.timeout;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.retryConfig = b.maxRetries == null ? b.retryConfig
                : b.retryConfig.toBuilder().maxRetries(b.maxRetries).build();
        this.circuitBreakerConfig = b.circuitBreakerConfig;
        this.rateLimitConfig = b.rateLimitConfig;
        this.proactiveThrottling = b.proactiveThrottling;
        this.defaultHeaders = Collections.unmodifiableMap(new TreeMap<>(b.defaultHeaders));
    }

    public static Builder builder() {
        return new Builder();
    }

    public ApiKey apiKey() { return apiKey; }
    /** Without a trailing slash, e.g. {@code https://api.groq.com/openai/v1}. */
    public String baseUrl() { return baseUrl; }
    /** How long one attempt may wait for the response headers. */
    public Duration timeout() { return timeout; }
    public Duration connectTimeout() { return connectTimeout; }
    /** The longest silence while a body, whole or streamed, is read. */
    public Duration readTimeout() { return readTimeout; }
    /** The most bytes read of a whole (not streamed) successful answer. */
    public long maxResponseBytes() { return maxResponseBytes; }
    /** Retries after the first attempt: {@code retryConfig().maxRetries()}. */
    public int maxRetries() { return retryConfig.maxRetries(); }
    /** Backoff, caps and deadline of retries (seed: retry_config). */
    public RetryConfig retryConfig() { return retryConfig; }
    /** When the circuit opens (seed: circuit_breaker_config). */
    public CircuitBreakerConfig circuitBreakerConfig() { return circuitBreakerConfig; }
    /** The optional client-side budget, or null (seed: rate_limit_config). */
    public RateLimitConfig rateLimitConfig() { return rateLimitConfig; }
    /**
     * Whether Groq's {@code x-ratelimit-*} headers hold calls back (default true): a call whose tokens do not fit
     * waits for them, and used-up requests per day fail at once. Off, only a 429's retry-after does.
     */
    public boolean proactiveThrottling() { return proactiveThrottling; }
    /** Headers sent with every call, unless a request or per-call option sets the same name; names ignore case. */
    public Map<String, String> defaultHeaders() { return defaultHeaders; }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.apiKey = apiKey;
        b.baseUrl = baseUrl;
        b.timeout = timeout;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.maxResponseBytes = maxResponseBytes;
        b.retryConfig = retryConfig;
        b.circuitBreakerConfig = circuitBreakerConfig;
        b.rateLimitConfig = rateLimitConfig;
        b.proactiveThrottling = proactiveThrottling;
        b.defaultHeaders.putAll(defaultHeaders);
        return b;
    }

    /** Throws a {@link ValidationException} naming the first parameter that cannot work. */
    public void validate() {
        validate(true);
    }

    /** {@code requireKey} is false when the client has its own {@link dev.groqj.auth.AuthProvider}. */
    private void validate(boolean requireKey) {
        if (requireKey && (apiKey == null || apiKey.isBlank())) {
            throw new ValidationException("apiKey", "is required: set GROQ_API_KEY or call apiKey(...)");
        }
        validateBaseUrl(baseUrl);
        positive("timeout", timeout);
        positive("connectTimeout", connectTimeout);
    }

    private static void validateBaseUrl(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            // the reason, not the message: the message quotes the URL, which may hold a password
            throw new ValidationException("baseUrl", "is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        // the authority, not getUserInfo(): a URL with a bad port has user info but no parsed server part
        if (uri.getRawAuthority() != null && uri.getRawAuthority().indexOf('@') >= 0) {
            throw new ValidationException("baseUrl", "must not hold user info (user:password@); the URL is not shown");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ValidationException("baseUrl", "must not have a query (?) or fragment (#), was " + baseUrl);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ValidationException("baseUrl", "must be an absolute http(s) URL, was " + baseUrl);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new ValidationException("baseUrl",
                    "must use https:// (plain http is allowed only to loopback hosts), was " + baseUrl);
        }
    }

    /** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) return true;
        String[] octets = h.split("\\.");
        if (octets.length != 4 || !octets[0].equals("127")) return false;
        for (String o : octets) {
            if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit) || Integer.parseInt(o) > 255) {
                return false;
            }
        }
        return true;
    }

    static Duration positive(String param, Duration d) {
        Objects.requireNonNull(d, param + " == null");
        if (d.isZero() || d.isNegative()) throw new ValidationException(param, "must be greater than 0, was " + d);
        return d;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "GroqConfig{apiKey=" + apiKey + ", baseUrl=" + baseUrl + ", timeout=" + timeout
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxResponseBytes=" + maxResponseBytes + ", retryConfig=" + retryConfig
                + ", circuitBreakerConfig=" + circuitBreakerConfig + ", rateLimitConfig=" + rateLimitConfig
                + ", proactiveThrottling=" + proactiveThrottling
                + ", defaultHeaders=" + defaultHeaders.keySet() + '}';
    }

    public static final class Builder {
        private ApiKey apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private long maxResponseBytes = HttpTransport.DEFAULT_MAX_RESPONSE_BYTES;
        private Integer maxRetries;
        private RetryConfig retryConfig = RetryConfig.DEFAULT;
        private CircuitBreakerConfig circuitBreakerConfig = CircuitBreakerConfig.DEFAULT;
        private RateLimitConfig rateLimitConfig;
        private boolean proactiveThrottling = true;
        private final TreeMap<String, String> defaultHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        public Builder apiKey(String apiKey) {
            this.apiKey = ApiKey.of(Objects.requireNonNull(apiKey, "apiKey == null"));
            return this;
        }

        /** Reads {@code GROQ_API_KEY}; fails naming the variable when it is not set. */
        public Builder apiKeyFromEnv() {
            return apiKeyFromEnv("GROQ_API_KEY");
        }

        public Builder apiKeyFromEnv(String variable) {
            String key = System.getenv(variable);
            if (key == null || key.isBlank()) {
                throw new ValidationException("apiKey", "environment variable " + variable + " is not set");
            }
            return apiKey(key);
        }

        /** Takes {@code GROQ_API_KEY} and, when set, {@code GROQ_BASE_URL} from {@code env}. */
        public Builder fromEnvironment(Function<String, String> env) {
            String key = env.apply("GROQ_API_KEY");
            if (key == null || key.isBlank()) {
                throw new ValidationException("apiKey", "environment variable GROQ_API_KEY is not set");
            }
            apiKey(key);
            String base = env.apply("GROQ_BASE_URL");
            if (base != null && !base.isBlank()) baseUrl(base);
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout == null");
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout == null");
            return this;
        }

        /** The longest silence while a body, whole or streamed, is read (default 60 s). */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = positive("readTimeout", readTimeout);
            return this;
        }

        /** The most bytes read of a whole successful answer (default 64 MiB); past it the call fails. */
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes <= 0) {
                throw new ValidationException("maxResponseBytes", "must be greater than 0, was " + maxResponseBytes);
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** Retries after the first attempt (default 3); overrides {@code retryConfig}'s. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = Checks.atLeast("maxRetries", maxRetries, 0);
            return this;
        }

        public Builder retryConfig(RetryConfig retryConfig) {
            this.retryConfig = Objects.requireNonNull(retryConfig, "retryConfig == null");
            return this;
        }

        /** {@link CircuitBreakerConfig#DISABLED} turns the breaker off. */
        public Builder circuitBreakerConfig(CircuitBreakerConfig circuitBreakerConfig) {
            this.circuitBreakerConfig = Objects.requireNonNull(circuitBreakerConfig, "circuitBreakerConfig == null");
            return this;
        }

        /** A client-side budget of requests and tokens per minute; null for none (the default). */
        public Builder rateLimitConfig(RateLimitConfig rateLimitConfig) {
            this.rateLimitConfig = rateLimitConfig;
            return this;
        }

        /** Whether Groq's rate-limit headers hold calls back before sending (default true); see {@link #proactiveThrottling()}. */
        public Builder proactiveThrottling(boolean proactiveThrottling) {
            this.proactiveThrottling = proactiveThrottling;
            return this;
        }

        /**
         * A header for every call; names ignore case, a later one replaces an earlier one. Framing and hop-by-hop
         * headers ({@code Host}, {@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}, …) and
         * control characters are refused with a {@link ValidationException} naming the header.
         */
        public Builder defaultHeader(String name, String value) {
            HeaderRules.requireExtra(name, value);
            defaultHeaders.remove(name);
            defaultHeaders.put(name, value);
            return this;
        }

        /** Builds and {@linkplain GroqConfig#validate() validates}. */
        public GroqConfig build() {
            return build(true);
        }

        /** Builds and validates; {@code requireKey} false lets a custom auth provider stand in for the key. */
        GroqConfig build(boolean requireKey) {
            GroqConfig config = new GroqConfig(this);
            config.validate(requireKey);
            return config;
        }
    }
}
