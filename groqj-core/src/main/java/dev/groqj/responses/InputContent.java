package dev.groqj.responses;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.groqj.JsonValue;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One part of an input message: text ({@code input_text}) or an image ({@code input_image}) by URL or inline bytes.
 *
 * <pre>{@code
 * ResponseInputItem.user(List.of(
 *         InputContent.text("What is in this picture?"),
 *         InputContent.imageUrl("https://example.com/cat.png", InputContent.Detail.LOW)));
 * }</pre>
 */
public final class InputContent extends WireValue {
    /** How closely a vision model looks at an image. */
    public enum Detail {
        AUTO, LOW, HIGH
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    InputContent(JsonValue wire) {
        super(wire);
    }

    public static InputContent text(String text) {
        Objects.requireNonNull(text, "text == null");
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", "input_text");
        wire.put("text", text);
        return new InputContent(JsonValue.of(wire));
    }

    /** An image by URL: {@code https://...} or a {@code data:} URL; the model's default detail. */
    public static InputContent imageUrl(String url) {
        return image(url, null);
    }

    public static InputContent imageUrl(String url, Detail detail) {
        return image(url, Objects.requireNonNull(detail, "detail == null"));
    }

    /** An image sent inline as a base64 {@code data:} URL, e.g. {@code imageBytes(png, "image/png")}. */
    public static InputContent imageBytes(byte[] bytes, String mediaType) {
        Objects.requireNonNull(bytes, "bytes == null");
        Objects.requireNonNull(mediaType, "mediaType == null");
        return imageUrl("data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes));
    }

    private static InputContent image(String url, Detail detail) {
        Objects.requireNonNull(url, "url == null");
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", "input_image");
        wire.put("image_url", url);
        if (detail != null) wire.put("detail", detail.name().toLowerCase(Locale.ROOT));
        return new InputContent(JsonValue.of(wire));
    }

    /** The text of a text part, else null. */
    public String text() {
        return string("text");
    }

    /** The URL of an image part, else null. */
    public String imageUrl() {
        return string("image_url");
    }

    @Override
    public String toString() {
        String url = imageUrl();
        if (url == null) return "InputContent{text=" + text() + '}';
        // a data URL can be megabytes of base64: show its head only
        return "InputContent{image_url=" + (url.length() > 64 ? url.substring(0, 64) + "..." : url) + '}';
    }
}
