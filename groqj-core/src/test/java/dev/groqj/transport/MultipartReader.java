package dev.groqj.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict multipart/form-data reader for tests: it fails on anything RFC 7578 does not allow where groqj writes
 * (missing CRLFs, a missing closing delimiter, bytes after it), so a test that parses a body proves its layout.
 */
public final class MultipartReader {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1");
    private static final Pattern NAME = Pattern.compile("; name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("; filename=\"([^\"]*)\"");

    /** One part as read: its headers (lower-case names), and for convenience its name, file name and body. */
    public record Part(Map<String, String> headers, String name, String fileName, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String contentType() {
            return headers.get("content-type");
        }
    }

    private MultipartReader() {
    }

    /** The boundary named by a {@code multipart/form-data} Content-Type header. */
    public static String boundary(String contentType) {
        if (!contentType.startsWith("multipart/form-data;")) throw new AssertionError("not multipart: " + contentType);
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) throw new AssertionError("no boundary in " + contentType);
        return m.group(2);
    }

    public static List<Part> parse(byte[] body, String contentType) {
        return parseWithBoundary(body, boundary(contentType));
    }

    public static List<Part> parseWithBoundary(byte[] body, String boundary) {
        byte[] first = ("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        if (!startsWith(body, 0, first)) throw new AssertionError("body does not open with --" + boundary + "CRLF");
        List<Part> parts = new ArrayList<>();
        int pos = first.length;
        while (true) {
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), pos);
            if (headersEnd < 0) throw new AssertionError("part without a blank line after its headers at " + pos);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) throw new AssertionError("bad header line: " + line);
                headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            int contentStart = headersEnd + 4;
            int contentEnd = indexOf(body, delimiter, contentStart);
            if (contentEnd < 0) throw new AssertionError("part without a closing delimiter");
            String disposition = headers.get("content-disposition");
            if (disposition == null || !disposition.startsWith("form-data")) {
                throw new AssertionError("part without Content-Disposition: form-data: " + headers);
            }
            Matcher name = NAME.matcher(disposition);
            Matcher fileName = FILENAME.matcher(disposition);
            parts.add(new Part(headers, name.find() ? name.group(1) : null, fileName.find() ? fileName.group(1) : null,
                    Arrays.copyOfRange(body, contentStart, contentEnd)));
            pos = contentEnd + delimiter.length;
            if (startsWith(body, pos, "--\r\n".getBytes(StandardCharsets.US_ASCII))) {
                if (pos + 4 != body.length) throw new AssertionError("bytes after the closing delimiter");
                return parts;
            }
            if (!startsWith(body, pos, "\r\n".getBytes(StandardCharsets.US_ASCII))) {
                throw new AssertionError("delimiter not followed by CRLF at " + pos);
            }
            pos += 2;
        }
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        return body.length - at >= prefix.length
                && Arrays.equals(body, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = from; i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
