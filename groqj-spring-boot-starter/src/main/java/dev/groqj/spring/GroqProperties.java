package dev.groqj.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code groq.*} properties. Unset values keep the client's defaults, so this class holds no defaults of
 * its own beyond the starter's (health cache, test mode).
 */
@ConfigurationProperties("groq")
public class GroqProperties {
    /** The Groq API key (gsk_...); the environment variable GROQ_API_KEY binds here too. */
    private String apiKey;
    /** The API's base URL; default https://api.groq.com/openai/v1. */
    private String baseUrl;
    /** Per attempt, until the response headers arrive; default 60s. */
    private Duration timeout;
    /** The longest silence while a body, whole or streamed, is read; default 60s. */
    private Duration readTimeout;
    /** Time to open a connection; default 10s. */
    private Duration connectTimeout;
    /** Retries after the first attempt; default 3. */
    private Integer maxRetries;
    /** The whole call, retries included; default 10m. */
    private Duration deadline;
    /** The most bytes read of a whole successful answer; default 64 MiB. */
    private Long maxResponseBytes;
    /**
     * The HTTP transport: jdk (java.net.http, the default) or apache (ApacheHttpTransport: blocking calls read and
     * write on the caller's thread; needs org.apache.httpcomponents.client5:httpclient5 on the class path).
     */
    private Transport transport = Transport.JDK;
    private final RateLimit rateLimit = new RateLimit();
    private final CircuitBreaker circuitBreaker = new CircuitBreaker();
    private final Health health = new Health();
    private final Testkit testkit = new Testkit();

    public String getApiKey() { return apiKey; }
    public void setApiKey(String apiKey) { this.apiKey = apiKey; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public Duration getReadTimeout() { return readTimeout; }
    public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Integer getMaxRetries() { return maxRetries; }
    public void setMaxRetries(Integer maxRetries) { this.maxRetries = maxRetries; }
    public Duration getDeadline() { return deadline; }
    public void setDeadline(Duration deadline) { this.deadline = deadline; }
    public Long getMaxResponseBytes() { return maxResponseBytes; }
    public void setMaxResponseBytes(Long maxResponseBytes) { this.maxResponseBytes = maxResponseBytes; }
    public Transport getTransport() { return transport; }
    public void setTransport(Transport transport) { this.transport = transport; }
    public RateLimit getRateLimit() { return rateLimit; }
    public CircuitBreaker getCircuitBreaker() { return circuitBreaker; }
    public Health getHealth() { return health; }
    public Testkit getTestkit() { return testkit; }

    /** The values of {@code groq.transport}. */
    public enum Transport {
        /** {@code JdkHttpTransport}, over java.net.http. */
        JDK,
        /** {@code ApacheHttpTransport}, over Apache HttpClient 5. */
        APACHE
    }

    /** A client-side budget; off unless requests-per-minute or tokens-per-minute is set. */
    public static class RateLimit {
        /** Requests per minute this client may send; 0 for no request limit. */
        private long requestsPerMinute;
        /** Tokens (prompt + completion) per minute; 0 for no token limit. */
        private long tokensPerMinute;
        /** The longest a call waits for room in the budget; default 30s. */
        private Duration waitUpTo;
        /** Fail at once, unsent, when the budget has no room. */
        private boolean failFast;

        public long getRequestsPerMinute() { return requestsPerMinute; }
        public void setRequestsPerMinute(long requestsPerMinute) { this.requestsPerMinute = requestsPerMinute; }
        public long getTokensPerMinute() { return tokensPerMinute; }
        public void setTokensPerMinute(long tokensPerMinute) { this.tokensPerMinute = tokensPerMinute; }
        public Duration getWaitUpTo() { return waitUpTo; }
        public void setWaitUpTo(Duration waitUpTo) { this.waitUpTo = waitUpTo; }
        public boolean isFailFast() { return failFast; }
        public void setFailFast(boolean failFast) { this.failFast = failFast; }
    }

    /** The client's circuit breaker; unset values keep groqj's defaults. */
    public static class CircuitBreaker {
        /** Whether calls pass through a circuit breaker; default true. */
        private Boolean enabled;
        /** Failure rate, in percent, that opens the circuit. */
        private Float failureRateThreshold;
        /** Calls in the sliding window. */
        private Integer slidingWindowSize;
        /** Calls before the failure rate counts. */
        private Integer minimumNumberOfCalls;
        /** How long an open circuit refuses calls. */
        private Duration waitDurationInOpenState;

        public Boolean getEnabled() { return enabled; }
        public void setEnabled(Boolean enabled) { this.enabled = enabled; }
        public Float getFailureRateThreshold() { return failureRateThreshold; }
        public void setFailureRateThreshold(Float failureRateThreshold) { this.failureRateThreshold = failureRateThreshold; }
        public Integer getSlidingWindowSize() { return slidingWindowSize; }
        public void setSlidingWindowSize(Integer slidingWindowSize) { this.slidingWindowSize = slidingWindowSize; }
        public Integer getMinimumNumberOfCalls() { return minimumNumberOfCalls; }
        public void setMinimumNumberOfCalls(Integer minimumNumberOfCalls) { this.minimumNumberOfCalls = minimumNumberOfCalls; }
        public Duration getWaitDurationInOpenState() { return waitDurationInOpenState; }
        public void setWaitDurationInOpenState(Duration wait) { this.waitDurationInOpenState = wait; }
    }

    /** The Actuator health indicator. */
    public static class Health {
        /** How long a health check's result is reused: probes within it send nothing to Groq. */
        private Duration cacheFor = Duration.ofMinutes(1);

        public Duration getCacheFor() { return cacheFor; }
        public void setCacheFor(Duration cacheFor) { this.cacheFor = cacheFor; }
    }

    /** Test mode: a FakeGroqServer (groqj-testkit) on loopback instead of Groq. */
    public static class Testkit {
        /** Start a FakeGroqServer and point the client at it, with its API key. */
        private boolean enabled;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
    }
}
