package org.novasim.systemtest.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One way into the API: an HTTP method on a path pattern as Spring MVC maps it, e.g. {@code GET /servers/{id}}. */
public record Route(String method, String pattern) implements Comparable<Route> {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** The API whose error format the route answers in: compute, identity, image, network (or another root). */
    public String api() {
        String[] segments = pattern.split("/");
        return segments.length > 1 ? segments[1] : "";
    }

    /** The names of the path variables, in order. */
    public List<String> variables() {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    public boolean changesState() {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    @Override
    public int compareTo(Route other) {
        int byPattern = pattern.compareTo(other.pattern);
        return byPattern != 0 ? byPattern : method.compareTo(other.method);
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
