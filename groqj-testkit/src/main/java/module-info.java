/** {@code FakeGroqServer}: a Groq that runs on loopback, for tests. */
module dev.groqj.testkit {
    exports dev.groqj.testkit;

    requires transitive dev.groqj.core;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    // FakeGroqServerExtension's API. Optional and not transitive: its users require JUnit themselves, and
    // modules that use only FakeGroqServer (the CLI) compile without it.
    requires static org.junit.jupiter.api;
}
