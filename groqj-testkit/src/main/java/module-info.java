/** {@code FakeGroqServer}: a Groq that runs on loopback, for tests. */
module dev.groqj.testkit {
    exports dev.groqj.testkit;

    requires transitive dev.groqj.core;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    // only FakeGroqServerExtension needs it; its users bring JUnit
    requires static org.junit.jupiter.api;
}
