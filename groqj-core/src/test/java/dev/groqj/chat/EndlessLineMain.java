package dev.groqj.chat;

import dev.groqj.ChildJvm;
import dev.groqj.GroqClient;
import dev.groqj.error.StreamException;

import java.util.concurrent.CompletionException;

/**
 * Run by {@link EndlessLineHeapTest} in a JVM with a small heap: reads two streams from the server at
 * {@code args[0]}, blocking then async, and prints what each failed with and how much heap it ever used.
 */
public final class EndlessLineMain {
    private EndlessLineMain() {
    }

    public static void main(String[] args) {
        ChatRequest request = ChatRequest.builder().model("m").addMessage(Message.user("Hi")).build();
        try (GroqClient client = GroqClient.builder().apiKey("gsk_test_abcdefghijklmnop1234").baseUrl(args[0])
                .maxRetries(0).build()) {
            String blocking = failure(() -> client.chat().stream(request).accumulate());
            String async = failure(() -> client.async().chat().stream(request, new ChatStreamHandler() { }).join());
            System.out.println("blocking=" + blocking + " async=" + async
                    + " maxHeap=" + Runtime.getRuntime().maxMemory() + " peakHeap=" + ChildJvm.peakHeap());
        }
    }

    /** The cause of the StreamException {@code read} ends in, by class name; "none" when it does not fail. */
    private static String failure(Runnable read) {
        try {
            read.run();
            return "none";
        } catch (CompletionException | StreamException e) {
            Throwable stream = e instanceof CompletionException ? e.getCause() : e;
            return stream.getClass().getSimpleName() + "/" + stream.getCause().getClass().getSimpleName();
        }
    }
}
