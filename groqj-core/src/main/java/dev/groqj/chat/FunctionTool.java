package dev.groqj.chat;

import dev.groqj.JsonValue;
import dev.groqj.internal.schema.TypeSchemas;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A function the model may call, with typed arguments and the Java code that answers it: its parameters' JSON
 * schema is derived from {@code A} (strict, as for structured outputs), and {@code client.chat().runTools} runs
 * the handler for each call.
 *
 * <pre>{@code
 * record City(@Description("City name") String city) { }
 * FunctionTool<City> weather = FunctionTool.of("get_weather", "Current weather in a city", City.class,
 *         args -> Map.of("city", args.city(), "celsius", 21));
 * ToolRun run = client.chat().runTools(request, List.of(weather));
 * }</pre>
 *
 * <p>{@code Void.class} as the arguments type declares a function without parameters (the handler gets null).
 * A handler's result becomes the tool message: a {@code CharSequence} as its text, anything else as JSON.
 *
 * @param <A> the arguments type
 */
public final class FunctionTool<A> {
    private static final JsonValue NO_PARAMETERS = JsonValue.of(Map.of("type", "object",
            "properties", Map.of(), "required", List.of(), "additionalProperties", false));

    private final Tool tool;
    private final Class<A> argumentsType;
    private final Function<A, ?> handler;

    private FunctionTool(Tool tool, Class<A> argumentsType, Function<A, ?> handler) {
        this.tool = tool;
        this.argumentsType = argumentsType;
        this.handler = handler;
    }

    /**
     * A strict function tool.
     *
     * @throws dev.groqj.error.ValidationException naming {@code tools.function.name} for a name Groq refuses, or
     *                                             {@code tools.function.parameters} for a type a strict schema
     *                                             cannot express
     */
    public static <A> FunctionTool<A> of(String name, String description, Class<A> arguments, Function<A, ?> handler) {
        Objects.requireNonNull(arguments, "arguments == null");
        Objects.requireNonNull(handler, "handler == null");
        JsonValue parameters = arguments == Void.class ? NO_PARAMETERS
                : TypeSchemas.of(arguments, "tools.function.parameters");
        return new FunctionTool<>(Tool.function(name, description, parameters).withStrict(true), arguments, handler);
    }

    /**
     * A tool for each public method of {@code target} annotated with {@link ToolFunction}, in name order. On the
     * module path, the class must be public in an exported package, or its package open to {@code dev.groqj.core}.
     *
     * @throws IllegalArgumentException for an annotated method that takes more than one parameter
     */
    public static List<FunctionTool<?>> fromMethods(Object target) {
        Objects.requireNonNull(target, "target == null");
        List<Method> methods = new ArrayList<>(Arrays.asList(target.getClass().getMethods()));
        methods.sort(Comparator.comparing(Method::getName));
        List<FunctionTool<?>> tools = new ArrayList<>();
        for (Method method : methods) {
            ToolFunction annotation = method.getAnnotation(ToolFunction.class);
            if (annotation == null) continue;
            if (method.getParameterCount() > 1) {
                throw new IllegalArgumentException(method + ": a tool method takes one parameter (a record of its"
                        + " arguments) or none");
            }
            String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
            Class<?> arguments = method.getParameterCount() == 0 ? Void.class : method.getParameterTypes()[0];
            tools.add(of(name, annotation.description(), arguments, method, target));
        }
        return List.copyOf(tools);
    }

    private static <A> FunctionTool<A> of(String name, String description, Class<A> arguments, Method method,
                                          Object target) {
        boolean takesArguments = method.getParameterCount() == 1;
        method.trySetAccessible(); // a class that is not public, where its module lets groqj in; else invoke says
        return of(name, description, arguments, args -> {
            try {
                return takesArguments ? method.invoke(target, args) : method.invoke(target);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) throw runtime;
                if (cause instanceof Error error) throw error;
                throw new UndeclaredThrowableException(cause, cause.toString());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(method + " is not accessible to groqj: make its class public in"
                        + " an exported package (or open the package to dev.groqj.core)", e);
            }
        });
    }

    public String name() {
        return tool.function().name();
    }

    public String description() {
        return tool.function().description();
    }

    public Class<A> argumentsType() {
        return argumentsType;
    }

    /** The JSON schema of the arguments. */
    public JsonValue parameters() {
        return tool.function().parameters();
    }

    /** The declaration sent in a request's {@code tools}. */
    public Tool tool() {
        return tool;
    }

    /** Runs the handler with parsed arguments and returns its result. */
    public Object call(A arguments) {
        return handler.apply(arguments);
    }

    @Override
    public String toString() {
        return "FunctionTool{" + name() + '(' + argumentsType.getSimpleName() + ")}";
    }
}
