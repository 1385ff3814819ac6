package dev.groqj.chat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a type, a property or a tool's arguments to the model: it becomes the {@code description} of the JSON
 * schema groqj derives from a Java type for structured outputs and {@link FunctionTool}s.
 *
 * <pre>{@code
 * @Description("Today's weather in one city")
 * record Weather(@Description("City name, as written by the user") String city,
 *                @Description("Degrees Celsius") double temperature) { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Description {
    String value();
}
