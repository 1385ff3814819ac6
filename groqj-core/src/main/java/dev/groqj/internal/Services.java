package dev.groqj.internal;

import dev.groqj.error.GroqException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Builds the services, whose only constructor is package-private and takes the {@link ApiClient}: no public
 * constructor makes the call path API, so a service is obtained from {@code GroqClient} only. Not API.
 */
public final class Services {
    private Services() {
    }

    /** A new {@code type} over {@code api}; the service and this class are in the same module, so no opens needed. */
    public static <S> S create(Class<S> type, ApiClient api) {
        try {
            return type.cast(MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                    .findConstructor(type, MethodType.methodType(void.class, ApiClient.class))
                    .invoke(api));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new GroqException("cannot create " + type.getSimpleName() + ": " + e, e);
        }
    }
}
