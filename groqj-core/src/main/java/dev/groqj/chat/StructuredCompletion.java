package dev.groqj.chat;

import java.util.Objects;

/**
 * A chat completion whose answer was parsed into a Java type.
 *
 * <pre>{@code
 * record Weather(String city, double temperature) { }
 * StructuredCompletion<Weather> answer = client.chat().create(request, Weather.class);
 * Weather weather = answer.value();
 * answer.completion().usage().totalTokens();
 * }</pre>
 *
 * @param <T> the type asked for
 */
public final class StructuredCompletion<T> {
    private final T value;
    private final ChatCompletion completion;

    StructuredCompletion(T value, ChatCompletion completion) {
        this.value = Objects.requireNonNull(value, "value == null");
        this.completion = Objects.requireNonNull(completion, "completion == null");
    }

    /** The answer as a {@code T}, never null. */
    public T value() {
        return value;
    }

    /** The whole completion: the raw content, usage, x_groq. */
    public ChatCompletion completion() {
        return completion;
    }

    @Override
    public String toString() {
        return "StructuredCompletion{value=" + value + ", id=" + completion.id() + '}';
    }
}
