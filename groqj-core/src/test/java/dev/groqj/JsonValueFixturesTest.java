package dev.groqj;

import dev.groqj.Fixtures.Interaction;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every JSON body of the recorded traffic survives parse, toJson and parse again, with nothing changed. */
class JsonValueFixturesTest {

    /** Per file: request and response bodies, SSE data payloads, or the lines of a chunks.txt file. */
    static Stream<Named<List<String>>> recordedBodies() {
        try {
            Fixtures.root();
        } catch (IllegalStateException e) {
            Assumptions.abort("skipped, the recorded fixtures are not here: " + e.getMessage());
        }
        List<Named<List<String>>> files = new ArrayList<>();
        for (String cassette : Fixtures.cassettes()) {
            List<String> bodies = new ArrayList<>();
            for (Interaction call : Fixtures.cassette(cassette)) {
                if (isJson(call.requestBody())) bodies.add(call.requestBody());
                if (call.isStream()) bodies.addAll(ssePayloads(call.responseText()));
                else if (isJson(call.responseText())) bodies.add(call.responseText());
            }
            files.add(Named.of(cassette, bodies));
        }
        for (String file : Fixtures.list("recorded", ".json")) files.add(Named.of(file, List.of(Fixtures.read(file))));
        for (String file : Fixtures.list("recorded", ".chunks.txt")) {
            files.add(Named.of(file, Fixtures.read(file).lines().filter(l -> !l.isBlank()).collect(Collectors.toList())));
        }
        return files.stream();
    }

    private static boolean isJson(String body) {
        return body != null && (body.startsWith("{") || body.startsWith("["));
    }

    private static List<String> ssePayloads(String body) {
        return body.lines().filter(line -> line.startsWith("data:"))
                .map(line -> line.substring("data:".length()).trim())
                .filter(data -> !data.equals("[DONE]"))
                .collect(Collectors.toList());
    }

    @ParameterizedTest
    @MethodSource("recordedBodies")
    void recordedBodiesRoundTrip(List<String> bodies) {
        assertThat(bodies).isNotEmpty();
        for (String body : bodies) {
            JsonValue parsed = JsonValue.parse(body);
            String printed = parsed.toJson();

            assertThat(JsonValue.parse(printed)).isEqualTo(parsed);
            assertThat(JsonValue.parse(printed).toJson()).isEqualTo(printed);
            // read by Jackson on its own, so that nothing dropped or altered by both parse and toJson goes unseen
            assertThat(Json.tree(printed)).isEqualTo(Json.tree(body));
        }
    }
}
