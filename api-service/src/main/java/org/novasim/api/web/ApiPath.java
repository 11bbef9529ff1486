package org.novasim.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The path of a request as Spring MVC routes it: its segments percent-decoded and without matrix parameters
 * ({@code /%63ompute;x=1/v2.1} is routed as {@code /compute/v2.1}). Whatever decides about a request by its path
 * (authentication, error format, microversions) asks here, so it never sees another path than the router does.
 */
public final class ApiPath {

    private ApiPath() {}

    /** The routed path, e.g. {@code /compute/v2.1/servers}; a trailing slash is kept. */
    public static String of(HttpServletRequest request) {
        if (!isParseable(request)) {
            return request.getRequestURI();
        }
        StringBuilder path = new StringBuilder();
        for (PathContainer.Element element :
                parse(request).pathWithinApplication().elements()) {
            path.append(
                    element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : element.value());
        }
        return path.toString();
    }

    /** The first segment of the routed path ({@code compute}, {@code identity} ...), or "" for the root. */
    public static String root(HttpServletRequest request) {
        return isParseable(request) ? root(parse(request)) : literalRoot(request.getRequestURI());
    }

    /** The routed first segment of a path as sent, e.g. of the original request of an error dispatch. */
    static String root(String requestUri, String contextPath) {
        try {
            return root(RequestPath.parse(requestUri, contextPath));
        } catch (IllegalArgumentException e) {
            return literalRoot(requestUri);
        }
    }

    /**
     * The first segment of a path that cannot be decoded (a stray {@code %} further on), as written, when it needs
     * no decoding itself: {@code /network/v2.0/quotas/%} is still for the network API, and answers in its format.
     */
    static String literalRoot(String requestUri) {
        if (requestUri == null || !requestUri.startsWith("/")) {
            return "";
        }
        String first = requestUri.substring(1).split("[/;?]", 2)[0];
        return first.indexOf('%') >= 0 ? "" : first;
    }

    private static String root(RequestPath path) {
        for (PathContainer.Element element : path.pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                return segment.valueToMatch();
            }
        }
        return "";
    }

    /**
     * Why the path as sent is not in normal form, if it is not: an encoded unreserved character ({@code %63}), an
     * encoded slash, backslash or control character, a matrix parameter ({@code ;}), a {@code .} or {@code ..}
     * segment, or an empty segment ({@code //}). Such spellings only serve to make two checks disagree about
     * which resource is meant; clients never send them.
     */
    public static Optional<String> abnormality(HttpServletRequest request) {
        String raw = request.getRequestURI()
                .substring(Math.min(
                        request.getContextPath().length(),
                        request.getRequestURI().length()));
        String[] segments = raw.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() && i < segments.length - 1) {
                return Optional.of("it has an empty segment");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("it has a '" + segment + "' segment");
            }
            if (segment.indexOf(';') >= 0) {
                return Optional.of("it has a matrix parameter (';')");
            }
            Optional<String> escape = badEscape(segment);
            if (escape.isPresent()) {
                return escape;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> badEscape(String segment) {
        for (int at = segment.indexOf('%'); at >= 0; at = segment.indexOf('%', at + 1)) {
            if (at + 2 >= segment.length() || !isHex(segment.charAt(at + 1)) || !isHex(segment.charAt(at + 2))) {
                return Optional.of("it has a malformed percent-escape");
            }
            int value = HexFormat.fromHexDigits(segment, at + 1, at + 3);
            if (isUnreserved(value)) {
                return Optional.of("it percent-encodes the character '" + (char) value + "', which needs no encoding");
            }
            if (value < 0x20 || value == 0x7f || value == '/' || value == '\\') {
                return Optional.of("it encodes a slash, a backslash or a control character");
            }
        }
        return Optional.empty();
    }

    /** RFC 3986's unreserved characters: an encoding of one means the same as the character itself. */
    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** False for a path with a malformed percent-escape, which the router cannot parse either. */
    private static boolean isParseable(HttpServletRequest request) {
        try {
            parse(request);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static RequestPath parse(HttpServletRequest request) {
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return ServletRequestPathUtils.getParsedRequestPath(request);
        }
        // What the DispatcherServlet (mapped to "/") parses for its routing.
        return RequestPath.parse(request.getRequestURI(), request.getContextPath());
    }
}
