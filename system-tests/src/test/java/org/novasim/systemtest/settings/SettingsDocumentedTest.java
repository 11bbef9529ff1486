package org.novasim.systemtest.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.novasim.systemtest.architecture.ArchitectureTest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * Every setting lives in a @ConfigurationProperties record of some service, with its default there; the README's
 * configuration table and {@code ./novasim help} are checked against those records, so neither can list a key
 * that does not exist, leave one out, or state another default.
 */
class SettingsDocumentedTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Keys spelled {@code [0]} or {@code <host>} in the README: an element of a list or map. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[\\w+]|\\.<[^>]+>");

    @Test
    void theReadmeTableListsEverySettingOfTheRecordsWithTheirDefaults() throws IOException {
        Map<String, String> settings = settings();
        Map<String, String> documented = readmeTable();

        assertThat(documented.keySet().stream().filter(key -> !settings.containsKey(key)))
                .as("keys in the README's configuration table that no settings record has")
                .isEmpty();
        assertThat(settings.keySet().stream().filter(key -> !documented.containsKey(key)))
                .as("settings the README's configuration table leaves out")
                .isEmpty();
        List<String> wrong = new ArrayList<>();
        documented.forEach((key, stated) -> {
            String actual = settings.get(key);
            if (stated != null && actual != null && !sameValue(stated, actual)) {
                wrong.add(key + ": README says " + stated + ", the record " + actual);
            }
        });
        assertThat(wrong)
                .as("defaults the README states otherwise than the records")
                .isEmpty();
    }

    @Test
    void theLauncherHelpStatesTheRecordsDefaults() throws IOException {
        Map<String, String> settings = settings();
        Matcher option = Pattern.compile("\\(default ([^)]+)\\)\\s+(novasim\\.\\S+)")
                .matcher(Files.readString(ROOT.resolve("novasim")));
        int checked = 0;
        while (option.find()) {
            String key = normalise(option.group(2));
            assertThat(settings).as("./novasim help names " + key).containsKey(key);
            assertThat(sameValue(option.group(1), settings.get(key)))
                    .as("./novasim help: default of " + key + " is " + option.group(1) + ", the record's "
                            + settings.get(key))
                    .isTrue();
            checked++;
        }
        assertThat(checked).as("options with a default in ./novasim help").isGreaterThanOrEqualTo(3);
    }

    /** Every key of every settings record, with its default (null when it has none). */
    private static Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        for (JavaClass type : ArchitectureTest.CLASSES) {
            if (type.isAnnotatedWith(ConfigurationProperties.class)) {
                Class<?> record = type.reflect();
                String prefix =
                        record.getAnnotation(ConfigurationProperties.class).value();
                collect(prefix, record, settings);
            }
        }
        return settings;
    }

    private static void collect(String prefix, Class<?> record, Map<String, String> settings) {
        RecordComponent[] components = record.getRecordComponents();
        // @DefaultValue lands on the canonical constructor's parameters, where the binder reads it.
        Parameter[] parameters;
        try {
            parameters = record.getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new))
                    .getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record + " has no canonical constructor", e);
        }
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String key = prefix + "." + kebab(component.getName());
            DefaultValue value = parameters[i].getAnnotation(DefaultValue.class);
            Type type = component.getGenericType();
            if (isGroup(component.getType())) {
                collect(key, component.getType(), settings);
            } else if (type instanceof ParameterizedType generic && elementRecord(generic) != null) {
                collect(
                        key + (List.class.isAssignableFrom(component.getType()) ? "[*]" : ".*"),
                        elementRecord(generic),
                        settings);
            } else if (Map.class.isAssignableFrom(component.getType())) {
                settings.put(key + ".*", null);
            } else {
                settings.put(key, value == null || value.value().length == 0 ? null : value.value()[0]);
            }
        }
    }

    private static Class<?> elementRecord(ParameterizedType generic) {
        Type[] arguments = generic.getActualTypeArguments();
        return arguments[arguments.length - 1] instanceof Class<?> c && isGroup(c) ? c : null;
    }

    /** A record of settings; a record written as one value (an RPC version, by its valueOf) is a value. */
    private static boolean isGroup(Class<?> type) {
        if (!type.isRecord()) {
            return false;
        }
        try {
            type.getMethod("valueOf", String.class);
            return false;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    /**
     * The README's configuration table: every backticked {@code novasim.} key of its first column (a following
     * {@code `.name`} continues the previous key's parent), and the default when the row has one key and one value.
     */
    private static Map<String, String> readmeTable() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"));
        table = table.substring(0, table.indexOf("\n## ", 3) < 0 ? table.length() : table.indexOf("\n## ", 3));
        Map<String, String> documented = new TreeMap<>();
        Pattern code = Pattern.compile("`([^`]+)`");
        for (String row : table.split("\n")) {
            String[] cells = row.split("(?<!\\\\)\\|");
            if (cells.length < 4 || !cells[1].contains("`novasim.")) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            Matcher m = code.matcher(cells[1]);
            String parent = null;
            while (m.find()) {
                String token = m.group(1);
                if (token.startsWith("novasim.")) {
                    String key = normalise(token);
                    keys.add(key);
                    parent = key.substring(0, key.lastIndexOf('.'));
                } else if (token.startsWith(".") && parent != null) {
                    keys.add(parent + normalise(token));
                }
            }
            String stated = cells[2].strip().replace("`", "");
            boolean single = keys.size() == 1 && stated.matches("[\\w.-]+");
            keys.forEach(key -> documented.put(key, single ? stated : null));
        }
        return documented;
    }

    private static String normalise(String key) {
        Matcher m = PLACEHOLDER.matcher(key);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().startsWith("[") ? "[*]" : ".*");
        }
        return m.appendTail(out).toString().replaceAll("\\.?…$", "");
    }

    /** The same value, however written: {@code 0} and {@code 0ms}, {@code 600s} and {@code 10m}, 1 and 1.0. */
    static boolean sameValue(String stated, String actual) {
        if (stated.equalsIgnoreCase(actual)) {
            return true;
        }
        Duration a = duration(stated);
        Duration b = duration(actual);
        if (a != null && b != null) {
            return a.equals(b);
        }
        try {
            return Double.parseDouble(stated) == Double.parseDouble(actual);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Duration duration(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        try {
            return text.matches("\\d+[a-z]+") ? DurationStyle.SIMPLE.parse(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
