package dev.groqj.testkit;

import dev.groqj.GroqClient;
import dev.groqj.embeddings.Embedding;
import dev.groqj.embeddings.EmbeddingList;
import dev.groqj.embeddings.EmbeddingRequest;
import dev.groqj.error.BadRequestException;
import dev.groqj.error.NotFoundException;
import dev.groqj.files.FileObject;
import dev.groqj.files.FileUploadRequest;
import dev.groqj.finetunings.FineTuning;
import dev.groqj.finetunings.FineTuningCreateRequest;
import dev.groqj.reranking.Reranking;
import dev.groqj.reranking.RerankingRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Embeddings, reranking and fine-tunings through {@link GroqClient} against the fake. */
class EmbeddingsEndToEndTest {
    @RegisterExtension
    static final FakeGroqServerExtension GROQ = new FakeGroqServerExtension();

    private static GroqClient client;

    @BeforeAll
    static void connect() {
        client = GroqClient.builder().baseUrl(GROQ.server().baseUrl()).apiKey(GROQ.server().apiKey()).maxRetries(0)
                .build();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void textsThatShareWordsAreCloserAndBase64GivesTheSameVectors() {
        EmbeddingRequest request = EmbeddingRequest.builder().model(EmbeddingRequest.NOMIC_EMBED_TEXT_V1_5)
                .input(List.of("the cat sat on the mat", "a cat on a mat", "stock prices fell sharply")).build();

        EmbeddingList floats = client.embeddings().create(request);
        EmbeddingList base64 = client.embeddings().create(request.toBuilder()
                .encodingFormat(EmbeddingRequest.EncodingFormat.BASE64).build());

        List<Embedding> data = floats.data();
        assertThat(data).hasSize(3).allSatisfy(e -> assertThat(e.dimensions()).isEqualTo(768));
        assertThat(data.get(0).cosineSimilarity(data.get(1))).isGreaterThan(data.get(0).cosineSimilarity(data.get(2)));
        assertThat(base64.data()).isEqualTo(data);
        assertThat(floats.usage().promptTokens()).isEqualTo(6 + 5 + 4);
        assertThat(client.embeddings().create(request.toBuilder().input("a cat").build()).data().get(0))
                .isEqualTo(client.embeddings().create(request.toBuilder().input("a cat").build()).data().get(0));
    }

    @Test
    void rerankingOrdersByTheQuerysWords() {
        Reranking ranked = client.reranking().create(RerankingRequest.builder().model(RerankingRequest.QWEN3_RERANKER_4B)
                .query("deep learning networks")
                .docs(List.of("The weather is nice today", "Deep learning uses neural networks",
                        "Machine learning is a subset of AI"))
                .build());

        assertThat(ranked.results()).extracting(Reranking.Result::doc).containsExactly(
                "Deep learning uses neural networks", "Machine learning is a subset of AI", "The weather is nice today");
        assertThat(ranked.results().get(0).score()).isEqualTo(1.0);
        assertThat(ranked.results().get(2).score()).isZero();
    }

    @Test
    void aModelOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> client.embeddings().create(EmbeddingRequest.builder().model("llama-3.1-8b-instant")
                .input("x").build())).isInstanceOf(BadRequestException.class).hasMessageContaining("embeddings");
    }

    @Test
    void fineTuningsLiveUnderTheRootUntilDeleted() {
        FileObject file = client.files().upload(FileUploadRequest.builder()
                .file("{\"messages\":[]}\n".getBytes(StandardCharsets.UTF_8), "train.jsonl").build());
        FineTuning created = client.fineTunings().create(FineTuningCreateRequest.builder().inputFileId(file.id())
                .baseModel("llama-3.1-8b-instant").name("support").type(FineTuningCreateRequest.LORA).build()).data();

        assertThat(created.name()).isEqualTo("support");
        assertThat(created.fineTunedModel()).startsWith("llama-3.1-8b-instant:ft:");
        assertThat(client.fineTunings().retrieve(created.id()).data()).isEqualTo(created);
        assertThat(client.fineTunings().list().data()).extracting(FineTuning::id).contains(created.id());
        assertThat(client.fineTunings().delete(created.id()).deleted()).isTrue();
        assertThatThrownBy(() -> client.fineTunings().retrieve(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.fineTunings().create(FineTuningCreateRequest.builder().inputFileId("file_x")
                .baseModel("llama-3.1-8b-instant").build())).isInstanceOf(NotFoundException.class);
    }
}
