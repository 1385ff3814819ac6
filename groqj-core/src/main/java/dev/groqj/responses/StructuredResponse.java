package dev.groqj.responses;

import java.util.Objects;

/**
 * A response whose text was parsed into a Java type: what {@code client.responses().create(request, Type.class)}
 * returns.
 *
 * <pre>{@code
 * record Weather(String city, double celsius) { }
 * StructuredResponse<Weather> answer = client.responses().create(request, Weather.class);
 * Weather weather = answer.value();
 * answer.response().usage().totalTokens();
 * }</pre>
 *
 * @param <T> the type asked for
 */
public final class StructuredResponse<T> {
    private final T value;
    private final Response response;

    StructuredResponse(T value, Response response) {
        this.value = Objects.requireNonNull(value, "value == null");
        this.response = Objects.requireNonNull(response, "response == null");
    }

    /** The answer as a {@code T}, never null. */
    public T value() {
        return value;
    }

    /** The whole response: the raw text, reasoning, usage. */
    public Response response() {
        return response;
    }

    @Override
    public String toString() {
        return "StructuredResponse{value=" + value + ", id=" + response.id() + '}';
    }
}
