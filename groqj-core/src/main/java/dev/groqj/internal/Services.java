package dev.groqj.internal;

import dev.groqj.error.GroqException;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Builds the services, whose only constructor is package-private and takes the {@link ApiClient}: no public
 * constructor makes the call path API, so a service is obtained from {@code GroqClient} only. Not API.
 */
public final class Services {
    private Services() {
    }

    /**
     * A new {@code type} over {@code api}; the service and this class are in the same module, so no opens needed.
     * Plain reflection, not a method handle: a fresh JVM would spin lambda forms for the handle's first call.
     */
    public static <S> S create(Class<S> type, ApiClient api) {
        try {
            Constructor<S> constructor = type.getDeclaredConstructor(ApiClient.class);
            constructor.setAccessible(true);
            return constructor.newInstance(api);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new GroqException("cannot create " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new GroqException("cannot create " + type.getSimpleName() + ": " + e, e);
        }
    }

    /** A service created on its first {@link Lazy#get()}, so a client's build and first call load only what they use. */
    public static <S> Lazy<S> lazy(Class<S> type, ApiClient api) {
        return new Lazy<>(type, api);
    }

    /** One service, created once on first use (thread-safe: every caller gets the same instance). */
    public static final class Lazy<S> {
        private final Class<S> type;
        private final ApiClient api;
        private volatile S value;

        private Lazy(Class<S> type, ApiClient api) {
            this.type = type;
            this.api = api;
        }

        public S get() {
            S v = value;
            if (v != null) return v;
            synchronized (this) {
                if (value == null) value = create(type, api);
                return value;
            }
        }
    }
}
