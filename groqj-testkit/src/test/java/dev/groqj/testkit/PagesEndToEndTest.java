package dev.groqj.testkit;

import dev.groqj.GroqClient;
import dev.groqj.Page;
import dev.groqj.RequestOptions;
import dev.groqj.batches.Batch;
import dev.groqj.batches.BatchCreateRequest;
import dev.groqj.files.FileObject;
import dev.groqj.files.FileUploadRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Page}s of files and batches against the fake Groq paginating with {@code limit} and {@code after}. */
class PagesEndToEndTest {
    private static final RequestOptions TWO_A_PAGE = RequestOptions.builder().queryParam("limit", "2").build();

    private FakeGroqServer groq;
    private GroqClient client;

    @BeforeEach
    void start() {
        groq = FakeGroqServer.builder().build().start();
        client = GroqClient.builder().baseUrl(groq.baseUrl()).apiKey(groq.apiKey()).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        groq.close();
    }

    private List<String> upload(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(client.files().upload(FileUploadRequest.builder()
                    .file(("{}\n").getBytes(StandardCharsets.UTF_8), "f" + i + ".jsonl").build()).id());
        }
        return ids;
    }

    @Test
    void autoPagerWalksThreePagesOfFilesFetchingEachOnlyWhenReached() {
        List<String> ids = upload(5);
        groq.clearJournal();

        Page<FileObject> first = client.files().list(TWO_A_PAGE);
        List<String> seen = new ArrayList<>();
        for (FileObject f : first.autoPager()) {
            seen.add(f.id());
            if (seen.size() == 2) assertThat(groq.requests()).hasSize(1);
        }

        assertThat(seen).isEqualTo(ids);
        assertThat(groq.requests()).extracting(RecordedRequest::query)
                .containsExactly("limit=2", "limit=2&after=" + ids.get(1), "limit=2&after=" + ids.get(3));
    }

    @Test
    void withoutALimitTheFakeAnswersTheWholeListAsGroqDoesAndThePageEnds() {
        upload(3);

        Page<FileObject> all = client.files().list();

        assertThat(all.data()).hasSize(3);
        assertThat(all.hasNextPage()).isFalse();
    }

    @Test
    void batchPagesFollowAsyncToo() throws Exception {
        String input = upload(1).get(0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.batches().create(BatchCreateRequest.builder().inputFileId(input).build()).id());
        }

        Page<Batch> first = client.async().batches().list(TWO_A_PAGE).get(10, TimeUnit.SECONDS);
        Page<Batch> second = first.nextPageAsync().get(10, TimeUnit.SECONDS);

        assertThat(first.data()).extracting(Batch::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.hasNextPage()).isTrue();
        assertThat(second.data()).extracting(Batch::id).containsExactly(ids.get(2));
        assertThat(second.hasNextPage()).isFalse();
    }
}
