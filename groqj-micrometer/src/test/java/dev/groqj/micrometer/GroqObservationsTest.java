package dev.groqj.micrometer;

import dev.groqj.GroqClient;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Message;
import dev.groqj.error.NotFoundException;
import dev.groqj.testkit.FakeGroqServer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroqObservationsTest {
    private static final String MODEL = "llama-3.1-8b-instant";
    private static final ChatRequest HELLO = ChatRequest.builder().model(MODEL)
            .addMessage(Message.user("Hello there")).build();

    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private FakeGroqServer server;
    private GroqClient client;

    @BeforeEach
    void start() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        server = FakeGroqServer.create().start();
        client = GroqClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).maxRetries(0)
                .addListener(GroqObservations.builder(observations).meterRegistry(meters).build().listener())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void chatCreateIsOneObservationWithGenAiKeyValues() {
        ChatCompletion c = client.chat().create(HELLO);
        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsEqualTo(1)
                .hasSingleObservationThat()
                .hasNameEqualTo("gen_ai.client.operation")
                .hasContextualNameEqualTo("chat " + MODEL)
                .hasBeenStarted().hasBeenStopped()
                .hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
                .hasLowCardinalityKeyValue("gen_ai.provider.name", "groq")
                .hasLowCardinalityKeyValue("gen_ai.request.model", MODEL)
                .hasLowCardinalityKeyValue("gen_ai.response.model", c.model())
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasHighCardinalityKeyValue("gen_ai.response.id", c.id())
                .hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop")
                .hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", Integer.toString(c.usage().promptTokens()))
                .hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", Integer.toString(c.usage().completionTokens()))
                .hasHighCardinalityKeyValue("groq.total_time", Double.toString(c.usage().totalTime()))
                .hasHighCardinalityKeyValueWithKey("groq.request_id");

        Timer timer = meters.get("gen_ai.client.operation").tag("gen_ai.request.model", MODEL).timer();
        assertThat(timer.count()).isEqualTo(1);
        DistributionSummary input = meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summary();
        DistributionSummary output = meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "output").summary();
        assertThat(input.totalAmount()).isEqualTo(c.usage().promptTokens());
        assertThat(output.totalAmount()).isEqualTo(c.usage().completionTokens());
    }

    @Test
    void streamRecordsTimeToFirstChunk() {
        client.chat().stream(HELLO).accumulate();
        assertThat(meters.get("gen_ai.client.operation.time_to_first_chunk").timer().count()).isEqualTo(1);
        TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
                .hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop");
    }

    @Test
    void failedCallIsAnObservationWithTheError() {
        ChatRequest unknown = HELLO.toBuilder().model("no-such-model").build();
        assertThatThrownBy(() -> client.chat().create(unknown)).isInstanceOf(NotFoundException.class);
        TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("error.type", "404")
                .assertThatError().isInstanceOf(NotFoundException.class);
    }
}
