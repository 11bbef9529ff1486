package org.novasim.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, with a 400 in the called API's format, a path that is not in normal form (see
 * {@link ApiPath#abnormality}): {@code /%63ompute/...} or {@code /compute;x=1/...} name the same route as
 * {@code /compute/...}, and no check further on should have to know that.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class NormalPathFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    public NormalPathFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> abnormality = ApiPath.abnormality(request);
        if (abnormality.isPresent()) {
            Api.of(request)
                    .write(
                            response,
                            json,
                            HttpStatus.BAD_REQUEST,
                            "The request path is not in normal form: " + abnormality.get() + ".");
            return;
        }
        chain.doFilter(request, response);
    }
}
