package dev.groqj.apisurface;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A module's public API as text, one sorted line per type and member, checked against a committed file so that
 * every API change shows in review.
 *
 * <pre>{@code
 * @Test
 * void publicApiIsTheCommittedOne() {
 *     ApiSurface.assertUnchanged(GroqClient.class, "groqj-core"); // compares <module>/api/groqj-core.api
 * }
 * }</pre>
 *
 * <p>Published packages are the unqualified exports of {@code module-info.class} when the module has one, else
 * every package under {@code dev.groqj} without an {@code internal} segment. In them, every public or protected
 * type (nested ones too, when their enclosing types are) is listed with its public and protected fields,
 * constructors and methods, including those a public class inherits from a non-public superclass (its API too).
 *
 * <p>Lines are {@code Type : modifiers kind ...} and {@code Type#member(params) : modifiers type}, generic types
 * as {@link Type#getTypeName()} writes them. Plain string order groups a type's members under it.
 *
 * <p>To accept a change, run the test with {@code -Dgroqj.api.update=true}: it rewrites the file, and the
 * review shows the diff.
 */
public final class ApiSurface {
    private static final String UPDATE_PROPERTY = "groqj.api.update";
    private static final int VISIBLE = Modifier.PUBLIC | Modifier.PROTECTED;
    /** Enough to review; a longer diff is a new or rewritten module, better read in the rewritten file. */
    private static final int MAX_DIFF_LINES = 200;

    private ApiSurface() {
    }

    /**
     * Fails, with the lines added and removed, unless the API of the module that compiled {@code anyClass} is
     * the one in {@code <module dir>/api/<artifactId>.api}; rewrites the file instead under
     * {@code -Dgroqj.api.update=true}.
     */
    public static void assertUnchanged(Class<?> anyClass, String artifactId) {
        Path classes = classesDir(anyClass);
        Path file = classes.getParent().getParent().resolve("api").resolve(artifactId + ".api");
        String test = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getSimpleName();
        check(lines(classes, publishedPackages(classes)), file, Boolean.getBoolean(UPDATE_PROPERTY),
                "./mvnw -pl " + artifactId + " test -Dtest=" + test + " -D" + UPDATE_PROPERTY + "=true");
    }

    /** The folder the class was loaded from: a module's {@code target/classes}. */
    static Path classesDir(Class<?> anyClass) {
        try {
            return Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The module descriptor's unqualified exports, or every package under dev.groqj but internal ones. */
    static Predicate<String> publishedPackages(Path classes) {
        Path descriptor = classes.resolve("module-info.class");
        if (Files.exists(descriptor)) {
            try (InputStream in = Files.newInputStream(descriptor)) {
                Set<String> exported = ModuleDescriptor.read(in).exports().stream().filter(e -> !e.isQualified())
                        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
                return exported::contains;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p -> (p + ".").startsWith("dev.groqj.") && !("." + p + ".").contains(".internal.");
    }

    /** The API lines of every exported type in the published packages under {@code classes}, sorted. */
    static List<String> lines(Path classes, Predicate<String> published) {
        Set<String> lines = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".class") && !f.endsWith("module-info.class")
                            && !f.endsWith("package-info.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .filter(name -> name.contains(".") && published.test(name.substring(0, name.lastIndexOf('.'))))
                    .map(ApiSurface::load)
                    .filter(ApiSurface::isExported)
                    .forEach(type -> lines.addAll(render(type)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(lines);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled class " + name + " is not on the test class path", e);
        }
    }

    private static boolean isExported(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) return false;
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if ((t.getModifiers() & VISIBLE) == 0) return false;
        }
        return true;
    }

    /**
     * The type's own line, then one per visible member: its own, and those of non-public superclasses, their
     * type variables bound as the subclass binds them ({@code B model(String)} of {@code Builder<B>} is listed
     * as the subclass's {@code TranscriptionRequest$Builder model(String)}).
     */
    static List<String> render(Class<?> type) {
        String name = type.getTypeName();
        List<String> lines = new ArrayList<>();
        lines.add(name + " : " + header(type));
        for (Field field : type.getDeclaredFields()) {
            if (isVisible(field)) {
                lines.add(name + "#" + field.getName() + " : " + modifiers(field.getModifiers())
                        + field.getGenericType().getTypeName());
            }
        }
        Map<TypeVariable<?>, String> bound = Map.of();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isVisible(constructor)) {
                lines.add(name + "#<init>" + parameters(constructor, bound) + " : " + signature(constructor, "", bound));
            }
        }
        Set<String> declared = new HashSet<>();
        for (Class<?> c = type; c != null && (c == type || !Modifier.isPublic(c.getModifiers())); c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                String key = method.getName() + parameters(method, bound);
                if (isVisible(method) && !method.isBridge() && declared.add(key)) {
                    lines.add(name + "#" + key + " : "
                            + signature(method, name(method.getGenericReturnType(), bound), bound));
                }
            }
            bound = bindings(c, bound);
        }
        return lines;
    }

    /** The names {@code c}'s superclass's type variables have, as {@code c} binds them. */
    private static Map<TypeVariable<?>, String> bindings(Class<?> c, Map<TypeVariable<?>, String> bound) {
        if (!(c.getGenericSuperclass() instanceof ParameterizedType)) return Map.of();
        Type[] arguments = ((ParameterizedType) c.getGenericSuperclass()).getActualTypeArguments();
        TypeVariable<?>[] variables = c.getSuperclass().getTypeParameters();
        Map<TypeVariable<?>, String> next = new HashMap<>();
        for (int i = 0; i < variables.length; i++) next.put(variables[i], name(arguments[i], bound));
        return next;
    }

    /** {@link Type#getTypeName()}, with the bound type variables replaced. */
    private static String name(Type type, Map<TypeVariable<?>, String> bound) {
        if (bound.isEmpty()) return type.getTypeName();
        if (type instanceof TypeVariable) return bound.getOrDefault(type, type.getTypeName());
        if (type instanceof GenericArrayType) {
            return name(((GenericArrayType) type).getGenericComponentType(), bound) + "[]";
        }
        if (type instanceof WildcardType) {
            WildcardType wildcard = (WildcardType) type;
            if (wildcard.getLowerBounds().length > 0) return "? super " + name(wildcard.getLowerBounds()[0], bound);
            Type upper = wildcard.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + name(upper, bound);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            return parameterized.getRawType().getTypeName() + Arrays.stream(parameterized.getActualTypeArguments())
                    .map(a -> name(a, bound)).collect(Collectors.joining(", ", "<", ">"));
        }
        return type.getTypeName();
    }

    private static boolean isVisible(Member member) {
        return !member.isSynthetic() && (member.getModifiers() & VISIBLE) != 0;
    }

    private static String header(Class<?> type) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface"
                : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
        // what the kind implies is left out: an interface is abstract, a record final, a nested non-class static
        int implied = kind.equals("class") ? 0 : Modifier.ABSTRACT | Modifier.STATIC | Modifier.FINAL;
        StringBuilder header = new StringBuilder(modifiers(type.getModifiers() & ~implied));
        if (type.isSealed()) header.append("sealed ");
        header.append(kind).append(typeParameters(type.getTypeParameters()));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            header.append(" extends ").append(superclass.getTypeName());
        }
        List<Type> interfaces = Arrays.stream(type.getGenericInterfaces())
                .filter(i -> !type.isAnnotation()).collect(Collectors.toList());
        if (!interfaces.isEmpty()) {
            header.append(type.isInterface() ? " extends " : " implements ").append(names(interfaces.stream()));
        }
        if (type.isSealed()) header.append(" permits ").append(names(Arrays.stream(type.getPermittedSubclasses())));
        return header.toString();
    }

    private static String signature(Executable executable, String returnType, Map<TypeVariable<?>, String> bound) {
        String typeParameters = typeParameters(executable.getTypeParameters());
        String exceptions = Arrays.stream(executable.getGenericExceptionTypes()).map(t -> name(t, bound))
                .collect(Collectors.joining(", "));
        boolean isDefault = executable instanceof Method && ((Method) executable).isDefault();
        return (modifiers(executable.getModifiers()) + (isDefault ? "default " : "")
                + (typeParameters.isEmpty() ? "" : typeParameters.substring(1) + " ") + returnType
                + (exceptions.isEmpty() ? "" : " throws " + exceptions)).strip();
    }

    /** {@code (java.util.List<java.lang.String>, int...)}. */
    private static String parameters(Executable executable, Map<TypeVariable<?>, String> bound) {
        List<String> names = Arrays.stream(executable.getGenericParameterTypes()).map(t -> name(t, bound))
                .collect(Collectors.toList());
        if (executable.isVarArgs() && !names.isEmpty()) {
            int last = names.size() - 1;
            String array = names.get(last);
            names.set(last, array.substring(0, array.length() - 2) + "...");
        }
        return "(" + String.join(", ", names) + ")";
    }

    /** {@code " <T extends java.lang.Comparable<T>>"}, or empty. */
    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) return "";
        return Arrays.stream(variables).map(v -> {
            List<Type> bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class).collect(Collectors.toList());
            return v.getName() + (bounds.isEmpty() ? "" : " extends " + bounds.stream().map(Type::getTypeName)
                    .collect(Collectors.joining(" & ")));
        }).collect(Collectors.joining(", ", " <", ">"));
    }

    /** The modifiers that matter to a caller, each followed by a space. */
    private static String modifiers(int modifiers) {
        String text = Modifier.toString(modifiers & (VISIBLE | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT));
        return text.isEmpty() ? "" : text + " ";
    }

    private static String names(Stream<? extends Type> types) {
        return types.map(Type::getTypeName).collect(Collectors.joining(", "));
    }

    /**
     * Compares {@code actual} with the file (lines starting with {@code #} are comments). On a difference fails
     * with the removed and added lines and {@code updateCommand}, or, when {@code update}, rewrites the file.
     */
    static void check(List<String> actual, Path file, boolean update, String updateCommand) {
        List<String> recorded = read(file);
        if (recorded.equals(actual)) return;
        if (update) {
            write(file, actual, updateCommand);
            return;
        }
        Set<String> removed = new TreeSet<>(recorded);
        removed.removeAll(actual);
        Set<String> added = new TreeSet<>(actual);
        added.removeAll(recorded);
        Set<String> changed = new TreeSet<>(removed);
        changed.addAll(added);
        StringBuilder diff = new StringBuilder("The public API differs from " + file
                + (Files.exists(file) ? "" : " (no such file yet)") + ": "
                + removed.size() + " lines removed, " + added.size() + " added.\n"
                + "--- " + file + "\n+++ compiled classes\n");
        changed.stream().limit(MAX_DIFF_LINES)
                .forEach(line -> diff.append(removed.contains(line) ? '-' : '+').append(line).append('\n'));
        if (changed.size() > MAX_DIFF_LINES) diff.append("... and ").append(changed.size() - MAX_DIFF_LINES).append(" more\n");
        if (removed.isEmpty() && added.isEmpty()) diff.append("(same lines, out of order or repeated)\n");
        diff.append("If the change is meant, rewrite the file and commit it with the change:\n  ").append(updateCommand);
        throw new AssertionError(diff.toString());
    }

    private static List<String> read(Path file) {
        if (!Files.exists(file)) return List.of();
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines, String updateCommand) {
        List<String> content = new ArrayList<>(List.of(
                "# The public API, checked by the build: a change here is an API change. Written by",
                "# " + updateCommand));
        content.addAll(lines);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
