package dev.groqj.spring;

import dev.groqj.GroqClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole application, as a user's test would start it: the starter found by its imports file, test mode on. */
@SpringBootTest(classes = DemoApplicationTest.DemoApplication.class, properties = "groq.testkit.enabled=true")
class DemoApplicationTest {
    @SpringBootApplication
    static class DemoApplication {
    }

    @Autowired
    GroqClient client;

    @Test
    void aChatCallIsAnsweredByTheFake() {
        assertThat(client.chat().create(GroqAutoConfigurationTest.hello()).choices().get(0).message().content())
                .isEqualTo("You said: hello");
    }
}
