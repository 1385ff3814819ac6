package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Objects;

/**
 * Where a web search tool looks ({@code search_settings}), for compound models and browser search.
 *
 * <pre>{@code
 * builder.searchSettings(SearchSettings.builder()
 *         .includeDomains(List.of("*.gov", "wikipedia.org"))
 *         .country("germany")
 *         .build());
 * }</pre>
 */
public final class SearchSettings {
    @JsonProperty("include_domains")
    private final List<String> includeDomains;
    @JsonProperty("exclude_domains")
    private final List<String> excludeDomains;
    @JsonProperty("include_images")
    private final Boolean includeImages;
    @JsonProperty("country")
    private final String country;

    private SearchSettings(Builder b) {
        this.includeDomains = b.includeDomains;
        this.excludeDomains = b.excludeDomains;
        this.includeImages = b.includeImages;
        this.country = b.country;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.includeDomains = includeDomains;
        b.excludeDomains = excludeDomains;
        b.includeImages = includeImages;
        b.country = country;
        return b;
    }

    /** Only these domains (wildcards like {@code *.gov} allowed), or null. */
    public List<String> includeDomains() {
        return includeDomains;
    }

    /** Never these domains, or null. */
    public List<String> excludeDomains() {
        return excludeDomains;
    }

    public Boolean includeImages() {
        return includeImages;
    }

    /** The country whose results come first, e.g. {@code "united states"}, or null. */
    public String country() {
        return country;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SearchSettings)) return false;
        SearchSettings that = (SearchSettings) o;
        return Objects.equals(includeDomains, that.includeDomains) && Objects.equals(excludeDomains, that.excludeDomains)
                && Objects.equals(includeImages, that.includeImages) && Objects.equals(country, that.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(includeDomains, excludeDomains, includeImages, country);
    }

    @Override
    public String toString() {
        return "SearchSettings{includeDomains=" + includeDomains + ", excludeDomains=" + excludeDomains
                + ", includeImages=" + includeImages + ", country=" + country + '}';
    }

    /** Every setting is optional; null leaves it to Groq. */
    public static final class Builder {
        private List<String> includeDomains;
        private List<String> excludeDomains;
        private Boolean includeImages;
        private String country;

        private Builder() {
        }

        public Builder includeDomains(List<String> domains) {
            this.includeDomains = domains == null ? null : List.copyOf(domains);
            return this;
        }

        public Builder excludeDomains(List<String> domains) {
            this.excludeDomains = domains == null ? null : List.copyOf(domains);
            return this;
        }

        public Builder includeImages(Boolean includeImages) {
            this.includeImages = includeImages;
            return this;
        }

        public Builder country(String country) {
            this.country = country;
            return this;
        }

        public SearchSettings build() {
            return new SearchSettings(this);
        }
    }
}
