package dev.groqj.internal;

import dev.groqj.RequestOptions;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.transport.HttpResponse;
import dev.groqj.transport.RequestBody;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One API operation, declared once: its name for listeners, method, path, request body, per-operation option rules
 * and how a whole answer is decoded. {@link ApiClient} gives every form (blocking, async, with response, streamed,
 * downloaded) from this one declaration. Immutable; services hold them as constants. Not API.
 *
 * <pre>{@code
 * static final Operation<String, Model> RETRIEVE =
 *         Operation.<String>get("models.retrieve", id -> "/models/" + ApiClient.segment("id", id)).returning(Model.class);
 * }</pre>
 *
 * @param <Q> what a call passes (a request value, an id, or {@code Void})
 * @param <R> the decoded answer
 */
public final class Operation<Q, R> {
    /** Adds what a request says about itself (model, estimated tokens) to its call's description. */
    @FunctionalInterface
    public interface Annotator<Q> {
        void annotate(Q request, RequestBody body, CallInfo.Builder call);
    }

    private final Shape<Q> shape;
    private final BiFunction<? super Q, HttpResponse, ? extends R> decoder;
    private final Function<? super R, ResponseInfo> describe;

    private Operation(Shape<Q> shape, BiFunction<? super Q, HttpResponse, ? extends R> decoder,
                      Function<? super R, ResponseInfo> describe) {
        this.shape = shape;
        this.decoder = decoder;
        this.describe = describe;
    }

    public static <Q> Shape<Q> get(String name, Function<? super Q, String> path) {
        return new Shape<>(name, "GET", path, null, (q, o) -> o, (q, b, c) -> { }, false);
    }

    public static <Q> Shape<Q> post(String name, Function<? super Q, String> path) {
        return new Shape<>(name, "POST", path, null, (q, o) -> o, (q, b, c) -> { }, false);
    }

    public static <Q> Shape<Q> delete(String name, Function<? super Q, String> path) {
        return new Shape<>(name, "DELETE", path, null, (q, o) -> o, (q, b, c) -> { }, false);
    }

    /** This operation, telling listeners and budgets what each answer says about itself (usage, id, model). */
    public Operation<Q, R> describedBy(Function<? super R, ResponseInfo> describe) {
        return new Operation<>(shape, decoder, Objects.requireNonNull(describe, "describe == null"));
    }

    public String name() {
        return shape.name;
    }

    /** The HTTP method, for tools that map operations to the API description. */
    public String method() {
        return shape.method;
    }

    /** The path a call with {@code request} goes to, under the base URL or, if {@link #atApiRoot()}, the root. */
    public String path(Q request) {
        return shape.path.apply(request);
    }

    public boolean atApiRoot() {
        return shape.atRoot;
    }

    /** What one call of this operation sends: the request is read once, here. */
    Call<R> prepare(Q request, RequestOptions options) {
        String path = shape.path.apply(request);
        if (shape.body != null) Objects.requireNonNull(request, "request == null");
        RequestBody body = shape.body == null ? null : shape.body.apply(request);
        CallInfo.Builder call = CallInfo.builder(shape.name, shape.method, path);
        shape.annotator.annotate(request, body, call);
        RequestOptions o = shape.options.apply(request, options == null ? RequestOptions.DEFAULT : options);
        return new Call<>(call, body, o, shape.atRoot, response -> decoder.apply(request, response), describe);
    }

    /**
     * One prepared call: its description, body and options, whether its path is under the API root rather than the
     * base URL, and how its answer is decoded.
     */
    record Call<R>(CallInfo.Builder info, RequestBody body, RequestOptions options, boolean atRoot,
                   Function<HttpResponse, ? extends R> decode, Function<? super R, ResponseInfo> describe) {
    }

    /** An operation's request side, before its answer type is named with {@code returning}. */
    public static final class Shape<Q> {
        private final String name;
        private final String method;
        private final Function<? super Q, String> path;
        private final Function<? super Q, RequestBody> body;
        private final BiFunction<? super Q, RequestOptions, RequestOptions> options;
        private final Annotator<? super Q> annotator;
        private final boolean atRoot;

        private Shape(String name, String method, Function<? super Q, String> path,
                      Function<? super Q, RequestBody> body,
                      BiFunction<? super Q, RequestOptions, RequestOptions> options, Annotator<? super Q> annotator,
                      boolean atRoot) {
            this.name = Objects.requireNonNull(name, "name == null");
            this.method = method;
            this.path = Objects.requireNonNull(path, "path == null");
            this.body = body;
            this.options = options;
            this.annotator = annotator;
            this.atRoot = atRoot;
        }

        /** The request written as JSON; {@code request -> request} for a request value. */
        public Shape<Q> json(Function<? super Q, ?> value) {
            return body(q -> RequestBody.json(Json.write(value.apply(q))));
        }

        /** A body of its own kind (multipart, or an empty JSON body). */
        public Shape<Q> body(Function<? super Q, RequestBody> body) {
            return new Shape<>(name, method, path, body, options, annotator, atRoot);
        }

        /** A rule the operation applies to every call's options (an Accept header, no retries for a one-shot upload). */
        public Shape<Q> options(BiFunction<? super Q, RequestOptions, RequestOptions> rule) {
            return new Shape<>(name, method, path, body, rule, annotator, atRoot);
        }

        public Shape<Q> annotate(Annotator<? super Q> annotator) {
            return new Shape<>(name, method, path, body, options, annotator, atRoot);
        }

        /**
         * The path is under the API root, not the base URL: Groq serves fine-tunings at {@code /v1/fine_tunings}
         * beside {@code /openai/v1}. The root is the base URL without its {@code /openai/v1} ending.
         */
        public Shape<Q> atApiRoot() {
            return new Shape<>(name, method, path, body, options, annotator, true);
        }

        /** Answers decoded from JSON as {@code type}. */
        public <R> Operation<Q, R> returning(Class<R> type) {
            return returning((q, response) -> Json.decode(response, type));
        }

        /** Answers decoded by {@code decoder}, which may read the request (the format it asked for). */
        public <R> Operation<Q, R> returning(BiFunction<? super Q, HttpResponse, ? extends R> decoder) {
            return new Operation<>(this, Objects.requireNonNull(decoder, "decoder == null"), r -> null);
        }

        /** Answers kept as their bytes (audio, a file's content). */
        public Operation<Q, byte[]> returningBytes() {
            return returning((q, response) -> response.body());
        }
    }
}
