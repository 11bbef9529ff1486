package org.novasim.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the compute microversion a client asks for ({@code OpenStack-API-Version: compute 2.x} or the older
 * {@code X-OpenStack-Nova-API-Version: 2.x}; {@code latest} for the newest; none for 2.1), refuses one outside
 * the supported range with 406 as Nova does, and echoes the version in the response with {@code Vary}.
 * Only the compute API has microversions: clients send the header to the image and network APIs too, and there
 * it means nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiVersionFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = ApiVersion.class.getName();
    private static final String HEADER = "OpenStack-API-Version";
    private static final String LEGACY_HEADER = "X-OpenStack-Nova-API-Version";

    private final JsonMapper json;

    public ApiVersionFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPath.of(request).startsWith("/compute/v2.1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requested = requested(request);
        ApiVersion version;
        if (requested == null) {
            version = ApiVersion.MIN;
        } else if (requested.equalsIgnoreCase("latest")) {
            version = ApiVersion.MAX;
        } else {
            try {
                version = ApiVersion.parse(requested);
            } catch (IllegalArgumentException e) {
                reject(
                        response,
                        HttpStatus.BAD_REQUEST,
                        "API Version String " + requested
                                + " is of invalid format. Must be of format MajorNum.MinorNum.");
                return;
            }
            if (version.compareTo(ApiVersion.MIN) < 0 || version.compareTo(ApiVersion.MAX) > 0) {
                reject(
                        response,
                        HttpStatus.NOT_ACCEPTABLE,
                        "Version " + requested + " is not supported by the API. Minimum is " + ApiVersion.MIN
                                + " and maximum is " + ApiVersion.MAX + ".");
                return;
            }
        }
        request.setAttribute(ATTRIBUTE, version);
        response.setHeader(HEADER, "compute " + version);
        response.setHeader(LEGACY_HEADER, version.toString());
        response.addHeader("Vary", HEADER + ", " + LEGACY_HEADER);
        chain.doFilter(request, response);
    }

    /** The version asked for: the standard header naming compute wins over the legacy one. */
    private static String requested(HttpServletRequest request) {
        var headers = request.getHeaders(HEADER);
        while (headers.hasMoreElements()) {
            for (String part : headers.nextElement().split(",")) {
                String[] words = part.trim().split("\\s+");
                if (words.length == 2 && words[0].toLowerCase(Locale.ROOT).equals("compute")) {
                    return words[1];
                }
            }
        }
        String legacy = request.getHeader(LEGACY_HEADER);
        return legacy == null || legacy.isBlank() ? null : legacy.trim();
    }

    private void reject(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        Api.COMPUTE.write(response, json, status, message);
    }

    /** The version of a request that passed this filter; 2.1 for others. */
    public static ApiVersion of(HttpServletRequest request) {
        Object version = request.getAttribute(ATTRIBUTE);
        return version == null ? ApiVersion.MIN : (ApiVersion) version;
    }
}
