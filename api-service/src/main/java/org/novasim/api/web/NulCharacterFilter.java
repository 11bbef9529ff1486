package org.novasim.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a NUL character in a query parameter or in any string of a JSON body, with a 400 that names where it
 * was. No field of any API takes one, PostgreSQL cannot store one in text, and a NUL that reached the database
 * would fail there with no word of which field was wrong. A body is parsed here only when it holds the escape
 * {@code \u0000} at all; bad JSON is left for the controller to refuse in its own words.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 7)
public class NulCharacterFilter extends OncePerRequestFilter {

    private static final byte[] ESCAPE = "u0000".getBytes(StandardCharsets.US_ASCII);

    private final JsonMapper json;

    public NulCharacterFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> where = inQuery(request.getQueryString());
        HttpServletRequest passed = request;
        if (where.isEmpty() && hasBody(request)) {
            byte[] body = request.getInputStream().readAllBytes();
            where = inJson(body);
            passed = new Replayed(request, body);
        }
        if (where.isPresent()) {
            Api.of(request)
                    .write(
                            response,
                            json,
                            HttpStatus.BAD_REQUEST,
                            "Invalid input for field/attribute " + where.get() + ": a NUL character is not allowed.");
            return;
        }
        chain.doFilter(passed, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        String type = request.getContentType();
        boolean json = type == null || type.toLowerCase(java.util.Locale.ROOT).contains("json");
        return json && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null);
    }

    /** The query parameter holding a NUL, if one does. */
    static Optional<String> inQuery(String query) {
        if (query == null || !query.contains("%00")) {
            return Optional.empty();
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = decode(equals < 0 ? parameter : parameter.substring(0, equals));
            String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                return Optional.of(printable(name));
            }
        }
        return Optional.empty();
    }

    /** The JSON pointer of the first string (or property name) holding a NUL, if one does. */
    Optional<String> inJson(byte[] body) {
        if (indexOf(body, ESCAPE) < 0) {
            return Optional.empty();
        }
        try (JsonParser parser = json.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME)
                        && parser.getString().indexOf('\0') >= 0) {
                    String pointer = parser.streamReadContext().pathAsPointer().toString();
                    return Optional.of(pointer.isEmpty() ? "(the body)" : printable(pointer.substring(1)));
                }
            }
        } catch (JacksonException e) {
            // Not JSON: the controller refuses it as malformed, in its API's words.
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String printable(String text) {
        String shown = text.replace("\0", "\\u0000");
        return shown.length() > 100 ? shown.substring(0, 100) + "..." : shown;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The request with its body, already read here, to be read again. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
