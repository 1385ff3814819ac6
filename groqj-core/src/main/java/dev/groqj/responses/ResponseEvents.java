package dev.groqj.responses;

import dev.groqj.internal.EventDecoder;
import dev.groqj.internal.Json;
import dev.groqj.internal.sse.SseEvent;
import dev.groqj.observability.ResponseInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the events of a response stream mean: each is a {@link ResponseEvent}, folded in here for the partial text
 * of a failure, the listeners at the end and {@link ResponseStream#accumulate()}. {@code response.failed} says
 * Groq stopped the stream. The reading, ending and failing are the shared stream engine's, so the blocking
 * {@link ResponseStream} and the async publisher behave alike.
 *
 * <p>Not thread safe: one stream, read in order.
 */
final class ResponseEvents implements EventDecoder<ResponseEvent> {
    /** The last snapshot: from {@code created} and {@code in_progress}, replaced by the final one. */
    private Response snapshot;
    private boolean whole;
    /** Output items by index, as added and then done, for a stream that ends without a final response. */
    private final Map<Integer, ResponseOutputItem> items = new TreeMap<>();
    /** The text of each message still growing, by output index. */
    private final Map<Integer, StringBuilder> texts = new TreeMap<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();

    @Override
    public ResponseEvent decode(SseEvent event) {
        ResponseEvent e = Json.read(event.utf8(), ResponseEvent.class);
        add(e);
        return e;
    }

    void add(ResponseEvent event) {
        if (event instanceof ResponseEvent.Created e) update(e.response(), false);
        else if (event instanceof ResponseEvent.InProgress e) update(e.response(), false);
        else if (event instanceof ResponseEvent.Completed e) update(e.response(), true);
        else if (event instanceof ResponseEvent.Failed e) update(e.response(), true);
        else if (event instanceof ResponseEvent.Incomplete e) update(e.response(), true);
        else if (event instanceof ResponseEvent.OutputItemAdded e) items.put(e.outputIndex(), e.item());
        else if (event instanceof ResponseEvent.OutputItemDone e) {
            items.put(e.outputIndex(), e.item());
            texts.remove(e.outputIndex());
        } else if (event instanceof ResponseEvent.OutputTextDelta e) {
            text.append(e.delta());
            texts.computeIfAbsent(e.outputIndex(), i -> new StringBuilder()).append(e.delta());
        } else if (event instanceof ResponseEvent.ReasoningTextDelta e) {
            reasoning.append(e.delta());
        }
    }

    private void update(Response response, boolean last) {
        if (response == null) return;
        snapshot = response;
        whole = last;
    }

    /** Parse only what might be an error: a chunk of text that mentions "error" is escaped, so not matched. */
    @Override
    public boolean mayBeError(SseEvent event) {
        return event.startsWith("{\"error\"") || event.contains("\"type\":\"error\"")
                || event.contains("\"type\": \"error\"");
    }

    @Override
    public String stopReason(ResponseEvent event) {
        if (!(event instanceof ResponseEvent.Failed failed)) return null;
        Response.Error error = failed.response() == null ? null : failed.response().error();
        return error == null ? "response.failed" : "response.failed: " + error.code() + ": " + error.message();
    }

    @Override
    public ResponseInfo ended() {
        Response r = response();
        return r == null ? null : ResponsesService.describe(r);
    }

    @Override
    public String content() {
        return text.toString();
    }

    @Override
    public String reasoning() {
        return reasoning.toString();
    }

    /**
     * The response the events so far make: the final one when it came, else the last snapshot with the items
     * seen (a message still growing holds its text so far); null before {@code response.created}.
     */
    Response response() {
        if (snapshot == null || whole) return snapshot;
        List<ResponseOutputItem> output = new ArrayList<>(items.size());
        items.forEach((index, item) -> {
            StringBuilder growing = texts.get(index);
            if (growing != null && item instanceof ResponseOutputItem.Message m) {
                item = new ResponseOutputItem.Message(m.type(), m.id(), m.status(), m.role(),
                        List.of(new ResponseOutputItem.OutputContent(ResponseOutputItem.OutputContent.OUTPUT_TEXT,
                                growing.toString(), List.of(), null, Map.of())), m.additionalProperties());
            }
            output.add(item);
        });
        return snapshot.withOutput(output);
    }
}
