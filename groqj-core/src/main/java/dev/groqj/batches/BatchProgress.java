package dev.groqj.batches;

import java.util.List;

/**
 * Where a {@link BatchJob} stands after a poll: every batch as Groq last described it, and their request counts
 * summed. Handed to the job's progress listener after each poll.
 *
 * <pre>{@code
 * BatchJob.builder(client).progressListener(p ->
 *         System.out.printf("%d/%d done, %d failed%n", p.completed() + p.failed(), p.total(), p.failed()));
 * }</pre>
 *
 * @param batches the job's batches, resubmissions last
 * @param total the requests of all batches (0 for a batch still validating)
 * @param completed the requests that succeeded so far
 * @param failed the requests that failed so far
 */
public record BatchProgress(List<Batch> batches, long total, long completed, long failed) {
    public BatchProgress {
        batches = List.copyOf(batches);
    }

    static BatchProgress of(List<Batch> batches) {
        long total = 0;
        long completed = 0;
        long failed = 0;
        for (Batch b : batches) {
            if (b.requestCounts() == null) continue;
            total += b.requestCounts().total();
            completed += b.requestCounts().completed();
            failed += b.requestCounts().failed();
        }
        return new BatchProgress(batches, total, completed, failed);
    }

    /** Whether every batch reached a status it will not leave. */
    public boolean isDone() {
        return batches.stream().allMatch(b -> b.status().isTerminal());
    }

    /** The share of requests that ran, from 0 to 1; 0 while no batch knows its size yet. */
    public double fraction() {
        return total == 0 ? 0 : Math.min(1, (completed + failed) / (double) total);
    }

    /** The batches' ids, to keep somewhere so {@link BatchJob#resume} can pick the job up after a restart. */
    public List<String> batchIds() {
        return batches.stream().map(Batch::id).toList();
    }
}
