package dev.groqj.micrometer;

import dev.groqj.error.GroqException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.GroqListener;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.observability.TokenUsage;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * groqj calls as Micrometer {@link Observation}s (a timer and, with a tracing bridge, a span per call) plus the
 * GenAI token and time-to-first-chunk meters. In Spring Boot, pass the auto-configured registries.
 *
 * <pre>{@code
 * GroqClient client = GroqClient.builder()
 *         .apiKey("gsk_...")
 *         .addListener(GroqObservations.builder(observationRegistry).meterRegistry(meterRegistry).build().listener())
 *         .build();
 * }</pre>
 *
 * <p>The observation is {@code gen_ai.client.operation}, tagged by {@link GroqObservationConvention}. With a
 * {@link MeterRegistry}, it also records {@code gen_ai.client.token.usage} (a distribution summary tagged
 * {@code gen_ai.token.type} input/output) and {@code gen_ai.client.operation.time_to_first_chunk} (a timer, for
 * streams). Prompts and completions are never recorded.
 */
public final class GroqObservations {
    private final ObservationRegistry registry;
    private final MeterRegistry meters;
    private final GroqObservationConvention convention;

    private GroqObservations(Builder b) {
        this.registry = b.registry;
        this.meters = b.meters;
        this.convention = b.convention;
    }

    /**
     * Observations of groqj calls with the default convention and no meters.
     *
     * @param registry where the observations go
     * @return the observations; add {@link #listener()} to a {@code GroqClient}
     */
    public static GroqObservations create(ObservationRegistry registry) {
        return builder(registry).build();
    }

    /**
     * A builder, to add meters or another convention.
     *
     * @param registry where the observations go
     * @return a new builder
     */
    public static Builder builder(ObservationRegistry registry) {
        return new Builder(registry);
    }

    /**
     * The listener that makes the observations.
     *
     * @return the listener to add to {@code GroqClient.builder().addListener(...)}
     */
    public GroqListener listener() {
        return new Listener();
    }

    /** {@code chat.create} and {@code chat.stream} are the convention's "chat"; other calls keep groqj's name. */
    static String operationName(CallInfo call) {
        return call.operation().startsWith("chat.") ? "chat" : call.operation();
    }

    /** The HTTP status when there was one, else the exception's simple class name. */
    static String errorType(GroqException error) {
        return error.statusCode() > 0 ? Integer.toString(error.statusCode()) : error.getClass().getSimpleName();
    }

    private final class Listener implements GroqListener {
        private final Map<CallInfo, Observation> calls = new ConcurrentHashMap<>();

        @Override
        public void callStart(CallInfo call) {
            GroqObservationContext context = new GroqObservationContext(call);
            calls.put(call, Observation.createNotStarted(convention, () -> context, registry).start());
        }

        @Override
        public void responseHeaders(CallInfo call, int statusCode, String requestId) {
            Observation o = calls.get(call);
            if (o != null && requestId != null) context(o).requestId(requestId);
        }

        @Override
        public void retryScheduled(CallInfo call, int attempt, Duration delay, GroqException error) {
            Observation o = calls.get(call);
            if (o != null) o.event(Observation.Event.of("groq.retry", "retry " + attempt + " in " + delay));
        }

        @Override
        public void firstChunk(CallInfo call) {
            Observation o = calls.get(call);
            if (o == null || meters == null) return;
            Duration since = Duration.ofNanos(System.nanoTime() - context(o).startNanos);
            Timer.builder("gen_ai.client.operation.time_to_first_chunk")
                    .description("Time from the start of a streamed call to its first chunk")
                    .tags(tags(call, null)).register(meters).record(since);
        }

        @Override
        public void responseReceived(CallInfo call, ResponseInfo response) {
            Observation o = calls.get(call);
            if (o != null) context(o).response(response);
        }

        @Override
        public void callEnd(CallInfo call, TokenUsage usage, Duration duration) {
            Observation o = calls.remove(call);
            if (o == null) return;
            GroqObservationContext context = context(o);
            context.usage(usage);
            if (usage != null && meters != null) {
                Tags tags = tags(call, context.response());
                tokens(tags, "input").record(usage.promptTokens());
                tokens(tags, "output").record(usage.completionTokens());
            }
            o.stop();
        }

        @Override
        public void callFailed(CallInfo call, GroqException error, Duration duration) {
            Observation o = calls.remove(call);
            if (o == null) return;
            o.error(error);
            o.stop();
        }

        private DistributionSummary tokens(Tags tags, String type) {
            return DistributionSummary.builder("gen_ai.client.token.usage").baseUnit("{token}")
                    .description("Measures number of input and output tokens used")
                    .tags(tags).tag("gen_ai.token.type", type).register(meters);
        }
    }

    private static GroqObservationContext context(Observation o) {
        return (GroqObservationContext) o.getContext();
    }

    private static Tags tags(CallInfo call, ResponseInfo response) {
        Tags tags = Tags.of("gen_ai.operation.name", operationName(call), "gen_ai.provider.name", "groq",
                "gen_ai.request.model", call.model() == null ? "none" : call.model());
        return response != null && response.model() != null ? tags.and("gen_ai.response.model", response.model()) : tags;
    }

    /** Configures {@link GroqObservations}; made by {@link GroqObservations#builder(ObservationRegistry)}. */
    public static final class Builder {
        private final ObservationRegistry registry;
        private MeterRegistry meters;
        private GroqObservationConvention convention = new GroqObservationConvention();

        private Builder(ObservationRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry == null");
        }

        /**
         * Where the token and time-to-first-chunk meters go; without it only observations are made.
         *
         * @param meters the meter registry
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry meters) {
            this.meters = Objects.requireNonNull(meters, "meters == null");
            return this;
        }

        /**
         * The convention that names the observations and chooses their tags (default:
         * {@link GroqObservationConvention}).
         *
         * @param convention the convention, usually a subclass of {@link GroqObservationConvention}
         * @return this builder
         */
        public Builder convention(GroqObservationConvention convention) {
            this.convention = Objects.requireNonNull(convention, "convention == null");
            return this;
        }

        /** @return the configured observations */
        public GroqObservations build() {
            return new GroqObservations(this);
        }
    }
}
