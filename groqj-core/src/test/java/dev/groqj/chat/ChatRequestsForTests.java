package dev.groqj.chat;

/** Package-private parts of ChatRequest for tests in other packages. */
public final class ChatRequestsForTests {
    private ChatRequestsForTests() {
    }

    /** The copy {@code chat().stream(request)} sends. */
    public static ChatRequest streaming(ChatRequest request) {
        return request.streaming();
    }
}
