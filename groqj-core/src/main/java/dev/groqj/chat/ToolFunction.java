package dev.groqj.chat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as a tool for {@link FunctionTool#fromMethods(Object)}. The method takes no parameter or
 * one (a record or class: the tool's arguments); what it returns is the result the model sees.
 *
 * <pre>{@code
 * public class WeatherTools {
 *     @ToolFunction(description = "Current weather in a city")
 *     public Weather getWeather(City city) { ... }
 * }
 * List<FunctionTool<?>> tools = FunctionTool.fromMethods(new WeatherTools());   // one tool, "getWeather"
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ToolFunction {
    /** The tool's name; the method's name when empty. */
    String name() default "";

    /** What the tool does, for the model. */
    String description();
}
