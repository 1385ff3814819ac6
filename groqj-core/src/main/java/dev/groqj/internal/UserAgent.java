package dev.groqj.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code groqj/<version> (Java <version>; <os>)}. Not API. */
public final class UserAgent {
    private static final String VALUE = "groqj/" + version() + " (Java " + System.getProperty("java.version")
            + "; " + System.getProperty("os.name") + ")";

    private UserAgent() {
    }

    static String value() {
        return VALUE;
    }

    /** The Maven version of this build, or "dev"; public for {@code GroqClient.version()}. */
    public static String version() {
        try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
