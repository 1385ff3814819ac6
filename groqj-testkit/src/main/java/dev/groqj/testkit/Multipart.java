package dev.groqj.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small {@code multipart/form-data} parser over a fully read body. It searches bytes, never decodes the
 * file parts as text, so binary audio and CRLFs inside files survive.
 */
final class Multipart {
    private Multipart() {
    }

    /** The boundary named in a Content-Type header, or null when it is not multipart. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) return null;
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                return unquote(p.substring("boundary=".length()));
            }
        }
        return null;
    }

    /** Parses {@code body}; throws IllegalArgumentException when the body is not well formed. */
    static List<RecordedRequest.Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<RecordedRequest.Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) throw new IllegalArgumentException("no multipart boundary in the body");
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) return parts; // the closing delimiter
            int headersStart = skipCrlf(body, afterDelimiter);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) throw new IllegalArgumentException("a multipart part has no end of headers");
            int contentStart = headersEnd + 4;
            byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) throw new IllegalArgumentException("a multipart part is not closed by its boundary");
            parts.add(part(new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
                    Arrays.copyOfRange(body, contentStart, contentEnd)));
            at = contentEnd + 2;
        }
    }

    private static RecordedRequest.Part part(String headerBlock, byte[] content) {
        String name = null;
        String filename = null;
        String contentType = null;
        for (String line : headerBlock.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-type")) {
                contentType = value;
            } else if (header.equals("content-disposition")) {
                for (String param : value.split(";")) {
                    String p = param.trim();
                    String lower = p.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("name=")) name = unquote(p.substring(5));
                    else if (lower.startsWith("filename=")) filename = unquote(p.substring(9));
                }
            }
        }
        if (name == null) throw new IllegalArgumentException("a multipart part has no name");
        return new RecordedRequest.Part(name, filename, contentType, content);
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static int skipCrlf(byte[] body, int at) {
        return startsWith(body, at, "\r\n") ? at + 2 : at;
    }

    private static boolean startsWith(byte[] body, int at, String s) {
        if (at + s.length() > body.length) return false;
        for (int i = 0; i < s.length(); i++) {
            if (body[at + i] != s.charAt(i)) return false;
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
