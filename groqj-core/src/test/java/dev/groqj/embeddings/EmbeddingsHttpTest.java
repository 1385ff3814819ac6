package dev.groqj.embeddings;

import dev.groqj.GroqClient;
import dev.groqj.GroqResponse;
import dev.groqj.JsonValue;
import dev.groqj.RequestOptions;
import dev.groqj.ScriptedGroq;
import dev.groqj.ScriptedServer;
import dev.groqj.ScriptedServer.Scripted;
import dev.groqj.error.DecodingException;
import dev.groqj.error.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embeddings service against a real HTTP server on 127.0.0.1. */
class EmbeddingsHttpTest {
    private static final String FLOATS = "{\"object\":\"list\",\"model\":\"nomic-embed-text-v1_5\",\"data\":["
            + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.25,-1.5,3]},"
            + "{\"object\":\"embedding\",\"index\":1,\"embedding\":[1,0,0],\"extra\":true}],"
            + "\"usage\":{\"prompt_tokens\":6,\"total_tokens\":6},\"x_groq\":{\"id\":\"req_1\"}}";

    @RegisterExtension
    final ScriptedGroq groq = new ScriptedGroq();
    private ScriptedServer server;
    private GroqClient client;

    @BeforeEach
    void bind() {
        server = groq.server();
        client = groq.client();
    }

    @Test
    void listOfTextsIsSentAsAnArrayAndVectorsReadAsFloats() throws Exception {
        server.enqueue(Scripted.json(200, FLOATS));

        EmbeddingList list = client.embeddings().create(EmbeddingRequest.builder()
                .model(EmbeddingRequest.NOMIC_EMBED_TEXT_V1_5).input(List.of("a cat", "a dog")).user("u1").build());

        ScriptedServer.Recorded r = server.takeRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.rawPath()).isEqualTo("/openai/v1/embeddings");
        assertThat(JsonValue.parse(r.bodyAsString())).isEqualTo(JsonValue.parse(
                "{\"model\":\"nomic-embed-text-v1_5\",\"input\":[\"a cat\",\"a dog\"],\"user\":\"u1\"}"));
        assertThat(list.model()).isEqualTo("nomic-embed-text-v1_5");
        assertThat(list.data()).extracting(Embedding::index).containsExactly(0, 1);
        assertThat(list.data().get(0).embedding()).containsExactly(0.25f, -1.5f, 3f);
        assertThat(list.data().get(1).additionalProperties().get("extra").asBoolean()).isTrue();
        assertThat(list.usage().promptTokens()).isEqualTo(6);
        assertThat(list.usage().totalTokens()).isEqualTo(6);
        assertThat(list.additionalProperties()).containsKey("x_groq");
    }

    @Test
    void base64VectorsDecodeToTheSameFloats() throws Exception {
        float[] vector = {0.25f, -1.5f, 3f, Float.MIN_VALUE};
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : vector) bytes.putFloat(f);
        server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"model\":\"m\",\"data\":[{\"object\":\"embedding\","
                + "\"index\":0,\"embedding\":\"" + Base64.getEncoder().encodeToString(bytes.array()) + "\"}],"
                + "\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}"));

        EmbeddingList list = client.embeddings().create(EmbeddingRequest.builder().model("m").input("one")
                .encodingFormat(EmbeddingRequest.EncodingFormat.BASE64).build());

        assertThat(JsonValue.parse(server.takeRequest().bodyAsString())).isEqualTo(JsonValue.parse(
                "{\"model\":\"m\",\"input\":\"one\",\"encoding_format\":\"base64\"}"));
        assertThat(list.data().get(0).embedding()).containsExactly(vector);
        assertThat(list.data().get(0).dimensions()).isEqualTo(4);
    }

    @Test
    void base64ThatIsNotWholeFloatsFailsAsADecodingError() {
        server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"model\":\"m\",\"data\":[{\"object\":\"embedding\","
                + "\"index\":0,\"embedding\":\"AAAA\"}],\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}"));

        assertThatThrownBy(() -> client.embeddings().create(EmbeddingRequest.builder().model("m").input("x").build()))
                .isInstanceOf(DecodingException.class).hasMessageContaining("not whole 32-bit floats");
    }

    @Test
    void asyncAndWithResponseFormsGoTheSamePath() throws Exception {
        server.enqueue(Scripted.json(200, FLOATS).withHeader("x-request-id", "req_abc"));
        server.enqueue(Scripted.json(200, FLOATS));
        EmbeddingRequest request = EmbeddingRequest.builder().model("m").input("x").build();

        GroqResponse<EmbeddingList> response = client.embeddings().createWithResponse(request, RequestOptions.DEFAULT);
        EmbeddingList async = client.async().embeddings().create(request).get();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstOrNull("x-request-id")).isEqualTo("req_abc");
        assertThat(async).isEqualTo(response.value());
        assertThat(server.takeRequest().rawPath()).isEqualTo(server.takeRequest().rawPath());
    }

    @Test
    void invalidRequestsFailBeforeSendingNamingTheParameter() {
        assertThatThrownBy(() -> EmbeddingRequest.builder().input("x").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("model:");
        assertThatThrownBy(() -> EmbeddingRequest.builder().model("m").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("input:");
        assertThatThrownBy(() -> EmbeddingRequest.builder().model("m").input("").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("input: must not be empty");
        assertThatThrownBy(() -> EmbeddingRequest.builder().model("m").input(List.of()).build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("input:");
        assertThatThrownBy(() -> EmbeddingRequest.builder().model("m").input(List.of("a", "")).build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("input[1]:");
        assertThatThrownBy(() -> EmbeddingRequest.builder().model("m")
                .input(Collections.nCopies(EmbeddingRequest.MAX_INPUTS + 1, "a")).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 2048");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void embeddingsAreValuesAndCompareByCosine() {
        Embedding a = new Embedding(0, "embedding", new float[] {1, 0}, null);
        Embedding b = new Embedding(0, "embedding", new float[] {1, 0}, null);
        float[] leaked = a.embedding();
        leaked[0] = 9;
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.cosineSimilarity(new Embedding(1, "embedding", new float[] {0, 2}, null))).isZero();
        assertThat(a.cosineSimilarity(new Embedding(1, "embedding", new float[] {3, 0}, null))).isEqualTo(1.0);
    }
}
