package dev.groqj.batches;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.groqj.OpenValue;

import java.util.Objects;

/**
 * Where a batch is in its life: an open value, so a status Groq adds later still parses and round-trips.
 *
 * <pre>{@code
 * while (!batch.status().isTerminal()) batch = client.batches().retrieve(batch.id()); // (with a pause)
 * if (batch.status() == BatchStatus.COMPLETED) { ... }                             // known values are constants
 * }</pre>
 */
public final class BatchStatus extends OpenValue {
    /** The input file is being checked. */
    public static final BatchStatus VALIDATING = new BatchStatus("validating");
    /** The input file failed validation; {@link Batch#errors()} says why. */
    public static final BatchStatus FAILED = new BatchStatus("failed");
    public static final BatchStatus IN_PROGRESS = new BatchStatus("in_progress");
    /** The requests ran; the result files are being written. */
    public static final BatchStatus FINALIZING = new BatchStatus("finalizing");
    /** Done: {@link Batch#outputFileId()} and {@link Batch#errorFileId()} hold the results. */
    public static final BatchStatus COMPLETED = new BatchStatus("completed");
    /** The completion window passed first; finished requests are still in the output file. */
    public static final BatchStatus EXPIRED = new BatchStatus("expired");
    public static final BatchStatus CANCELLING = new BatchStatus("cancelling");
    public static final BatchStatus CANCELLED = new BatchStatus("cancelled");

    private BatchStatus(String value) {
        super(value);
    }

    /** The constant for a known value, else a new instance holding {@code value} as received. */
    @JsonCreator
    public static BatchStatus of(String value) {
        Objects.requireNonNull(value, "value == null");
        switch (value) {
            case "validating": return VALIDATING;
            case "failed": return FAILED;
            case "in_progress": return IN_PROGRESS;
            case "finalizing": return FINALIZING;
            case "completed": return COMPLETED;
            case "expired": return EXPIRED;
            case "cancelling": return CANCELLING;
            case "cancelled": return CANCELLED;
            default: return new BatchStatus(value);
        }
    }

    /** Whether the batch will not change any more: completed, failed, expired or cancelled. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == EXPIRED || this == CANCELLED;
    }
}
