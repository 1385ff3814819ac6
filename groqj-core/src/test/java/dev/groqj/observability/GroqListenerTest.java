package dev.groqj.observability;

import dev.groqj.error.GroqException;
import dev.groqj.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroqListenerTest {
    private final CallInfo call = CallInfo.builder("models.list", "GET", "/models").build();

    private static GroqListener recording(String name, List<String> heard) {
        return new GroqListener() {
            @Override public void callStart(CallInfo c) {
                heard.add(name + " start");
            }

            @Override public void callFailed(CallInfo c, GroqException error, Duration duration) {
                heard.add(name + " failed " + error.getMessage());
            }
        };
    }

    private static GroqListener thrower() {
        return new GroqListener() {
            @Override public void callStart(CallInfo c) {
                throw new IllegalStateException("bug");
            }
        };
    }

    @Test
    void compositeTellsEachListenerInOrder() {
        List<String> heard = new ArrayList<>();
        GroqListener both = GroqListener.composite(List.of(recording("a", heard), recording("b", heard)));

        both.callStart(call);
        both.callFailed(call, new GroqException("boom"), Duration.ZERO);

        assertThat(heard).containsExactly("a start", "b start", "a failed boom", "b failed boom");
    }

    @Test
    void compositeSurvivesAListenerThatThrows() {
        List<String> heard = new ArrayList<>();
        GroqListener both = GroqListener.composite(List.of(thrower(), recording("b", heard)));

        both.callStart(call);

        assertThat(heard).containsExactly("b start");
    }

    @Test
    void compositeOfNoOneIsNoop() {
        assertThat(GroqListener.composite(List.of())).isSameAs(GroqListener.NOOP);
        assertThat(GroqListener.composite(List.of(GroqListener.NOOP, GroqListener.NOOP))).isSameAs(GroqListener.NOOP);
    }

    @Test
    void compositeOfOneCompositeIsThatCompositeAndStillGuards() {
        List<String> heard = new ArrayList<>();
        GroqListener inner = GroqListener.composite(List.of(thrower(), recording("b", heard)));

        GroqListener outer = GroqListener.composite(List.of(inner, GroqListener.NOOP));
        outer.callStart(call);

        assertThat(outer).isSameAs(inner);
        assertThat(heard).containsExactly("b start");
    }

    @Test
    void noopHearsEverythingAndDoesNothing() {
        GroqListener.NOOP.callStart(call);
        GroqListener.NOOP.rateLimitWait(call, Duration.ofSeconds(1), WaitReason.CLIENT_BUDGET);
        GroqListener.NOOP.callEnd(call, null, Duration.ZERO);
        GroqListener.NOOP.circuitStateChanged(CircuitState.CLOSED, CircuitState.OPEN);
    }

    @Test
    void eachCallIsItsOwnIdentity() {
        CallInfo same = call.toBuilder().build();
        assertThat(same).isNotEqualTo(call);
        assertThat(same.id()).isGreaterThan(call.id());
        assertThat(same.operation()).isEqualTo("models.list");
        assertThat(same.method()).isEqualTo("GET");
        assertThat(same.path()).isEqualTo("/models");
        assertThat(same.toString()).contains("models.list").contains("/models");
    }

    @Test
    void callInfoValidatesItsLimits() {
        assertThatThrownBy(() -> CallInfo.builder("chat.create", "POST", "/chat/completions").maxRetries(-1))
                .isInstanceOf(ValidationException.class).extracting("param").isEqualTo("maxRetries");
        assertThatThrownBy(() -> CallInfo.builder("chat.create", "POST", "/chat/completions").deadline(Duration.ZERO))
                .isInstanceOf(ValidationException.class).extracting("param").isEqualTo("deadline");
        assertThatThrownBy(() -> CallInfo.builder(null, "POST", "/x")).hasMessage("operation == null");
    }

    @Test
    void tokenUsageTotalsPromptAndCompletion() {
        assertThat(TokenUsage.of(10, 32).totalTokens()).isEqualTo(42);
        assertThatThrownBy(() -> TokenUsage.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
