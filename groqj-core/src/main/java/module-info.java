/**
 * The Groq client. Exports the API packages; {@code dev.groqj.internal} is the implementation.
 */
module dev.groqj.core {
    exports dev.groqj;
    exports dev.groqj.audio;
    exports dev.groqj.auth;
    exports dev.groqj.batches;
    exports dev.groqj.chat;
    exports dev.groqj.embeddings;
    exports dev.groqj.error;
    exports dev.groqj.files;
    exports dev.groqj.finetunings;
    exports dev.groqj.models;
    exports dev.groqj.reranking;
    exports dev.groqj.observability;
    exports dev.groqj.resilience;
    exports dev.groqj.responses;
    exports dev.groqj.transport;
    // groqj-redis wraps its Redis-backed Bucket4j buckets as the local ones are (Bucket4jBudgetBucket).
    exports dev.groqj.internal.resilience to dev.groqj.redis;

    // Jackson maps the wire records of these packages by reflection.
    opens dev.groqj to com.fasterxml.jackson.databind;
    opens dev.groqj.audio to com.fasterxml.jackson.databind;
    opens dev.groqj.batches to com.fasterxml.jackson.databind;
    opens dev.groqj.chat to com.fasterxml.jackson.databind;
    opens dev.groqj.embeddings to com.fasterxml.jackson.databind;
    opens dev.groqj.error to com.fasterxml.jackson.databind; // DebugData
    opens dev.groqj.files to com.fasterxml.jackson.databind;
    opens dev.groqj.finetunings to com.fasterxml.jackson.databind;
    opens dev.groqj.models to com.fasterxml.jackson.databind;
    opens dev.groqj.responses to com.fasterxml.jackson.databind;
    opens dev.groqj.reranking to com.fasterxml.jackson.databind;

    // Named in the API: JdkHttpTransport(HttpClient); CircuitBreaker, an injection point.
    requires transitive java.net.http;
    requires transitive io.github.resilience4j.circuitbreaker;
    // Jackson is an implementation detail: no API signature names it (free-form JSON is JsonValue).
    requires com.fasterxml.jackson.databind;
    requires io.github.resilience4j.core; // the breaker's event consumer type
    requires org.slf4j;
    requires io.github.bucket4j.core;
    // JSON schemas from Java types (structured outputs, tools)
    requires com.github.victools.jsonschema.generator;
    requires com.github.victools.jsonschema.module.jackson;
    requires com.fasterxml.classmate;
    requires com.fasterxml.jackson.datatype.jdk8;
    // ApacheHttpTransport only; present when the application adds httpclient5
    requires static org.apache.httpcomponents.client5.httpclient5;
    requires static org.apache.httpcomponents.core5.httpcore5;
}
