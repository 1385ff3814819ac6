/** {@code FakeGroqServer}: a Groq that runs on loopback, for tests. */
module dev.groqj.testkit {
    exports dev.groqj.testkit;

    requires transitive dev.groqj.core;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    // FakeGroqServerExtension's API; optional: its users bring JUnit
    requires static transitive org.junit.jupiter.api;
}
