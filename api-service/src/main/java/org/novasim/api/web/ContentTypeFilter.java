package org.novasim.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Content-Type that names no one media type (a wildcard, {@code ;;;}, a charset that does not exist) is a 415 in
 * the API's format, as Nova answers "Unsupported Content-Type": Spring would fail on it wherever it first reads the
 * header, which was a 500. A well-formed type no controller reads is refused by the controller, also with a 415.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
public class ContentTypeFilter extends OncePerRequestFilter {

    static final String MESSAGE = "Unsupported Content-Type";

    private final JsonMapper json;

    public ContentTypeFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && !isConcrete(type)) {
            Api.of(request).write(response, json, HttpStatus.UNSUPPORTED_MEDIA_TYPE, MESSAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isConcrete(String type) {
        try {
            MediaType media = MediaType.parseMediaType(type);
            return !media.isWildcardType() && !media.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
