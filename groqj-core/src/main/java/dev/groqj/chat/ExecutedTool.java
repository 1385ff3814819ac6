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
 * <p>Code results carry the text, a PNG and charts a run drew ({@link CodeResult}); browser results the pages a
 * browsing tool visited ({@link BrowserResult}).
 */
public record ExecutedTool(
        int index,
        String type,
        String arguments,
        String output,
        @JsonProperty("search_results") SearchResults searchResults,
        @JsonProperty("code_results") List<CodeResult> codeResults,
        @JsonProperty("browser_results") List<BrowserResult> browserResults,
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

    /**
     * What a code run produced ({@code CodeExecutionResult}): its text output, a base64 PNG, and the charts it drew
     * ({@link #chart()} for one, {@link #charts()} for the parts of a superchart); absent fields read as null or
     * empty.
     */
    public record CodeResult(
            String text,
            String png,
            Chart chart,
            List<Chart> charts,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public CodeResult {
            charts = Values.list(charts);
            additionalProperties = Values.unknown(additionalProperties);
        }
    }

    /** A chart drawn by code execution: its kind ({@code bar}, {@code line}, {@code pie}, ...), axes and elements. */
    public record Chart(
            String type,
            String title,
            @JsonProperty("x_label") String xLabel,
            @JsonProperty("y_label") String yLabel,
            @JsonProperty("x_unit") String xUnit,
            @JsonProperty("y_unit") String yUnit,
            @JsonProperty("x_ticks") List<Double> xTicks,
            @JsonProperty("y_ticks") List<Double> yTicks,
            @JsonProperty("x_tick_labels") List<String> xTickLabels,
            @JsonProperty("y_tick_labels") List<String> yTickLabels,
            @JsonProperty("x_scale") String xScale,
            @JsonProperty("y_scale") String yScale,
            List<ChartElement> elements,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public Chart {
            xTicks = Values.list(xTicks);
            yTicks = Values.list(yTicks);
            xTickLabels = Values.list(xTickLabels);
            yTickLabels = Values.list(yTickLabels);
            elements = Values.list(elements);
            additionalProperties = Values.unknown(additionalProperties);
        }
    }

    /**
     * One element of a {@link Chart}: a bar's value, a series' points, a slice's angle and radius, or a box plot's
     * quartiles, by the chart's kind; numbers the kind does not use are null.
     */
    public record ChartElement(
            String label,
            String group,
            Double value,
            List<List<Double>> points,
            Double angle,
            Double radius,
            Double min,
            @JsonProperty("first_quartile") Double firstQuartile,
            Double median,
            @JsonProperty("third_quartile") Double thirdQuartile,
            Double max,
            List<Double> outliers,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public ChartElement {
            points = points == null ? List.of() : points.stream().map(Values::list).toList();
            outliers = Values.list(outliers);
            additionalProperties = Values.unknown(additionalProperties);
        }
    }

    /** A page a browsing tool visited ({@code BrowserResult}). */
    public record BrowserResult(
            String url,
            String title,
            @JsonProperty("live_view_url") String liveViewUrl,
            String content,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public BrowserResult {
            additionalProperties = Values.unknown(additionalProperties);
        }
    }
}
