/** A user's module: needs nothing of groqj's but {@code dev.groqj.core}. */
module dev.groqj.example {
    requires dev.groqj.core;
    requires jdk.httpserver; // the stand-in Groq
}
