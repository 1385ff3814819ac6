package dev.groqj.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded Groq traffic the benchmarks replay, shaped into what the loopback server sends.
 *
 * <pre>{@code
 * Fixtures f = Fixtures.load();
 * byte[] sse = f.sseBody();   // 1,000 `data:` events, x_groq usage on the last, then [DONE]
 * }</pre>
 *
 * The completion is {@code recorded/vercel-ai/groq-text.json} as recorded. The stream is made from
 * {@code groq-text.chunks.txt}: its first chunk (the role), its content chunks repeated in order up to
 * {@link #STREAM_CHUNKS} − 2, and its last chunk (finish_reason and x_groq usage).
 */
public final class Fixtures {
    public static final int STREAM_CHUNKS = 1_000;
    /** Groq-shaped pacing: the first chunk after this long, then a content chunk every tick. */
    public static final int PACED_FIRST_CHUNK_MS = 150;
    public static final int PACED_TICK_MS = 100;
    /**
     * Tokens a paced content chunk carries: 50 a 100 ms tick is 500 tokens a second. (Groq sends about a token a
     * chunk; 2,000 such streams would be a million chunks a second, more than 2 cores decode with any client.)
     */
    public static final int PACED_TOKENS_PER_CHUNK = 50;
    /** Content chunks a paced stream carries: 4 s of tokens (2,000). */
    public static final int PACED_CONTENT_CHUNKS = 40;
    /** The role chunk, the content chunks, the last chunk (finish_reason, usage). */
    public static final int PACED_CHUNKS = PACED_CONTENT_CHUNKS + 2;

    private final byte[] completion;
    private final List<String> chunks;

    private Fixtures(byte[] completion, List<String> chunks) {
        this.completion = completion;
        this.chunks = chunks;
    }

    /** Reads from the folder named by {@code groqj.fixtures} (run.sh sets it to the shared fixtures). */
    public static Fixtures load() {
        String dir = System.getProperty("groqj.fixtures");
        if (dir == null) throw new IllegalStateException("set -Dgroqj.fixtures to the fixtures folder");
        Path recorded = Path.of(dir, "recorded", "vercel-ai");
        try {
            byte[] completion = Files.readAllBytes(recorded.resolve("groq-text.json"));
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(recorded.resolve("groq-text.chunks.txt"), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) lines.add(line);
            }
            return new Fixtures(completion, expand(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> expand(List<String> recorded) {
        List<String> content = recorded.subList(1, recorded.size() - 1);
        List<String> out = new ArrayList<>(STREAM_CHUNKS);
        out.add(recorded.get(0));
        for (int i = 0; out.size() < STREAM_CHUNKS - 1; i++) out.add(content.get(i % content.size()));
        out.add(recorded.get(recorded.size() - 1));
        return List.copyOf(out);
    }

    /**
     * The {@link #PACED_CHUNKS} chunks of a paced stream: the recorded role chunk, content chunks that each carry
     * {@link #PACED_TOKENS_PER_CHUNK} recorded tokens (the recorded content chunk with its content joined), and
     * the recorded last chunk.
     */
    public List<String> pacedChunks() {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> out = new ArrayList<>(PACED_CHUNKS);
        out.add(chunks.get(0));
        try {
            for (int c = 0; c < PACED_CONTENT_CHUNKS; c++) {
                StringBuilder tokens = new StringBuilder();
                for (int t = 0; t < PACED_TOKENS_PER_CHUNK; t++) {
                    String token = mapper.readTree(chunks.get(1 + (c * PACED_TOKENS_PER_CHUNK + t) % (STREAM_CHUNKS - 2)))
                            .path("choices").path(0).path("delta").path("content").asText();
                    tokens.append(token);
                }
                com.fasterxml.jackson.databind.node.ObjectNode chunk =
                        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(chunks.get(1));
                ((com.fasterxml.jackson.databind.node.ObjectNode) chunk.path("choices").path(0).path("delta"))
                        .put("content", tokens.toString());
                out.add(mapper.writeValueAsString(chunk));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.add(chunks.get(chunks.size() - 1));
        return out;
    }

    /** The non-streaming completion body, as Groq sent it. */
    public byte[] completion() {
        return completion.clone();
    }

    /** The {@link #STREAM_CHUNKS} chunk JSON documents, first to last. */
    public List<String> chunks() {
        return chunks;
    }

    /** The whole event stream as the wire carries it (before HTTP chunked framing). */
    public byte[] sseBody() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String chunk : chunks) out.writeBytes(event(chunk));
        out.writeBytes(done());
        return out.toByteArray();
    }

    static byte[] event(String json) {
        return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] done() {
        return "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
    }
}
