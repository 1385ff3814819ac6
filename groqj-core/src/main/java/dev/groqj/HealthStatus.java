package dev.groqj;

/**
 * The result of {@link GroqClient#healthCheck()}: whether Groq answered a models listing, how fast, and if
 * not, why.
 */
public record HealthStatus(boolean healthy, long latencyMs, String message) {
}
