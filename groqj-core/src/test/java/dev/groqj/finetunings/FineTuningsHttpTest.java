package dev.groqj.finetunings;

import dev.groqj.GroqClient;
import dev.groqj.JsonValue;
import dev.groqj.RequestOptions;
import dev.groqj.ScriptedGroq;
import dev.groqj.ScriptedServer;
import dev.groqj.ScriptedServer.Scripted;
import dev.groqj.error.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fine-tunings service against a real HTTP server: its paths are {@code /v1/fine_tunings} under the API root,
 * derived from a base URL that is not the default.
 */
class FineTuningsHttpTest {
    private static final String FINE_TUNING = "{\"id\":\"ft_1\",\"name\":\"n\",\"base_model\":\"llama-3.1-8b-instant\","
            + "\"type\":\"lora\",\"input_file_id\":\"file_1\",\"created_at\":1736472501,\"fine_tuned_model\":\"ft:x\","
            + "\"status\":\"running\"}";
    private static final String READ = "{\"id\":\"ft_1\",\"object\":\"object\",\"data\":" + FINE_TUNING + "}";

    // a gateway that maps Groq under its own prefix: the root is the base URL without /openai/v1
    @RegisterExtension
    final ScriptedGroq groq = new ScriptedGroq(url -> url.replace("/openai/v1", "/gateway/groq/openai/v1"));
    private ScriptedServer server;
    private GroqClient client;

    @BeforeEach
    void bind() {
        server = groq.server();
        client = groq.client();
    }

    @Test
    void everyOperationGoesToV1UnderTheRootOfTheBaseUrl() throws Exception {
        server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"data\":[" + FINE_TUNING + "]}"));
        server.enqueue(Scripted.json(200, READ));
        server.enqueue(Scripted.json(200, READ));
        server.enqueue(Scripted.json(200, "{\"id\":\"ft_1\",\"object\":\"fine_tuning\",\"deleted\":true}"));

        FineTuningList list = client.fineTunings().list();
        FineTuningResult created = client.fineTunings().create(FineTuningCreateRequest.builder()
                .inputFileId("file_1").baseModel("llama-3.1-8b-instant").name("n")
                .type(FineTuningCreateRequest.LORA).build());
        FineTuningResult read = client.fineTunings().retrieve("ft/1");
        FineTuningDeleted deleted = client.fineTunings().delete("ft_1");

        ScriptedServer.Recorded listed = server.takeRequest();
        assertThat(listed.method() + " " + listed.rawPath()).isEqualTo("GET /gateway/groq/v1/fine_tunings");
        ScriptedServer.Recorded posted = server.takeRequest();
        assertThat(posted.method() + " " + posted.rawPath()).isEqualTo("POST /gateway/groq/v1/fine_tunings");
        assertThat(JsonValue.parse(posted.bodyAsString())).isEqualTo(JsonValue.parse("{\"input_file_id\":\"file_1\","
                + "\"base_model\":\"llama-3.1-8b-instant\",\"name\":\"n\",\"type\":\"lora\"}"));
        assertThat(server.takeRequest().rawPath()).isEqualTo("/gateway/groq/v1/fine_tunings/ft%2F1");
        ScriptedServer.Recorded removed = server.takeRequest();
        assertThat(removed.method() + " " + removed.rawPath()).isEqualTo("DELETE /gateway/groq/v1/fine_tunings/ft_1");

        FineTuning ft = list.data().get(0);
        assertThat(ft.baseModel()).isEqualTo("llama-3.1-8b-instant");
        assertThat(ft.inputFileId()).isEqualTo("file_1");
        assertThat(ft.createdAt()).isEqualTo(1736472501d);
        assertThat(ft.fineTunedModel()).isEqualTo("ft:x");
        assertThat(ft.additionalProperties().get("status").asString()).isEqualTo("running");
        assertThat(created.data()).isEqualTo(ft);
        assertThat(read.id()).isEqualTo("ft_1");
        assertThat(deleted.deleted()).isTrue();
    }

    @Test
    void aBaseUrlWithoutOpenAiV1IsTheRootItself() throws Exception {
        try (GroqClient gateway = GroqClient.builder().apiKey("gsk_test")
                .baseUrl(server.baseUrl().replace("/openai/v1", "/groq")).maxRetries(0).build()) {
            server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"data\":[]}"));
            assertThat(gateway.fineTunings().list().data()).isEmpty();
            assertThat(server.takeRequest().rawPath()).isEqualTo("/groq/v1/fine_tunings");
        }
    }

    @Test
    void asyncAndWithResponseForms() throws Exception {
        server.enqueue(Scripted.json(200, READ));
        server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"data\":[]}"));
        server.enqueue(Scripted.json(200, "{\"id\":\"ft_1\",\"object\":\"fine_tuning\",\"deleted\":true}"));

        assertThat(client.async().fineTunings().retrieve("ft_1").get().data().name()).isEqualTo("n");
        assertThat(client.fineTunings().listWithResponse(RequestOptions.DEFAULT).statusCode()).isEqualTo(200);
        assertThat(client.async().fineTunings().deleteWithResponse("ft_1", RequestOptions.DEFAULT).get().value()
                .deleted()).isTrue();
        assertThat(server.takeRequest().rawPath()).isEqualTo("/gateway/groq/v1/fine_tunings/ft_1");
    }

    @Test
    void invalidRequestsFailBeforeSending() {
        assertThatThrownBy(() -> FineTuningCreateRequest.builder().baseModel("m").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("input_file_id:");
        assertThatThrownBy(() -> FineTuningCreateRequest.builder().inputFileId("f").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("base_model:");
        assertThatThrownBy(() -> FineTuningCreateRequest.builder().inputFileId("f").baseModel("m").name(" ").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> client.fineTunings().retrieve(".."))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("id:");
        assertThat(server.requestCount()).isZero();
    }
}
