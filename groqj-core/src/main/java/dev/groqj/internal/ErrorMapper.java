package dev.groqj.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.error.ApiException;
import dev.groqj.error.ApiException.ErrorDetails;
import dev.groqj.error.DebugData;
import dev.groqj.error.AuthenticationException;
import dev.groqj.error.BadRequestException;
import dev.groqj.error.ToolUseFailedException;
import dev.groqj.error.CapacityExceededException;
import dev.groqj.error.NotFoundException;
import dev.groqj.error.PermissionDeniedException;
import dev.groqj.error.RateLimitException;
import dev.groqj.error.RequestTooLargeException;
import dev.groqj.error.ServerException;
import dev.groqj.error.UnprocessableEntityException;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.internal.resilience.RetryAfter;
import dev.groqj.transport.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;

/** Turns an HTTP error answer into the matching {@link ApiException}. Not API. */
public final class ErrorMapper {
    static final int MAX_MESSAGE_CHARS = 300;

    private ErrorMapper() {
    }

    public static ApiException map(int status, Headers headers, byte[] body, RateLimitStatus limits, Clock clock) {
        ErrorDetails d = status >= 300 && status < 400 ? redirect(status, headers, body) : details(status, headers, body);
        switch (status) {
            case 400: return "tool_use_failed".equals(d.code()) ? new ToolUseFailedException(d) : new BadRequestException(d);
            case 401: return new AuthenticationException(d);
            case 403: return new PermissionDeniedException(d);
            case 404: return new NotFoundException(d);
            case 413: return new RequestTooLargeException(d);
            case 422: return new UnprocessableEntityException(d);
            case 429: return new RateLimitException(d, RetryAfter.from(headers, clock).orElse(null), limits);
            case 498: return new CapacityExceededException(d);
            default: return status >= 500 && status <= 599 ? new ServerException(d) : new ApiException(d);
        }
    }

    /** A redirect is never followed (the key would go along to wherever it points): its details say so. */
    private static ErrorDetails redirect(int status, Headers headers, byte[] body) {
        ErrorDetails d = details(status, headers, body);
        String location = headers.firstOrNull("location");
        String message = "redirect to " + (location == null ? "(no Location)" : location)
                + " not followed: groqj sends requests, and the API key, only to the configured base URL";
        return new ErrorDetails(status, message, d.type(), d.code(), d.param(), d.failedGeneration(), d.requestId(),
                d.rawBody(), headers, d.schemaPath(), d.schemaPathSegments(), d.schemaKind(), d.schemaCode(), d.debug());
    }

    /** Parses Groq's {@code {"error":{message,type,code,param,failed_generation}}}; a body of another shape is kept raw. */
    public static ErrorDetails details(int status, Headers headers, byte[] body) {
        String raw = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String requestId = headers.firstOrNull("x-request-id");
        JsonNode error = errorNode(raw);
        if (error == null) {
            return new ErrorDetails(status, plainMessage(status, raw), null, null, null, null, requestId, raw, headers);
        }
        return fromError(status, error, requestId, raw, headers);
    }

    /** The details of Groq's {@code error} object, of an answer or of an error event in a stream. */
    public static ErrorDetails fromError(int status, JsonNode error, String requestId, String raw, Headers headers) {
        JsonNode segments = error.get("schema_path_segments");
        List<String> segmentList = null;
        if (segments != null && segments.isArray()) {
            segmentList = new ArrayList<>();
            for (JsonNode segment : segments) segmentList.add(segment.asText());
        }
        return new ErrorDetails(status, text(error, "message"), text(error, "type"), text(error, "code"),
                text(error, "param"), text(error, "failed_generation"), requestId, raw, headers,
                text(error, "schema_path"), segmentList, text(error, "schema_kind"), text(error, "schema_code"),
                debug(error.get("debug")));
    }

    /** Debug data that is not Groq's shape is left out rather than failing the error's mapping. */
    private static DebugData debug(JsonNode debug) {
        if (debug == null || !debug.isObject()) return null;
        try {
            return Json.MAPPER.treeToValue(debug, DebugData.class);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code error} object of a Groq error body (also the data of an in-stream error event), or null. */
    public static JsonNode errorNode(String raw) {
        String trimmed = raw.trim();
        if (!trimmed.startsWith("{")) return null;
        try {
            JsonNode root = Json.MAPPER.readTree(trimmed);
            JsonNode error = root.get("error");
            if (error != null && error.isObject()) return error;
            if (error != null && error.isTextual()) return Json.MAPPER.createObjectNode().put("message", error.asText());
            return root.has("message") ? root : null;
        } catch (IOException e) {
            return null;
        }
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /**
     * A readable line from a body that is not Groq's JSON (an HTML page from a proxy, say): tags dropped, script
     * and style elements dropped whole, whitespace collapsed, cut at {@link #MAX_MESSAGE_CHARS}. One pass, linear in
     * the body whatever its tags: a regex over a hostile page of unclosed tags was quadratic (seconds per 64 KB).
     */
    static String plainMessage(int status, String raw) {
        StringBuilder text = new StringBuilder();
        boolean tagsClose = true; // false once no '>' is left: every later '<' is then text
        boolean scriptsClose = true;
        boolean stylesClose = true;
        int i = 0;
        while (i < raw.length() && text.length() <= MAX_MESSAGE_CHARS) {
            char c = raw.charAt(i);
            int tagEnd = c == '<' && tagsClose ? raw.indexOf('>', i) : -1;
            if (c == '<' && tagsClose && tagEnd < 0) tagsClose = false;
            if (tagEnd < 0) {
                appendCollapsed(text, Character.isWhitespace(c) ? ' ' : c);
                i++;
                continue;
            }
            int elementEnd = -1;
            if (scriptsClose && opens(raw, i, "script")) {
                elementEnd = closingTagEnd(raw, tagEnd, "</script");
                scriptsClose = elementEnd >= 0;
            } else if (stylesClose && opens(raw, i, "style")) {
                elementEnd = closingTagEnd(raw, tagEnd, "</style");
                stylesClose = elementEnd >= 0;
            }
            appendCollapsed(text, ' ');
            i = (elementEnd >= 0 ? elementEnd : tagEnd) + 1;
        }
        String line = text.toString().trim();
        if (line.isEmpty()) return "HTTP " + status + " with an empty body";
        return line.length() > MAX_MESSAGE_CHARS ? line.substring(0, MAX_MESSAGE_CHARS) + "…" : line;
    }

    private static void appendCollapsed(StringBuilder text, char c) {
        if (c != ' ' || (text.length() > 0 && text.charAt(text.length() - 1) != ' ')) text.append(c);
    }

    /** Whether the tag at {@code at} ({@code '<'}) opens element {@code name}, in any case. */
    private static boolean opens(String raw, int at, String name) {
        int after = at + 1 + name.length();
        return raw.regionMatches(true, at + 1, name, 0, name.length())
                && after < raw.length() && (raw.charAt(after) == '>' || Character.isWhitespace(raw.charAt(after)));
    }

    /** The index of the {@code '>'} ending the first {@code closing} tag after {@code from}, or -1 when none does. */
    private static int closingTagEnd(String raw, int from, String closing) {
        for (int i = raw.indexOf('<', from); i >= 0; i = raw.indexOf('<', i + 1)) {
            if (raw.regionMatches(true, i, closing, 0, closing.length())) return raw.indexOf('>', i);
        }
        return -1;
    }
}
