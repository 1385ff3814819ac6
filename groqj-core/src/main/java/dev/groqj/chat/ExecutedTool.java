package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * A tool that Groq ran on the server for a compound system (web search, code execution, browsing).
 *
 * <pre>{@code
 * for (ExecutedTool tool : completion.choices().get(0).message().executedTools()) {
 *     tool.type();        // "search"
 *     tool.arguments();   // {"query": "..."}
 *     tool.searchResults().results().get(0).url();
 * }
 * }</pre>
 *
 * <p>Code and browser results are kept as JSON, in the shape of the API's {@code CodeExecutionResult} and
 * {@code BrowserResult}.
 */
public record ExecutedTool(
        int index,
        String type,
        String arguments,
        String output,
        @JsonProperty("search_results") SearchResults searchResults,
        @JsonProperty("code_results") List<JsonValue> codeResults,
        @JsonProperty("browser_results") List<JsonValue> browserResults,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public ExecutedTool {
        codeResults = Values.list(codeResults);
        browserResults = Values.list(browserResults);
        additionalProperties = Values.unknown(additionalProperties);
    }

    /** What a search tool found. */
    public record SearchResults(
            List<SearchResult> results,
            List<String> images,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public SearchResults {
            results = Values.list(results);
            images = Values.list(images);
            additionalProperties = Values.unknown(additionalProperties);
        }
    }

    /** One search hit; {@code score} is null when absent. */
    public record SearchResult(
            String title,
            String url,
            String content,
            Double score,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public SearchResult {
            additionalProperties = Values.unknown(additionalProperties);
        }
    }
}
