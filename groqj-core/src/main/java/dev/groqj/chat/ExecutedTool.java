package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

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
        @JsonProperty("code_results") List<JsonNode> codeResults,
        @JsonProperty("browser_results") List<JsonNode> browserResults,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) {

    public ExecutedTool {
        codeResults = Values.list(codeResults == null ? null : Values.copies(codeResults));
        browserResults = Values.list(browserResults == null ? null : Values.copies(browserResults));
        additionalProperties = Values.unknown(additionalProperties);
    }

    /** Copies: changing them changes nothing here. */
    @Override
    public List<JsonNode> codeResults() {
        return Values.copies(codeResults);
    }

    /** Copies: changing them changes nothing here. */
    @Override
    public List<JsonNode> browserResults() {
        return Values.copies(browserResults);
    }

    /** What a search tool found. */
    public record SearchResults(
            List<SearchResult> results,
            List<String> images,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) {
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
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) {
        public SearchResult {
            additionalProperties = Values.unknown(additionalProperties);
        }
    }
}
