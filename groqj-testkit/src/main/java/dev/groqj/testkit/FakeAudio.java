package dev.groqj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The fake's audio models. Speech returns a 16-bit mono PCM WAV whose length follows from the input
 * (0.4 s per word at speed 1) and whose {@code LIST/INFO/ICMT} chunk holds the input text; a transcription of
 * such a WAV returns that text, so speech → transcription round-trips. Other audio transcribes to
 * {@value #DEFAULT_TEXT}, lasting one second per 16,000 bytes.
 */
final class FakeAudio {
    static final String DEFAULT_TEXT = "Hello from the fake Groq server.";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<Integer> SAMPLE_RATES = Set.of(8000, 16000, 22050, 24000, 32000, 44100, 48000);

    /** A transcription or translation, as JSON or as plain text. */
    record Result(String contentType, String body) {
    }

    private FakeAudio() {
    }

    static Result transcribe(List<RecordedRequest.Part> parts, ModelCatalog catalog, String requestId,
                             boolean translate) {
        RecordedRequest.Part file = find(parts, "file");
        if (file == null && find(parts, "url") == null) {
            throw GroqErrors.Failure.invalid("file", "either a file or a URL must be provided");
        }
        RecordedRequest.Part modelPart = find(parts, "model");
        if (modelPart == null) throw GroqErrors.Failure.invalid("model", "'model' : property 'model' is missing");
        ModelCatalog.Entry model = catalog.require(modelPart.text());
        if (model.kind() != ModelCatalog.Kind.SPEECH_TO_TEXT) {
            throw GroqErrors.Failure.invalid("model", "The model `" + model.id() + "` does not support "
                    + (translate ? "translations" : "transcriptions"));
        }
        if (translate && model.id().equals("whisper-large-v3-turbo")) {
            throw GroqErrors.Failure.invalid("model", "`whisper-large-v3-turbo` does not support translations");
        }
        RecordedRequest.Part formatPart = find(parts, "response_format");
        String format = formatPart == null ? "json" : formatPart.text();
        if (!Set.of("json", "text", "verbose_json").contains(format)) {
            throw GroqErrors.Failure.invalid("response_format",
                    "response_format must be one of json, text, verbose_json");
        }
        byte[] audio = file == null ? new byte[0] : file.bytes();
        String comment = wavComment(audio);
        String text = " " + (comment != null ? comment : DEFAULT_TEXT);
        if (format.equals("text")) return new Result("text/plain; charset=UTF-8", text);

        ObjectNode root = NODES.objectNode();
        if (format.equals("verbose_json")) {
            double duration = duration(audio);
            root.put("task", translate ? "translate" : "transcribe");
            root.put("language", "English");
            root.put("duration", duration);
            root.put("text", text);
            List<String> granularities = parts.stream()
                    .filter(p -> p.name().equals("timestamp_granularities[]")
                            || p.name().equals("timestamp_granularities"))
                    .map(RecordedRequest.Part::text).toList();
            List<String> words = FakeChatModel.tokens(text.trim());
            if (granularities.contains("word")) root.set("words", words(words, duration));
            if (granularities.isEmpty() || granularities.contains("segment")) {
                root.set("segments", segments(text, words.size(), duration));
            }
        } else {
            root.put("text", text);
        }
        root.putObject("x_groq").put("id", requestId);
        return new Result("application/json", root.toString());
    }

    private static ArrayNode words(List<String> words, double duration) {
        ArrayNode array = NODES.arrayNode();
        double step = duration / Math.max(1, words.size());
        for (int i = 0; i < words.size(); i++) {
            array.addObject().put("word", words.get(i).trim()).put("start", round(i * step))
                    .put("end", round((i + 1) * step));
        }
        return array;
    }

    private static ArrayNode segments(String text, int tokenCount, double duration) {
        ArrayNode array = NODES.arrayNode();
        ObjectNode segment = array.addObject();
        segment.put("id", 0);
        segment.put("seek", 0);
        segment.put("start", 0.0);
        segment.put("end", round(duration));
        segment.put("text", text);
        ArrayNode tokens = segment.putArray("tokens");
        for (int i = 0; i < tokenCount; i++) tokens.add(50364 + i);
        segment.put("temperature", 0.0);
        segment.put("avg_logprob", -0.2);
        segment.put("compression_ratio", 0.9);
        segment.put("no_speech_prob", 0.01);
        return array;
    }

    /** A WAV for a speech request, after checking it the way Groq does. */
    static byte[] speech(JsonNode request, ModelCatalog catalog) {
        if (!request.isObject()) throw GroqErrors.Failure.invalid(null, "request body must be a JSON object");
        for (String required : List.of("model", "input", "voice")) {
            if (!request.hasNonNull(required) || request.get(required).asText().isEmpty()) {
                throw GroqErrors.Failure.invalid(required, "'" + required + "' : property '" + required
                        + "' is missing");
            }
        }
        ModelCatalog.Entry model = catalog.require(request.get("model").asText());
        if (model.kind() != ModelCatalog.Kind.TEXT_TO_SPEECH) {
            throw GroqErrors.Failure.invalid("model", "The model `" + model.id() + "` does not support speech");
        }
        String format = request.path("response_format").asText("wav");
        if (!format.equals("wav")) {
            throw GroqErrors.Failure.invalid("response_format", "response_format `" + format
                    + "` is not supported, only `wav` is");
        }
        int sampleRate = request.path("sample_rate").asInt(48000);
        if (!SAMPLE_RATES.contains(sampleRate)) {
            throw GroqErrors.Failure.invalid("sample_rate", "sample_rate must be one of " + SAMPLE_RATES);
        }
        double speed = request.path("speed").asDouble(1.0);
        if (speed < 0.5 || speed > 5) {
            throw GroqErrors.Failure.invalid("speed", "speed must be between 0.5 and 5");
        }
        String input = request.get("input").asText();
        return wav(input, sampleRate, wavSeconds(input, speed));
    }

    /** How long speech of {@code input} lasts: 0.4 s per word at speed 1. */
    static double wavSeconds(String input, double speed) {
        return Math.max(1, FakeChatModel.tokens(input).size()) * 0.4 / speed;
    }

    private static byte[] wav(String text, int sampleRate, double seconds) {
        int samples = (int) Math.round(seconds * sampleRate);
        int dataSize = samples * 2;
        byte[] comment = (text + "\0").getBytes(StandardCharsets.UTF_8);
        int commentSize = comment.length + (comment.length % 2); // RIFF chunks are padded to even sizes
        int listSize = 4 + 8 + commentSize;
        ByteBuffer b = ByteBuffer.allocate(12 + 24 + 8 + dataSize + 8 + listSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(4 + 24 + 8 + dataSize + 8 + listSize).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.put(ascii("data")).putInt(dataSize);
        for (int i = 0; i < samples; i++) { // a quiet 440 Hz tone
            b.putShort((short) (3000 * Math.sin(2 * Math.PI * 440 * i / sampleRate)));
        }
        b.put(ascii("LIST")).putInt(listSize).put(ascii("INFO")).put(ascii("ICMT")).putInt(comment.length)
                .put(comment);
        return b.array();
    }

    /** The text in a WAV's {@code LIST/INFO/ICMT} chunk, or null when {@code audio} has none. */
    private static String wavComment(byte[] audio) {
        Integer list = chunk(audio, "LIST");
        if (list == null || list + 12 > audio.length || !ascii(audio, list + 8).equals("INFO")) return null;
        int end = Math.min(audio.length, list + 8 + le32(audio, list + 4));
        for (int i = list + 12; i + 8 <= end; ) {
            int size = le32(audio, i + 4);
            if (size < 0 || i + 8 + size > audio.length) return null;
            if (ascii(audio, i).equals("ICMT")) {
                String s = new String(audio, i + 8, size, StandardCharsets.UTF_8);
                return s.endsWith("\0") ? s.substring(0, s.length() - 1) : s;
            }
            i += 8 + size + (size % 2);
        }
        return null;
    }

    /** The offset of the top-level chunk {@code id} of a RIFF file, or null. */
    private static Integer chunk(byte[] audio, String id) {
        if (audio.length < 12 || !ascii(audio, 0).equals("RIFF")) return null;
        for (int i = 12; i + 8 <= audio.length; ) {
            if (ascii(audio, i).equals(id)) return i;
            int size = le32(audio, i + 4);
            if (size < 0) return null;
            i += 8 + size + (size % 2);
        }
        return null;
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }

    /** Seconds of audio: from the header of a PCM WAV, else one second per 16,000 bytes. */
    private static double duration(byte[] audio) {
        Integer fmt = chunk(audio, "fmt ");
        Integer data = chunk(audio, "data");
        if (fmt != null && data != null) {
            int byteRate = le32(audio, fmt + 8 + 8);
            if (byteRate > 0) return round(le32(audio, data + 4) / (double) byteRate);
        }
        return round(Math.max(audio.length, 1) / 16000.0);
    }

    private static int le32(byte[] b, int at) {
        return ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static RecordedRequest.Part find(List<RecordedRequest.Part> parts, String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
