package dev.groqj.apisurface;

import dev.groqj.GroqClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiSurfaceTest {

    @Test
    void groqjCoreApiIsTheCommittedOne() {
        ApiSurface.assertUnchanged(GroqClient.class, "groqj-core");
    }

    @Test
    void publishedPackagesAreTheModulesUnqualifiedExports() {
        Predicate<String> published = ApiSurface.publishedPackages(ApiSurface.classesDir(GroqClient.class));

        assertThat(List.of("dev.groqj", "dev.groqj.chat", "dev.groqj.error")).allMatch(published);
        assertThat(List.of("dev.groqj.internal", "dev.groqj.internal.sse", "com.fasterxml.jackson.databind"))
                .noneMatch(published);
    }

    /** Package-private: its public and protected methods are API of its public subclasses all the same. */
    static class Base<E> {
        public E first() {
            return null;
        }

        protected void hook(List<? super E> sink) {
        }

        public String name() {
            return "";
        }
    }

    public abstract static class Sample<T extends Comparable<T>> extends Base<Map<String, T>> implements Supplier<T> {
        public static final int LIMIT = 1;
        protected List<T> items;
        String hidden;

        public Sample(String... names) {
        }

        Sample() {
        }

        public static <R extends Number> Sample<?> of(Map<String, ? super R> map) throws IOException {
            return null;
        }

        @Override
        public abstract T get();

        @Override
        public String name() {
            return "sample";
        }

        private void secret() {
        }
    }

    public interface Shape {
        double area();

        default String name() {
            return "shape";
        }
    }

    public record Point(int x, int y) implements Shape {
        @Override
        public double area() {
            return 0;
        }
    }

    public enum Color { RED }

    @Test
    void rendersKindsModifiersAndGenericSignatures() {
        String sample = "dev.groqj.apisurface.ApiSurfaceTest$Sample";

        assertThat(ApiSurface.render(Sample.class)).containsExactlyInAnyOrder(
                sample + " : public abstract static class <T extends java.lang.Comparable<T>>"
                        + " extends dev.groqj.apisurface.ApiSurfaceTest$Base<java.util.Map<java.lang.String, T>>"
                        + " implements java.util.function.Supplier<T>",
                sample + "#LIMIT : public static final int",
                sample + "#items : protected java.util.List<T>",
                sample + "#<init>(java.lang.String...) : public",
                sample + "#of(java.util.Map<java.lang.String, ? super R>) : public static <R extends java.lang.Number>"
                        + " dev.groqj.apisurface.ApiSurfaceTest$Sample<?> throws java.io.IOException",
                sample + "#get() : public abstract T",
                sample + "#name() : public java.lang.String",
                sample + "#first() : public java.util.Map<java.lang.String, T>",
                sample + "#hook(java.util.List<? super java.util.Map<java.lang.String, T>>) : protected void");
        assertThat(ApiSurface.render(Shape.class)).containsExactlyInAnyOrder(
                "dev.groqj.apisurface.ApiSurfaceTest$Shape : public interface",
                "dev.groqj.apisurface.ApiSurfaceTest$Shape#area() : public abstract double",
                "dev.groqj.apisurface.ApiSurfaceTest$Shape#name() : public default java.lang.String");
        assertThat(ApiSurface.render(Point.class)).contains(
                "dev.groqj.apisurface.ApiSurfaceTest$Point : public record implements dev.groqj.apisurface.ApiSurfaceTest$Shape",
                "dev.groqj.apisurface.ApiSurfaceTest$Point#<init>(int, int) : public",
                "dev.groqj.apisurface.ApiSurfaceTest$Point#x() : public int");
        assertThat(ApiSurface.render(Color.class)).contains(
                "dev.groqj.apisurface.ApiSurfaceTest$Color : public enum",
                "dev.groqj.apisurface.ApiSurfaceTest$Color#RED : public static final dev.groqj.apisurface.ApiSurfaceTest$Color",
                "dev.groqj.apisurface.ApiSurfaceTest$Color#values() : public static dev.groqj.apisurface.ApiSurfaceTest$Color[]");
    }

    @Test
    void changedApiFailsWithTheLinesAddedAndRemovedAndHowToAccept(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("api/x.api");
        Files.createDirectories(file.getParent());
        Files.write(file, List.of("# comment", "a : public class", "a#gone() : public void", "b : public class"));

        assertThatThrownBy(() -> ApiSurface.check(List.of("a : public class", "a#added() : public int", "b : public class"),
                file, false, "run me"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 lines removed, 1 added")
                .hasMessageContaining("\n+a#added() : public int\n-a#gone() : public void\n")
                .hasMessageEndingWith("commit it with the change:\n  run me");
        assertThat(Files.readAllLines(file)).contains("a#gone() : public void");
    }

    @Test
    void updateRewritesTheFileAndThenItMatches(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("api/x.api");
        List<String> api = List.of("a : public class", "a#m() : public void");

        ApiSurface.check(api, file, true, "run me");

        assertThat(Files.readAllLines(file)).endsWith("a : public class", "a#m() : public void").first().asString()
                .startsWith("# ");
        ApiSurface.check(api, file, false, "run me");
    }
}
