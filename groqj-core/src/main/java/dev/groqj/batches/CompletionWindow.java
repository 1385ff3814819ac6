package dev.groqj.batches;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.groqj.OpenValue;

import java.util.Objects;

/**
 * How long Groq may take to run a batch ({@code completion_window}): hours or days from {@code 24h} to {@code 7d}.
 * An open value: any window Groq reports parses, whatever its spelling.
 *
 * <pre>{@code
 * BatchCreateRequest.builder().inputFileId(id).completionWindow(CompletionWindow.ofDays(3)).build();
 * batch.completionWindow().equals(CompletionWindow.HOURS_24);
 * }</pre>
 */
public final class CompletionWindow extends OpenValue {
    /** {@code 24h}, the shortest and the default. */
    public static final CompletionWindow HOURS_24 = new CompletionWindow("24h");
    /** {@code 7d}, the longest. */
    public static final CompletionWindow DAYS_7 = new CompletionWindow("7d");

    private CompletionWindow(String value) {
        super(value);
    }

    /** The constant for a known value, else a new instance holding {@code value} as given; not checked here. */
    @JsonCreator
    public static CompletionWindow of(String value) {
        Objects.requireNonNull(value, "value == null");
        switch (value) {
            case "24h": return HOURS_24;
            case "7d": return DAYS_7;
            default: return new CompletionWindow(value);
        }
    }

    /** {@code hours} as {@code "<hours>h"}; a request checks it is from 24 to 168. */
    public static CompletionWindow ofHours(int hours) {
        return of(hours + "h");
    }

    /** {@code days} as {@code "<days>d"}; a request checks it is from 1 to 7. */
    public static CompletionWindow ofDays(int days) {
        return of(days + "d");
    }
}
