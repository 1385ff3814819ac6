package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;
import dev.groqj.error.ValidationException;

import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * One part of a message's content: text, an image by URL or inline bytes, or a JSON document.
 *
 * <pre>{@code
 * Message.user(
 *         ContentPart.text("What is in this picture?"),
 *         ContentPart.imageUrl("https://example.com/cat.png", ContentPart.Detail.LOW),
 *         ContentPart.imageBytes(Files.readAllBytes(path), "image/png"),
 *         ContentPart.document(JsonValue.parse("{\"order\": 42, \"status\": \"shipped\"}"), "order-42"));
 * }</pre>
 *
 * <p>User and tool messages take every kind; system and assistant messages take text parts only.
 */
public final class ContentPart {
    /** How closely a vision model looks at an image. */
    public enum Detail {
        AUTO, LOW, HIGH;

        @com.fasterxml.jackson.annotation.JsonValue
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @JsonProperty("type")
    private final String type;
    @JsonProperty("text")
    private final String text;
    @JsonProperty("image_url")
    private final ImageUrl imageUrl;
    @JsonProperty("document")
    private final DocumentData document;

    private ContentPart(String type, String text, ImageUrl imageUrl, DocumentData document) {
        this.type = type;
        this.text = text;
        this.imageUrl = imageUrl;
        this.document = document;
    }

    public static ContentPart text(String text) {
        Objects.requireNonNull(text, "text == null");
        return new ContentPart("text", text, null, null);
    }

    /** A JSON document for the model to read ({@code type: document}); {@code data} must be a JSON object. */
    public static ContentPart document(JsonValue data) {
        return document(data, null);
    }

    /** A JSON document with an id (null for none), which citations can name. */
    public static ContentPart document(JsonValue data, String id) {
        Objects.requireNonNull(data, "data == null");
        if (!data.isObject()) {
            throw new ValidationException("document.data", "must be a JSON object, was " + data.kind());
        }
        return new ContentPart("document", null, null, new DocumentData(data, id));
    }

    /** An image by URL: {@code https://...} or a {@code data:} URL; the model's default detail. */
    public static ContentPart imageUrl(String url) {
        Objects.requireNonNull(url, "url == null");
        return new ContentPart("image_url", null, new ImageUrl(url, null), null);
    }

    public static ContentPart imageUrl(String url, Detail detail) {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(detail, "detail == null");
        return new ContentPart("image_url", null, new ImageUrl(url, detail), null);
    }

    /** An image sent inline as a base64 {@code data:} URL, e.g. {@code imageBytes(png, "image/png")}. */
    public static ContentPart imageBytes(byte[] bytes, String mediaType) {
        return imageUrl(dataUrl(bytes, mediaType));
    }

    /** {@code data:<mediaType>;base64,<bytes>}, the form Groq accepts for inline images. */
    public static String dataUrl(byte[] bytes, String mediaType) {
        Objects.requireNonNull(bytes, "bytes == null");
        Objects.requireNonNull(mediaType, "mediaType == null");
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** {@code text}, {@code image_url} or {@code document}. */
    public String type() {
        return type;
    }

    /** The text of a text part, else null. */
    public String text() {
        return text;
    }

    /** The URL of an image part, else null. */
    public String imageUrl() {
        return imageUrl == null ? null : imageUrl.url();
    }

    /** The detail of an image part, null when not set. */
    public Detail detail() {
        return imageUrl == null ? null : imageUrl.detail();
    }

    /** The JSON object of a document part, else null. */
    public JsonValue documentData() {
        return document == null ? null : document.data();
    }

    /** The id of a document part, null when not set or not a document. */
    public String documentId() {
        return document == null ? null : document.id();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ContentPart)) return false;
        ContentPart that = (ContentPart) o;
        return type.equals(that.type) && Objects.equals(text, that.text) && Objects.equals(imageUrl, that.imageUrl)
                && Objects.equals(document, that.document);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, text, imageUrl, document);
    }

    @Override
    public String toString() {
        if (text != null) return "ContentPart{text=" + text + '}';
        if (document != null) {
            return "ContentPart{document" + (document.id() == null ? "" : "=" + document.id()) + '}';
        }
        String url = imageUrl.url();
        // a data URL can be megabytes of base64: show its head only
        return "ContentPart{image_url=" + (url.length() > 64 ? url.substring(0, 64) + "..." : url)
                + (imageUrl.detail() == null ? "" : ", detail=" + imageUrl.detail().wire()) + '}';
    }

    record ImageUrl(String url, Detail detail) {
    }

    record DocumentData(JsonValue data, String id) {
    }
}
