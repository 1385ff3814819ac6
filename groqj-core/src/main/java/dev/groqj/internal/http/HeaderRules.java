package dev.groqj.internal.http;

import dev.groqj.error.ValidationException;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What may go in a header, checked before anything is sent so that no JDK exception (whose message can echo a
 * value, such as a key) ever escapes. Messages name the header, never the value. Not API.
 */
public final class HeaderRules {
    /** Framing and hop-by-hop headers: the transport sets these, a caller's copy would contradict the body or connection. */
    private static final Set<String> NOT_EXTRA = Set.of("host", "content-length", "transfer-encoding", "connection",
            "keep-alive", "te", "trailer", "upgrade", "expect");
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HeaderRules() {
    }

    /** A header the caller adds (client default, request, per call): well formed and not one the transport owns. */
    public static void requireExtra(String name, String value) {
        requireValid(name, value);
        String lower = name.toLowerCase(Locale.ROOT);
        if (NOT_EXTRA.contains(lower) || lower.startsWith("proxy-")) {
            throw new ValidationException("header " + name,
                    "is set by the transport and cannot be added (framing and hop-by-hop headers are refused)");
        }
    }

    /** Any header about to be sent: the name a token (RFC 9110), the value visible ASCII, spaces and tabs. */
    public static void requireValid(String name, String value) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(value, "value == null");
        if (!isToken(name)) {
            // the name itself may carry the injection, so it is not echoed
            throw new ValidationException("header name", "must be a non-empty token of visible ASCII characters");
        }
        int bad = firstInvalidValueChar(value);
        if (bad >= 0) {
            throw new ValidationException("header " + name,
                    "the value has a control or non-ASCII character at index " + bad);
        }
    }

    /** The index of the first character that cannot go in a header value, or -1. */
    public static int firstInvalidValueChar(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7E)) return i;
        }
        return -1;
    }

    /** A plain loop: this runs for every header of every call. */
    private static boolean isToken(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || TOKEN_SYMBOLS.indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }
}
