/** A user's module: needs nothing of groqj's but {@code dev.groqj.core}. */
module dev.groqj.example {
    requires dev.groqj.core;
    requires jdk.httpserver; // the stand-in Groq
    exports dev.groqj.example; // its record is read by groqj (Jackson), as a typed answer's type must be
}
