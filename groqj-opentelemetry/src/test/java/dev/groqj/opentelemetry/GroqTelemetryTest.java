package dev.groqj.opentelemetry;

import dev.groqj.GroqClient;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Choice;
import dev.groqj.chat.FinishReason;
import dev.groqj.chat.Message;
import dev.groqj.chat.ResponseMessage;
import dev.groqj.chat.ToolCall;
import dev.groqj.error.NotFoundException;
import dev.groqj.testkit.FakeGroqServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroqTelemetryTest {
    private static final String MODEL = "llama-3.1-8b-instant";
    private static final ChatRequest HELLO = ChatRequest.builder().model(MODEL)
            .addMessage(Message.user("Hello there")).build();

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private OpenTelemetrySdk otel;
    private FakeGroqServer server;

    @BeforeEach
    void start() {
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build();
        server = FakeGroqServer.create().start();
    }

    @AfterEach
    void stop() {
        server.close();
        otel.close();
    }

    private GroqClient client(GroqTelemetry telemetry) {
        return GroqClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).maxRetries(0)
                .addListener(telemetry.listener()).build();
    }

    @Test
    void chatCreateMakesOneSpanWithTheGenAiAttributes() {
        ChatCompletion c;
        try (GroqClient client = client(GroqTelemetry.create(otel))) {
            c = client.chat().create(HELLO);
        }
        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(spans.getFinishedSpanItems()).hasSize(1);
        assertThat(span.getName()).isEqualTo("chat " + MODEL);
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        var a = span.getAttributes();
        assertThat(a.get(GroqTelemetry.OPERATION)).isEqualTo("chat");
        assertThat(a.get(GroqTelemetry.PROVIDER)).isEqualTo("groq");
        assertThat(a.get(GroqTelemetry.SYSTEM)).isEqualTo("groq");
        assertThat(a.get(GroqTelemetry.REQUEST_MODEL)).isEqualTo(MODEL);
        assertThat(a.get(GroqTelemetry.RESPONSE_MODEL)).isEqualTo(c.model());
        assertThat(a.get(GroqTelemetry.RESPONSE_ID)).isEqualTo(c.id());
        assertThat(a.get(GroqTelemetry.FINISH_REASONS)).containsExactly("stop");
        assertThat(a.get(GroqTelemetry.INPUT_TOKENS)).isEqualTo(c.usage().promptTokens());
        assertThat(a.get(GroqTelemetry.OUTPUT_TOKENS)).isEqualTo(c.usage().completionTokens());
        assertThat(a.get(GroqTelemetry.REQUEST_ID)).isNotBlank();
        assertThat(a.get(GroqTelemetry.QUEUE_TIME)).isEqualTo(c.usage().queueTime(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.get(GroqTelemetry.TOTAL_TIME)).isEqualTo(c.usage().totalTime(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.get(GroqTelemetry.INPUT_MESSAGES)).as("content is off by default").isNull();
        assertThat(a.get(GroqTelemetry.OUTPUT_MESSAGES)).isNull();

        List<MetricData> all = List.copyOf(metrics.collectAllMetrics());
        MetricData duration = metric(all, "gen_ai.client.operation.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        HistogramPointData point = duration.getHistogramData().getPoints().iterator().next();
        assertThat(point.getCount()).isEqualTo(1);
        assertThat(point.getBoundaries()).startsWith(0.01, 0.02, 0.04).endsWith(81.92);
        assertThat(point.getAttributes().get(GroqTelemetry.OPERATION)).isEqualTo("chat");
        assertThat(point.getAttributes().get(GroqTelemetry.PROVIDER)).isEqualTo("groq");
        assertThat(point.getAttributes().get(GroqTelemetry.RESPONSE_MODEL)).isEqualTo(c.model());
        assertThat(point.getAttributes().get(GroqTelemetry.ERROR_TYPE)).isNull();
        assertThat(point.getAttributes().get(GroqTelemetry.REQUEST_MODEL)).isEqualTo(MODEL);
        MetricData tokens = metric(all, "gen_ai.client.token.usage");
        assertThat(tokens.getHistogramData().getPoints().stream()
                .collect(Collectors.toMap(p -> p.getAttributes().get(GroqTelemetry.TOKEN_TYPE), p -> p.getSum())))
                .containsEntry("input", (double) c.usage().promptTokens())
                .containsEntry("output", (double) c.usage().completionTokens());
    }

    @Test
    void streamRecordsTimeToFirstChunkAndTheStreamsOutcome() {
        ChatCompletion c;
        try (GroqClient client = client(GroqTelemetry.create(otel))) {
            c = client.chat().stream(HELLO).accumulate();
        }
        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(span.getAttributes().get(GroqTelemetry.OUTPUT_TOKENS)).isEqualTo(c.usage().completionTokens());
        assertThat(span.getAttributes().get(GroqTelemetry.FINISH_REASONS)).containsExactly("stop");
        MetricData ttfc = metric(List.copyOf(metrics.collectAllMetrics()), "gen_ai.client.operation.time_to_first_chunk");
        assertThat(ttfc.getHistogramData().getPoints().iterator().next().getCount()).isEqualTo(1);
    }

    @Test
    void asyncStreamEndsItsSpanWhenTheLastChunkIsDelivered() throws Exception {
        ChatCompletion c;
        try (GroqClient client = client(GroqTelemetry.create(otel))) {
            c = client.async().chat().stream(HELLO, new dev.groqj.chat.ChatStreamHandler() { })
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(span.getAttributes().get(GroqTelemetry.RESPONSE_ID)).isEqualTo(c.id());
        assertThat(span.getAttributes().get(GroqTelemetry.OUTPUT_TOKENS)).isEqualTo(c.usage().completionTokens());
    }

    @Test
    void contentIsRecordedOnlyWhenTurnedOn() {
        try (GroqClient client = client(GroqTelemetry.builder(otel).captureContent(true).build())) {
            client.chat().create(HELLO);
        }
        var a = spans.getFinishedSpanItems().get(0).getAttributes();
        assertThat(a.get(GroqTelemetry.INPUT_MESSAGES)).contains("Hello there");
        assertThat(a.get(GroqTelemetry.OUTPUT_MESSAGES)).contains("You said");
    }

    @Test
    void capturedContentHasTheGenAiRoleAndPartsShape() {
        ToolCall call = ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}");
        assertThat(GroqTelemetry.inputMessages(List.of(Message.user("Weather?"), Message.assistant(null, List.of(call)),
                Message.tool("call_1", "21C")))).isEqualTo("["
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\","
                + "\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_1\","
                + "\"response\":\"21C\"}]}]");
        Choice choice = new Choice(0, new ResponseMessage("assistant", "It is 21C.", null, null, null, null, null),
                FinishReason.STOP, null, null);
        assertThat(GroqTelemetry.outputMessages(List.of(choice))).isEqualTo("[{\"role\":\"assistant\","
                + "\"parts\":[{\"type\":\"text\",\"content\":\"It is 21C.\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void failedCallSetsErrorTypeAndStatus() {
        ChatRequest unknown = HELLO.toBuilder().model("no-such-model").build();
        try (GroqClient client = client(GroqTelemetry.create(otel))) {
            assertThatThrownBy(() -> client.chat().create(unknown)).isInstanceOf(NotFoundException.class);
        }
        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("404");
        HistogramPointData point = metric(List.copyOf(metrics.collectAllMetrics()), "gen_ai.client.operation.duration")
                .getHistogramData().getPoints().iterator().next();
        assertThat(point.getAttributes().get(GroqTelemetry.ERROR_TYPE)).isEqualTo("404");
    }

    private static MetricData metric(List<MetricData> all, String name) {
        return all.stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + all));
    }
}
